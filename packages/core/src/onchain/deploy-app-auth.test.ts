import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { ZERO_BYTES32 } from "./args";
import { deployAppAuth, safeDeployAppAuth } from "./deploy-app-auth";
import { OnchainEventMissingError, OnchainPrerequisiteError, OnchainRevertError } from "./errors";
import {
  APP,
  appDeployedLog,
  DEVICE,
  fakeChain,
  HASH,
  KMS,
  receiptOf,
  SENDER,
  TX,
} from "./onchain.test-support";

const deployed = (appId = APP, kms = KMS) => receiptOf([appDeployedLog(appId, SENDER, kms)]);

describe("deployAppAuth through the caller's clients", () => {
  it("calls deployAndRegisterApp on the KMS contract and reads the app id from its event", async () => {
    const clients = fakeChain({ receipt: deployed() });
    const result = await deployAppAuth({ kmsContractAddress: KMS, ...clients });
    expect(result).toEqual({
      appId: getAddress(APP),
      appAuthAddress: getAddress(APP),
      deployer: getAddress(SENDER),
      transactionHash: TX,
      blockNumber: 7n,
      gasUsed: 21_000n,
    });
    expect(clients.publicClient.getCode).toHaveBeenCalledWith({ address: KMS });
    // Defaults: upgrades on, no device allowed but not any either, no compose hash.
    expect(clients.walletClient.writeContract.mock.calls[0]![0]).toMatchObject({
      address: KMS,
      functionName: "deployAndRegisterApp",
      args: [getAddress(SENDER), false, false, ZERO_BYTES32, ZERO_BYTES32],
    });
  });

  it("passes the device, the compose hash and the flags; a device turns allowAnyDevice off", async () => {
    const withDevice = fakeChain({ receipt: deployed() });
    await deployAppAuth({
      kmsContractAddress: KMS.slice(2),
      ...withDevice,
      deviceId: DEVICE.slice(2),
      composeHash: HASH,
      allowAnyDevice: true,
      disableUpgrades: true,
    });
    expect(withDevice.walletClient.writeContract.mock.calls[0]![0]).toMatchObject({
      args: [getAddress(SENDER), true, false, DEVICE, HASH],
    });
    const anyDevice = fakeChain({ receipt: deployed() });
    await deployAppAuth({
      kmsContractAddress: KMS,
      ...anyDevice,
      allowAnyDevice: true,
      deviceId: null,
    });
    expect(anyDevice.walletClient.writeContract.mock.calls[0]![0]).toMatchObject({
      args: [getAddress(SENDER), false, true, ZERO_BYTES32, ZERO_BYTES32],
    });
  });

  it("refuses a KMS address without a contract, before sending", async () => {
    const clients = fakeChain({ code: undefined });
    const error = await deployAppAuth({ kmsContractAddress: KMS, ...clients }).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainPrerequisiteError);
    expect(error).toMatchObject({ check: "contract", contractAddress: KMS });
    expect(clients.walletClient.writeContract).not.toHaveBeenCalled();
  });

  it("is an error when the receipt has no AppDeployedViaFactory of this KMS, or reverted", async () => {
    for (const receipt of [receiptOf([]), deployed(APP, `0x${"01".repeat(20)}`)]) {
      const error = await deployAppAuth({
        kmsContractAddress: KMS,
        ...fakeChain({ receipt }),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(OnchainEventMissingError);
      expect(error).toMatchObject({ event: "AppDeployedViaFactory", transactionHash: TX });
    }
    const reverted = fakeChain({ receipt: receiptOf([], "reverted") });
    await expect(deployAppAuth({ kmsContractAddress: KMS, ...reverted })).rejects.toBeInstanceOf(
      OnchainRevertError,
    );
  });

  it("safeDeployAppAuth resolves the data or the SDK's error", async () => {
    const ok = await safeDeployAppAuth({
      kmsContractAddress: KMS,
      ...fakeChain({ receipt: deployed() }),
    });
    expect(ok).toMatchObject({ success: true, data: { appId: getAddress(APP) } });
    const failed = await safeDeployAppAuth({ kmsContractAddress: KMS, ...fakeChain() });
    expect(failed).toMatchObject({ success: false, error: { name: "OnchainEventMissingError" } });
  });
});
