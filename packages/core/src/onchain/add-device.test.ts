import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { addDevice, safeAddDevice } from "./add-device";
import { checkComposeHashAllowed } from "./check-compose-hash-allowed";
import { checkDeviceAllowed } from "./check-device-allowed";
import { OnchainError, OnchainPrerequisiteError } from "./errors";
import { APP, DEVICE, fakeChain, HASH, KMS, receiptOf, TX } from "./onchain.test-support";
import { removeDevice } from "./remove-device";
import { setAllowAnyDevice } from "./set-allow-any-device";

// The device allowlist's writes share addComposeHash's path (owner check, send,
// receipt); these tests check what each sends and resolves.
describe("the device helpers", () => {
  it("addDevice and removeDevice send the device to the app contract, once it is the sender's", async () => {
    for (const [helper, functionName] of [
      [addDevice, "addDevice"],
      [removeDevice, "removeDevice"],
    ] as const) {
      const clients = fakeChain({ receipt: receiptOf([]) });
      const result = await helper({ appAddress: APP, deviceId: DEVICE.slice(2), ...clients });
      expect(result).toEqual({
        appAddress: getAddress(APP),
        deviceId: DEVICE,
        transactionHash: TX,
        blockNumber: 7n,
        gasUsed: 21_000n,
      });
      expect(clients.walletClient.writeContract.mock.calls[0]![0]).toMatchObject({
        address: APP,
        functionName,
        args: [DEVICE],
      });
    }
    const notOwner = await safeAddDevice({
      appAddress: APP,
      deviceId: DEVICE,
      ...fakeChain({ owner: KMS }),
    });
    expect(notOwner.error).toBeInstanceOf(OnchainPrerequisiteError);
  });

  it("setAllowAnyDevice sends the flag", async () => {
    const clients = fakeChain({ receipt: receiptOf([]) });
    const result = await setAllowAnyDevice({ appAddress: APP, allow: true, ...clients });
    expect(result).toMatchObject({ appAddress: getAddress(APP), allow: true, transactionHash: TX });
    expect(clients.walletClient.writeContract.mock.calls[0]![0]).toMatchObject({
      functionName: "setAllowAnyDevice",
      args: [true],
    });
  });

  it("checkComposeHashAllowed reads allowedComposeHashes(bytes32)", async () => {
    const { publicClient } = fakeChain({ allowed: true });
    await expect(
      checkComposeHashAllowed({ appAddress: APP, composeHash: HASH, publicClient }),
    ).resolves.toBe(true);
    expect(publicClient.readContract).toHaveBeenCalledWith(
      expect.objectContaining({ address: APP, functionName: "allowedComposeHashes", args: [HASH] }),
    );
  });

  it("checkDeviceAllowed is true when any device is, else reads the device", async () => {
    const anyDevice = fakeChain({ allowed: true }).publicClient;
    await expect(
      checkDeviceAllowed({ appAddress: APP, deviceId: DEVICE, publicClient: anyDevice }),
    ).resolves.toBe(true);
    expect(anyDevice.readContract).toHaveBeenCalledTimes(1);
    const listed = fakeChain().publicClient;
    listed.readContract.mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    await expect(
      checkDeviceAllowed({ appAddress: APP, deviceId: DEVICE, publicClient: listed }),
    ).resolves.toBe(true);
    expect(listed.readContract.mock.calls[1]![0]).toMatchObject({
      functionName: "allowedDeviceIds",
      args: [DEVICE],
    });
    const failing = fakeChain().publicClient;
    failing.readContract.mockRejectedValueOnce(new Error("HTTP request failed"));
    const error = await checkDeviceAllowed({
      appAddress: APP,
      deviceId: DEVICE,
      publicClient: failing,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainError);
    expect(error.message).toContain("HTTP request failed");
  });
});
