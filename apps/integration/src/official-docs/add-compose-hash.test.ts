// The official reference's addComposeHash page (`cloud-js-sdk/add-compose-hash.mdx`):
// registering a compose hash in the app's auth contract (AppAuth) for an update
// of an on-chain-KMS CVM, the owner pre-check, every parameter and callback,
// the result's fields, the example's 465 round trip and safeAddComposeHash.
// The chain is Ganache in this process (local-chain.ts), the API the mock.
import {
  type AddComposeHash,
  addComposeHash,
  commitCvmComposeFileUpdate,
  createClient,
  kmsChain,
  OnchainPrerequisiteError,
  type OnchainTransactionStatus,
  PhalaCloudError,
  RequestValidationError,
  type SafeResult,
  safeAddComposeHash,
  updateCvmEnvs,
  updateDockerCompose,
  updatePreLaunchScript,
} from "@phala/cloud";
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { ADDRESSES, KEYS, type LocalChain, readApp, startLocalChain } from "../onchain/local-chain";
import { composeFile, type OnchainCvm, sameHash, startOnchainCvm } from "../onchain/onchain-cvm";
import { rejectionOf, useDocsMock } from "./docs.test-support";

const mock = useDocsMock({ transitionMs: 50 });
let local: LocalChain;
beforeAll(async () => {
  local = await startLocalChain();
}, 60_000);
afterAll(() => local?.close());

const hash = (byte: string) => `0x${byte.repeat(32)}`;
/** An app contract of the owner key, through the test KMS. */
const newApp = async () => (await local.deployApp(ADDRESSES.owner)) as string;
/** The chain and node of every call here: the mock's KMS is on Base, its chain is this node. */
const onLocalChain = () => ({ chain: local.chain, rpcUrl: local.url });

describe("addComposeHash: parameters", () => {
  it("chain, kmsContractAddress, appId, composeHash, privateKey: registers the hash in AppAuth", async () => {
    const app = await newApp();
    const result = await addComposeHash({
      chain: kmsChain(31337)!,
      rpcUrl: local.url,
      kmsContractAddress: local.kms,
      appId: app as `0x${string}`,
      composeHash: hash("a1"),
      privateKey: KEYS.owner,
    });
    expect(await readApp(local, app, "allowedComposeHashes", [hash("a1")])).toBe(true);
    expectTypeOf(result).toEqualTypeOf<AddComposeHash>();
  });

  it("composeHash may come without 0x; appId too (0x is added)", async () => {
    const app = await newApp();
    const result = await addComposeHash({
      ...onLocalChain(),
      kmsContractAddress: local.kms,
      appId: app.slice(2),
      composeHash: "a2".repeat(32),
      privateKey: KEYS.owner,
    });
    expect(result.composeHash).toBe(hash("a2"));
    expect(result.appId).toBe(app);
  });

  it("walletClient instead of privateKey, with publicClient: chain is then not needed", async () => {
    const app = await newApp();
    const walletClient = createWalletClient({
      account: privateKeyToAccount(KEYS.owner),
      chain: local.chainHere,
      transport: http(local.url),
    });
    const publicClient = createPublicClient({ chain: local.chainHere, transport: http(local.url) });
    await addComposeHash({
      walletClient,
      publicClient,
      kmsContractAddress: local.kms,
      appId: app,
      composeHash: hash("a3"),
    });
    expect(await readApp(local, app, "allowedComposeHashes", [hash("a3")])).toBe(true);
  });

  it("privateKey and walletClient together, or neither: refused, nothing sent", async () => {
    const walletClient = createWalletClient({
      account: privateKeyToAccount(KEYS.owner),
      chain: local.chainHere,
      transport: http(local.url),
    });
    const both = await rejectionOf(
      // @ts-expect-error the types refuse both
      addComposeHash({
        ...onLocalChain(),
        appId: ADDRESSES.owner,
        composeHash: hash("a4"),
        privateKey: KEYS.owner,
        walletClient,
      }),
    );
    expect(both).toBeInstanceOf(RequestValidationError);
    expect((both as RequestValidationError).issues[0]?.path).toBe("walletClient");
    const noSigner = { ...onLocalChain(), appId: ADDRESSES.owner, composeHash: hash("a4") };
    // @ts-expect-error and neither
    const neither = await rejectionOf(addComposeHash(noSigner));
    expect((neither as RequestValidationError).issues[0]?.path).toBe("privateKey");
  });

  it("rpcUrl alone: the node's chain is used (chain is conditional)", async () => {
    const app = await newApp();
    const result = await addComposeHash({
      rpcUrl: local.url,
      appId: app,
      composeHash: hash("a5"),
      privateKey: KEYS.owner,
    });
    expect(result.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it("skipPrerequisiteChecks and minBalance: the balance check (0.001 ETH by default)", async () => {
    const app = await local.deployApp(ADDRESSES.pauper);
    const checked = await rejectionOf(
      addComposeHash({
        ...onLocalChain(),
        appId: app,
        composeHash: hash("a6"),
        privateKey: KEYS.pauper,
      }),
    );
    expect(checked).toMatchObject({ name: "OnchainPrerequisiteError", check: "balance" });
    expect((checked as Error).message).toContain("less than minBalance 0.001 ETH");
    const lower = await rejectionOf(
      addComposeHash({
        ...onLocalChain(),
        appId: app,
        composeHash: hash("a6"),
        privateKey: KEYS.pauper,
        minBalance: "0",
      }),
    );
    // With the check passed (0 >= 0), the node itself refuses a sender without gas.
    expect((lower as PhalaCloudError).name).not.toBe("OnchainPrerequisiteError");
    const skipped = await rejectionOf(
      addComposeHash({
        ...onLocalChain(),
        appId: app,
        composeHash: hash("a6"),
        privateKey: KEYS.pauper,
        skipPrerequisiteChecks: true,
      }),
    );
    expect((skipped as PhalaCloudError).name).not.toBe("OnchainPrerequisiteError");
  });

  it("timeout and retryOptions are taken (a local node mines at once)", async () => {
    const app = await newApp();
    await expect(
      addComposeHash({
        ...onLocalChain(),
        appId: app,
        composeHash: hash("a7"),
        privateKey: KEYS.owner,
        timeout: 10_000,
        retryOptions: { maxRetries: 2, initialDelay: 50, maxDelay: 200, backoffFactor: 2 },
      }),
    ).resolves.toMatchObject({ composeHash: hash("a7") });
  });
});

describe("Contract owner pre-check", () => {
  it("a sender that is not owner() is refused before any transaction", async () => {
    const app = await newApp();
    const nonce = await local.publicClient.getTransactionCount({ address: ADDRESSES.stranger });
    const error = await rejectionOf(
      addComposeHash({
        ...onLocalChain(),
        appId: app,
        composeHash: hash("b1"),
        privateKey: KEYS.stranger,
      }),
    );
    expect(error).toBeInstanceOf(OnchainPrerequisiteError);
    expect(error).toMatchObject({ check: "owner" });
    expect((error as Error).message).toContain(`its owner is ${ADDRESSES.owner}`);
    expect(await local.publicClient.getTransactionCount({ address: ADDRESSES.stranger })).toBe(
      nonce,
    );
  });
});

describe("Callbacks", () => {
  it("onTransactionStateChange, onTransactionSubmitted, onTransactionConfirmed", async () => {
    const app = await newApp();
    const states: OnchainTransactionStatus["state"][] = [];
    let submitted = "";
    let confirmedBlock: bigint | undefined;
    const result = await addComposeHash({
      ...onLocalChain(),
      appId: app,
      composeHash: hash("c1"),
      privateKey: KEYS.owner,
      onTransactionStateChange: (status) => states.push(status.state),
      onTransactionSubmitted: (txHash) => {
        submitted = txHash;
      },
      onTransactionConfirmed: (receipt) => {
        confirmedBlock = receipt.blockNumber;
      },
    });
    expect(states).toEqual(["submitting", "pending", "success"]);
    expect(submitted).toBe(result.transactionHash);
    expect(confirmedBlock).toBe(result.blockNumber);
  });
});

describe("Returns: AddComposeHash", () => {
  it("composeHash, appId, appAuthAddress, transactionHash, blockNumber, gasUsed", async () => {
    const app = await newApp();
    const result = await addComposeHash({
      ...onLocalChain(),
      appId: app,
      composeHash: hash("d1"),
      privateKey: KEYS.owner,
    });
    const receipt = await local.publicClient.getTransactionReceipt({
      hash: result.transactionHash,
    });
    expect(result).toEqual({
      composeHash: hash("d1"),
      appId: app,
      appAuthAddress: app,
      transactionHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      gasUsed: receipt.gasUsed,
    });
    expectTypeOf(result.blockNumber).toEqualTypeOf<bigint | undefined>();
    expectTypeOf(result.gasUsed).toEqualTypeOf<bigint | undefined>();
  });
});

describe("When to use: after precondition_required (the example)", () => {
  let cvm: OnchainCvm;
  const client = () => createClient();
  beforeAll(async () => {
    cvm = await startOnchainCvm(
      createClient({ apiKey: "k", baseURL: mock.url }),
      local,
      "docs-add-compose-hash",
    );
  }, 60_000);

  it("updateDockerCompose returns precondition_required; register; retry with compose_hash and transaction_hash", async () => {
    const newYaml = composeFile("oracle:2");
    const preconditionResult = await updateDockerCompose(client(), {
      ...cvm.id,
      docker_compose_file: newYaml,
    });
    if (preconditionResult.status !== "precondition_required")
      throw new Error(preconditionResult.status);
    expect(sameHash(preconditionResult.app_id, cvm.deployed.appId)).toBe(true);
    const receipt = await addComposeHash({
      ...onLocalChain(),
      kmsContractAddress: preconditionResult.kms_info?.kms_contract_address,
      appId: preconditionResult.app_id as `0x${string}`,
      composeHash: preconditionResult.compose_hash,
      privateKey: KEYS.owner,
    });
    const accepted = await updateDockerCompose(client(), {
      ...cvm.id,
      docker_compose_file: newYaml,
      compose_hash: preconditionResult.compose_hash,
      transaction_hash: receipt.transactionHash,
    });
    expect(accepted.status).toBe("in_progress");
    await client().watchCvmState({ ...cvm.id, target: "running", interval: 5, timeout: 600 });
  });

  it("the same for updateCvmEnvs and updatePreLaunchScript", async () => {
    const envs = await updateCvmEnvs(client(), {
      ...cvm.id,
      encrypted_env: "00",
      env_keys: ["NEW_KEY"],
    });
    if (envs.status !== "precondition_required") throw new Error(envs.status);
    const envsTx = await addComposeHash({
      ...onLocalChain(),
      appId: envs.app_id,
      composeHash: envs.compose_hash,
      privateKey: KEYS.owner,
    });
    const envsDone = await updateCvmEnvs(client(), {
      ...cvm.id,
      encrypted_env: "00",
      env_keys: ["NEW_KEY"],
      compose_hash: envs.compose_hash,
      transaction_hash: envsTx.transactionHash,
    });
    expect(envsDone.status).toBe("in_progress");
    await client().watchCvmState({ ...cvm.id, target: "running", interval: 5, timeout: 600 });

    const script = "#!/bin/sh\necho ready\n";
    const pre = await updatePreLaunchScript(client(), { ...cvm.id, pre_launch_script: script });
    if (pre.status !== "precondition_required") throw new Error(pre.status);
    const preTx = await addComposeHash({
      ...onLocalChain(),
      appId: pre.app_id,
      composeHash: pre.compose_hash,
      privateKey: KEYS.owner,
    });
    const preDone = await updatePreLaunchScript(client(), {
      ...cvm.id,
      pre_launch_script: script,
      compose_hash: pre.compose_hash,
      transaction_hash: preTx.transactionHash,
    });
    expect(preDone.status).toBe("in_progress");
    await client().watchCvmState({ ...cvm.id, target: "running", interval: 5, timeout: 600 });
  });

  it("provisionCvmComposeFileUpdate with compose_hash_registered false: register, then commit", async () => {
    const compose = await client().getCvmComposeFile(cvm.id);
    compose.docker_compose_file = composeFile("oracle:3");
    const provision = await client().provisionCvmComposeFileUpdate({
      ...cvm.id,
      app_compose: compose,
    });
    expect(provision.compose_hash_registered).toBe(false);
    const registered = await addComposeHash({
      ...onLocalChain(),
      kmsContractAddress: provision.kms_info?.kms_contract_address,
      appId: provision.app_id as `0x${string}`,
      composeHash: provision.compose_hash,
      privateKey: KEYS.owner,
    });
    const onChain = `0x${provision.compose_hash.replace(/^0x/, "")}`;
    expect(await readApp(local, cvm.deployed.appId, "allowedComposeHashes", [onChain])).toBe(true);
    // The mock cannot read the chain: it takes the transaction as the proof
    // (the page's example sends none; the commit's page lists transaction_hash).
    const committed = await commitCvmComposeFileUpdate(client(), {
      ...cvm.id,
      compose_hash: provision.compose_hash,
      transaction_hash: registered.transactionHash,
    });
    expect(committed.status).not.toBe("precondition_required");
  });
});

describe("safeAddComposeHash", () => {
  it("SafeResult<AddComposeHash>: data, or the SDK's error (not thrown)", async () => {
    const app = await newApp();
    const ok = await safeAddComposeHash({
      ...onLocalChain(),
      appId: app,
      composeHash: hash("e1"),
      privateKey: KEYS.owner,
    });
    expectTypeOf(ok).toEqualTypeOf<SafeResult<AddComposeHash>>();
    if (!ok.success) throw ok.error;
    expect(ok.data.composeHash).toBe(hash("e1"));
    const failed = await safeAddComposeHash({
      ...onLocalChain(),
      appId: app,
      composeHash: hash("e1"),
      privateKey: KEYS.stranger,
    });
    expect(failed.success).toBe(false);
    expect(failed.error).toBeInstanceOf(PhalaCloudError);
    expect(failed.error?.message).toMatch(/is not the owner/);
  });
});
