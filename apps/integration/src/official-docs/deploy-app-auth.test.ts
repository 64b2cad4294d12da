// The official reference's deployAppAuth page (`cloud-js-sdk/deploy-app-auth.mdx`):
// deploying an app's AppAuth contract through the KMS factory contract, every
// parameter and callback, the result's fields, the example (from a provision's
// device_id and compose_hash) with the app id then used in commitCvmProvision,
// the ETH the sender needs, and safeDeployAppAuth. The chain is Ganache in this
// process (local-chain.ts), the API the mock.
import {
  createClient,
  type DeployAppAuth,
  deployAppAuth,
  kmsChain,
  type OnchainTransactionStatus,
  PhalaCloudError,
  RequestValidationError,
  type SafeResult,
  safeDeployAppAuth,
} from "@phala/cloud";
import { SEED } from "@phala/cloud-mock-api";
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { ADDRESSES, KEYS, type LocalChain, readApp, startLocalChain } from "../onchain/local-chain";
import { composeFile, sameHash } from "../onchain/onchain-cvm";
import { rejectionOf, useDocsMock } from "./docs.test-support";

// The commit of the example goes to the mock (a docs reader's createClient() reaches it).
useDocsMock({ transitionMs: 50 });
let local: LocalChain;
beforeAll(async () => {
  local = await startLocalChain();
}, 60_000);
afterAll(() => local?.close());

const hash = (byte: string) => `0x${byte.repeat(32)}`;
const ZERO = hash("00");
/** The chain and node of every call here: the mock's KMS is on Ethereum or Base, its chain is this node. */
const onLocalChain = () => ({ chain: local.chain, rpcUrl: local.url });

describe("deployAppAuth: parameters", () => {
  it("chain, kmsContractAddress, privateKey: an AppAuth contract owned by the deployer", async () => {
    const result = await deployAppAuth({
      chain: kmsChain(31337)!,
      rpcUrl: local.url,
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
    });
    expect(await readApp(local, result.appAuthAddress, "owner")).toBe(ADDRESSES.owner);
    expectTypeOf(result).toEqualTypeOf<DeployAppAuth>();
  });

  it("deviceId and composeHash default to 32 zero bytes: nothing allowed yet, and not any device", async () => {
    const { appId } = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
    });
    expect(await readApp(local, appId, "allowedComposeHashes", [ZERO])).toBe(false);
    expect(await readApp(local, appId, "allowedDeviceIds", [ZERO])).toBe(false);
    expect(await readApp(local, appId, "allowAnyDevice")).toBe(false);
    expect(await readApp(local, appId, "upgradesDisabled")).toBe(false);
  });

  it("deviceId and composeHash: the device and the hash allowed from the start", async () => {
    const { appId } = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
      deviceId: hash("d1"),
      composeHash: "c1".repeat(32),
    });
    expect(await readApp(local, appId, "allowedDeviceIds", [hash("d1")])).toBe(true);
    expect(await readApp(local, appId, "allowedComposeHashes", [hash("c1")])).toBe(true);
  });

  it("allowAnyDevice (default false), turned off when a deviceId is given", async () => {
    const any = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
      allowAnyDevice: true,
    });
    expect(await readApp(local, any.appId, "allowAnyDevice")).toBe(true);
    const specific = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
      allowAnyDevice: true,
      deviceId: hash("d2"),
    });
    expect(await readApp(local, specific.appId, "allowAnyDevice")).toBe(false);
  });

  it("disableUpgrades (default false) is passed to the factory", async () => {
    const { appId } = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
      disableUpgrades: true,
    });
    expect(await readApp(local, appId, "upgradesDisabled")).toBe(true);
  });

  it("walletClient (the deployer is its account) and publicClient; no chain needed with both", async () => {
    const walletClient = createWalletClient({
      account: privateKeyToAccount(KEYS.stranger),
      chain: local.chainHere,
      transport: http(local.url),
    });
    const publicClient = createPublicClient({ chain: local.chainHere, transport: http(local.url) });
    const result = await deployAppAuth({
      walletClient,
      publicClient,
      kmsContractAddress: local.kms,
    });
    expect(result.deployer).toBe(ADDRESSES.stranger);
    expect(await readApp(local, result.appId, "owner")).toBe(ADDRESSES.stranger);
  });

  it("rpcUrl alone: the node says its chain", async () => {
    const result = await deployAppAuth({
      rpcUrl: local.url,
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
    });
    expect(result.appId).toMatch(/^0x[0-9a-fA-F]{40}$/);
  });

  it("privateKey or walletClient, exactly one; a KMS address of 20 bytes", async () => {
    const noSigner = { ...onLocalChain(), kmsContractAddress: local.kms };
    // @ts-expect-error one of them is required
    const neither = await rejectionOf(deployAppAuth(noSigner));
    expect(neither).toBeInstanceOf(RequestValidationError);
    const badKms = await rejectionOf(
      deployAppAuth({ ...onLocalChain(), kmsContractAddress: "0x1234", privateKey: KEYS.owner }),
    );
    expect((badKms as RequestValidationError).issues.map((i) => i.path)).toEqual([
      "kmsContractAddress",
    ]);
  });

  it('skipPrerequisiteChecks, minBalance ("0.001" by default), timeout, retryOptions', async () => {
    // The page's warning: the sender needs ETH for gas; 0.001 ETH is checked by default.
    const poor = await rejectionOf(
      deployAppAuth({ ...onLocalChain(), kmsContractAddress: local.kms, privateKey: KEYS.pauper }),
    );
    expect(poor).toMatchObject({ name: "OnchainPrerequisiteError", check: "balance" });
    const tooMuch = await rejectionOf(
      deployAppAuth({
        ...onLocalChain(),
        kmsContractAddress: local.kms,
        privateKey: KEYS.owner,
        minBalance: "1000000",
      }),
    );
    expect(tooMuch).toMatchObject({ check: "balance" });
    const wrongChain = await rejectionOf(
      deployAppAuth({
        chain: kmsChain(8453)!,
        rpcUrl: local.url,
        kmsContractAddress: local.kms,
        privateKey: KEYS.owner,
      }),
    );
    expect(wrongChain).toMatchObject({ check: "chain" });
    // Skipped: the wallet's chain is not compared, the node then signs for the node's own.
    const skipped = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
      minBalance: "1000000",
      skipPrerequisiteChecks: true,
      timeout: 10_000,
      retryOptions: { maxRetries: 1, initialDelay: 50 },
    });
    expect(skipped.appId).toMatch(/^0x/);
  });
});

describe("Callbacks", () => {
  it("onTransactionStateChange, onTransactionSubmitted (to the mempool), onTransactionConfirmed", async () => {
    const states: OnchainTransactionStatus[] = [];
    const submitted: string[] = [];
    const confirmed: bigint[] = [];
    const result = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
      onTransactionStateChange: (status) => states.push(status),
      onTransactionSubmitted: (txHash) => submitted.push(txHash),
      onTransactionConfirmed: (receipt) => confirmed.push(receipt.gasUsed ?? 0n),
    });
    expect(states.map((s) => s.state)).toEqual(["submitting", "pending", "success"]);
    expect(states[1]?.hash).toBe(result.transactionHash);
    expect(submitted).toEqual([result.transactionHash]);
    expect(confirmed).toEqual([result.gasUsed]);
  });
});

describe("Returns: DeployAppAuth", () => {
  it("appId, appAuthAddress, deployer, transactionHash, blockNumber, gasUsed", async () => {
    const result = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
    });
    const receipt = await local.publicClient.getTransactionReceipt({
      hash: result.transactionHash,
    });
    expect(result).toEqual({
      appId: result.appAuthAddress,
      appAuthAddress: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
      deployer: ADDRESSES.owner,
      transactionHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      gasUsed: receipt.gasUsed,
    });
    // The app id is the contract the KMS deployed (its AppDeployedViaFactory event).
    expect(
      await local.publicClient.getCode({ address: result.appAuthAddress as `0x${string}` }),
    ).toMatch(/^0x.+/);
  });
});

describe("Example: from a provision to commitCvmProvision", () => {
  it("deviceId and composeHash of the provision; the app id, contract and deployer in the commit", async () => {
    const client = createClient();
    const provision = await client.provisionCvm({
      name: "docs-deploy-app-auth",
      compose_file: { docker_compose_file: composeFile("oracle:1") },
      kms_id: SEED.kms.base.slug,
    });
    const logged: string[] = [];
    const result = await deployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms, // the provision's kms_info.kms_contract_address on Base
      privateKey: KEYS.owner,
      deviceId: provision.device_id,
      composeHash: provision.compose_hash,
      onTransactionSubmitted: (txHash) => {
        logged.push(`Transaction submitted: ${txHash}`);
      },
    });
    logged.push(`App ID: ${result.appId}`, `Contract: ${result.appAuthAddress}`);
    expect(logged).toHaveLength(3);
    const allowed = `0x${provision.compose_hash.replace(/^0x/, "")}`;
    expect(await readApp(local, result.appId, "allowedComposeHashes", [allowed])).toBe(true);
    expect(
      await readApp(local, result.appId, "allowedDeviceIds", [
        `0x${provision.device_id!.replace(/^0x/, "")}`,
      ]),
    ).toBe(true);

    const vm = await client.commitCvmProvision({
      app_id: result.appId,
      compose_hash: provision.compose_hash,
      kms_id: provision.kms_id!,
      contract_address: result.appAuthAddress,
      deployer_address: result.deployer,
    });
    expect(sameHash(vm.app_id ?? "", result.appId)).toBe(true);
  });
});

describe("safeDeployAppAuth", () => {
  it("SafeResult<DeployAppAuth>: data, or the SDK's error (not thrown)", async () => {
    const ok = await safeDeployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      privateKey: KEYS.owner,
    });
    expectTypeOf(ok).toEqualTypeOf<SafeResult<DeployAppAuth>>();
    if (!ok.success) throw ok.error;
    expect(ok.data.deployer).toBe(ADDRESSES.owner);
    const failed = await safeDeployAppAuth({
      ...onLocalChain(),
      kmsContractAddress: local.silentKms,
      privateKey: KEYS.owner,
    });
    expect(failed.success).toBe(false);
    expect(failed.error).toBeInstanceOf(PhalaCloudError);
    expect(failed.error?.name).toBe("OnchainEventMissingError");
  });
});
