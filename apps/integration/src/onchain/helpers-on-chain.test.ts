// The on-chain helpers of @phala/cloud (its built package) against a real EVM:
// Ganache in this process, the test contracts of TestKms.sol. Every helper, both
// ways of signing, the node-derived chain, and each typed failure.
import { inspect } from "node:util";
import {
  addComposeHash,
  addDevice,
  checkComposeHashAllowed,
  checkDeviceAllowed,
  deployAppAuth,
  kmsChain,
  OnchainEventMissingError,
  OnchainPrerequisiteError,
  OnchainRevertError,
  type OnchainTransactionStatus,
  PhalaCloudError,
  removeDevice,
  safeAddComposeHash,
  safeDeployAppAuth,
  setAllowAnyDevice,
} from "@phala/cloud";
import { createPublicClient, createWalletClient, getAddress, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADDRESSES, KEYS, type LocalChain, readApp, startLocalChain } from "./local-chain";

let local: LocalChain;
beforeAll(async () => {
  local = await startLocalChain();
}, 60_000);
afterAll(() => local?.close());

const hash = (byte: string) => `0x${byte.repeat(32)}`;
const owner = () => ({ chain: local.chain, rpcUrl: local.url, privateKey: KEYS.owner });

/** A fresh app contract deployed through the KMS, owned by the owner key. */
async function newApp(): Promise<string> {
  const { appId } = await deployAppAuth({ ...owner(), kmsContractAddress: local.kms });
  return appId;
}

/** Every form an error can be read in. */
function everyForm(value: unknown): string {
  return [
    String(value),
    JSON.stringify(value, (_, v) => (typeof v === "bigint" ? String(v) : v)),
    inspect(value, { depth: 20, showHidden: true }),
  ].join("\n");
}

describe("deployAppAuth and addComposeHash with a private key", () => {
  it("deploys through the KMS, then registers a compose hash the contract then allows", async () => {
    const deployed = await deployAppAuth({ ...owner(), kmsContractAddress: local.kms });
    expect(deployed.deployer).toBe(ADDRESSES.owner);
    expect(deployed.appAuthAddress).toBe(deployed.appId);
    expect(await readApp(local, deployed.appId, "owner")).toBe(ADDRESSES.owner);

    const added = await addComposeHash({
      ...owner(),
      appId: deployed.appId,
      composeHash: hash("ab"),
    });
    expect(added).toMatchObject({ composeHash: hash("ab"), appId: deployed.appId });
    expect(await readApp(local, deployed.appId, "allowedComposeHashes", [hash("ab")])).toBe(true);
    const receipt = await local.publicClient.getTransactionReceipt({ hash: added.transactionHash });
    expect(receipt).toMatchObject({
      status: "success",
      blockNumber: added.blockNumber,
      gasUsed: added.gasUsed,
    });
    expect(receipt.to).toBe(deployed.appId.toLowerCase());
  });

  it("asks the node for its chain when only rpcUrl is given", async () => {
    const deployed = await deployAppAuth({
      rpcUrl: local.url,
      privateKey: KEYS.owner,
      kmsContractAddress: local.kms,
    });
    await expect(
      addComposeHash({
        rpcUrl: local.url,
        privateKey: KEYS.owner,
        appId: deployed.appId,
        composeHash: hash("01"),
      }),
    ).resolves.toMatchObject({ composeHash: hash("01") });
  });

  it("takes the chain's own RPC URL when no rpcUrl is given", async () => {
    const app = await newApp();
    await expect(
      addComposeHash({
        chain: local.chainHere,
        privateKey: KEYS.owner,
        appId: app,
        composeHash: hash("02"),
      }),
    ).resolves.toBeDefined();
  });
});

describe("with viem's own clients", () => {
  it("walletClient and publicClient: no chain needed, nothing made by the helper", async () => {
    const account = privateKeyToAccount(KEYS.owner);
    const walletClient = createWalletClient({
      account,
      chain: local.chainHere,
      transport: http(local.url),
    });
    const publicClient = createPublicClient({ chain: local.chainHere, transport: http(local.url) });
    const deployed = await deployAppAuth({
      walletClient,
      publicClient,
      kmsContractAddress: local.kms,
    });
    expect(deployed.deployer).toBe(account.address);
    const added = await addComposeHash({
      walletClient,
      publicClient,
      appId: deployed.appId,
      composeHash: hash("03"),
    });
    expect(
      await checkComposeHashAllowed({
        publicClient,
        appAddress: added.appId,
        composeHash: hash("03"),
      }),
    ).toBe(true);
  });

  it("a wallet client alone, over the chain's RPC URL", async () => {
    const walletClient = createWalletClient({
      account: privateKeyToAccount(KEYS.owner),
      chain: local.chainHere,
      transport: http(local.url),
    });
    const app = await newApp();
    await expect(
      addComposeHash({ walletClient, appId: app, composeHash: hash("04") }),
    ).resolves.toBeDefined();
  });
});

describe("typed failures, nothing sent where a check fails first", () => {
  it("a sender that does not own the app: refused before sending", async () => {
    const app = await newApp();
    const before = await local.publicClient.getTransactionCount({ address: ADDRESSES.stranger });
    const error = await addComposeHash({
      ...owner(),
      privateKey: KEYS.stranger,
      appId: app,
      composeHash: hash("05"),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainPrerequisiteError);
    expect(error.check).toBe("owner");
    expect(error.message).toContain(ADDRESSES.stranger);
    expect(await local.publicClient.getTransactionCount({ address: ADDRESSES.stranger })).toBe(
      before,
    );
  });

  it("a contract that refuses (a hash already allowed) is an OnchainRevertError with its reason", async () => {
    const app = await newApp();
    await addComposeHash({ ...owner(), appId: app, composeHash: hash("06") });
    const error = await addComposeHash({ ...owner(), appId: app, composeHash: hash("06") }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(OnchainRevertError);
    expect(error.reason).toBe("compose hash already allowed");
    expect(error.endpoint).toBe("addComposeHash");
  });

  it("a KMS that emits no AppDeployedViaFactory: no app id is guessed", async () => {
    const error = await deployAppAuth({ ...owner(), kmsContractAddress: local.silentKms }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(OnchainEventMissingError);
    expect(error.event).toBe("AppDeployedViaFactory");
    expect(error.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
    const safe = await safeDeployAppAuth({ ...owner(), kmsContractAddress: local.silentKms });
    expect(safe).toMatchObject({ success: false, error: { name: "OnchainEventMissingError" } });
  });

  it("no contract at the KMS address; an app id where no contract is", async () => {
    const nowhere = `0x${"5".repeat(40)}`;
    const kms = await deployAppAuth({ ...owner(), kmsContractAddress: nowhere }).catch((e) => e);
    expect(kms).toMatchObject({ name: "OnchainPrerequisiteError", check: "contract" });
    const app = await addComposeHash({ ...owner(), appId: nowhere, composeHash: hash("07") }).catch(
      (e) => e,
    );
    expect(app).toMatchObject({ name: "OnchainPrerequisiteError", check: "contract" });
  });

  it("a wallet without minBalance; a chain the node is not on", async () => {
    const poor = await deployAppAuth({
      ...owner(),
      privateKey: KEYS.pauper,
      kmsContractAddress: local.kms,
    }).catch((e) => e);
    expect(poor).toMatchObject({ name: "OnchainPrerequisiteError", check: "balance" });
    const wrongChain = await deployAppAuth({
      ...owner(),
      chain: kmsChain(8453)!,
      kmsContractAddress: local.kms,
    }).catch((e) => e);
    expect(wrongChain).toMatchObject({
      name: "OnchainPrerequisiteError",
      check: "chain",
      chainId: 8453,
    });
  });

  it("a node that does not answer is an OnchainError", async () => {
    const error = await addComposeHash({
      chain: local.chain,
      rpcUrl: "http://127.0.0.1:9",
      privateKey: KEYS.owner,
      appId: ADDRESSES.owner,
      composeHash: hash("08"),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error.name).toBe("OnchainError");
    expect(error.message).toContain("HTTP request failed");
  }, 30_000);

  it("the private key appears in no error of any path, nor in a log", async () => {
    const logs = ["log", "info", "warn", "error", "debug"].map((m) =>
      vi.spyOn(console, m as "log"),
    );
    const app = await newApp();
    await addComposeHash({ ...owner(), appId: app, composeHash: hash("09") });
    // One after the other: two transactions of one key at once would race for its nonce.
    const calls = [
      () => safeAddComposeHash({ ...owner(), appId: app, composeHash: hash("09") }), // revert
      () =>
        safeAddComposeHash({
          ...owner(),
          privateKey: KEYS.pauper,
          appId: app,
          composeHash: hash("0a"),
        }), // balance
      () =>
        safeAddComposeHash({
          ...owner(),
          chain: kmsChain(1)!,
          appId: app,
          composeHash: hash("0b"),
        }), // chain
      () =>
        safeAddComposeHash({
          ...owner(),
          rpcUrl: `http://127.0.0.1:9/${KEYS.owner}`,
          appId: app,
          composeHash: hash("0c"),
        }), // node
      () => safeDeployAppAuth({ ...owner(), kmsContractAddress: local.silentKms }), // event
      () =>
        safeAddComposeHash({
          ...owner(),
          privateKey: `0x${"f".repeat(64)}`,
          appId: app,
          composeHash: hash("0d"),
        }), // not a key
    ];
    const failures = [];
    for (const call of calls) failures.push(await call());
    for (const [i, failure] of failures.entries()) {
      expect(failure.success, `failure ${i}`).toBe(false);
      const text = everyForm(failure);
      for (const key of Object.values(KEYS))
        expect(text).not.toMatch(new RegExp(key.slice(2), "i"));
      expect(text).not.toMatch(/f{64}/i);
    }
    for (const spy of logs) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  }, 30_000);
});

describe("callbacks and options", () => {
  it("reports submitting, pending and success, the hash and the receipt", async () => {
    const app = await newApp();
    const states: OnchainTransactionStatus[] = [];
    const submitted: string[] = [];
    const confirmed: string[] = [];
    const result = await addComposeHash({
      ...owner(),
      appId: app,
      composeHash: hash("10"),
      minBalance: "1",
      timeout: 30_000,
      retryOptions: { maxRetries: 1, initialDelay: 10 },
      onTransactionStateChange: (status) => states.push(status),
      onTransactionSubmitted: (h) => submitted.push(h),
      onTransactionConfirmed: (receipt) => confirmed.push(receipt.transactionHash),
    });
    expect(states.map((s) => s.state)).toEqual(["submitting", "pending", "success"]);
    expect(submitted).toEqual([result.transactionHash]);
    expect(confirmed).toEqual([result.transactionHash]);
    expect(states[2]?.confirmTime).toBeGreaterThanOrEqual(states[1]?.submitTime ?? 0);
  });
});

describe("the device allowlist and the read helpers", () => {
  it("addDevice, removeDevice, setAllowAnyDevice and the checks agree with the contract", async () => {
    const app = await newApp();
    const device = hash("de");
    const on = { ...owner(), appAddress: app, deviceId: device };
    const read = { chain: local.chain, rpcUrl: local.url, appAddress: app };
    expect(await checkDeviceAllowed({ ...read, deviceId: device })).toBe(false);
    const added = await addDevice(on);
    expect(added).toMatchObject({ appAddress: getAddress(app), deviceId: device });
    expect(await readApp(local, app, "allowedDeviceIds", [device])).toBe(true);
    expect(await checkDeviceAllowed({ ...read, deviceId: device })).toBe(true);
    await removeDevice(on);
    expect(await checkDeviceAllowed({ ...read, deviceId: device })).toBe(false);
    const any = await setAllowAnyDevice({ ...owner(), appAddress: app, allow: true });
    expect(any.allow).toBe(true);
    expect(await readApp(local, app, "allowAnyDevice")).toBe(true);
    expect(await checkDeviceAllowed({ ...read, deviceId: device })).toBe(true);
    expect(await checkComposeHashAllowed({ ...read, composeHash: hash("99") })).toBe(false);
    const stranger = await addDevice({ ...on, privateKey: KEYS.stranger }).catch((e) => e);
    expect(stranger).toMatchObject({ name: "OnchainPrerequisiteError", check: "owner" });
  });
});
