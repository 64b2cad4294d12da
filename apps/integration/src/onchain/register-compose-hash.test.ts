// End to end: an on-chain-KMS app from provision to update, the mock API for
// Phala Cloud and Ganache for the chain. deployAppAuth deploys the app's auth
// contract through the KMS contract, the provision is committed with its app id,
// an update answers HTTP 465 (`precondition_required`), addComposeHash registers
// the hash in the contract, and the follow-up with its transaction is accepted.
import {
  addComposeHash,
  checkComposeHashAllowed,
  checkDeviceAllowed,
  confirmCvmPatch,
  createClient,
  deployAppAuth,
  encryptEnvVars,
  patchCvm,
  updateCvmEnvs,
} from "@phala/cloud";
import { SEED, startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractCheck } from "../harness";
import { ADDRESSES, KEYS, type LocalChain, readApp, startLocalChain } from "./local-chain";
import { composeFile, sameHash } from "./onchain-cvm";

const contract = contractCheck();
let local: LocalChain;
let mock: Awaited<ReturnType<typeof startMockApi>>;
beforeAll(async () => {
  [local, mock] = await Promise.all([
    startLocalChain(),
    startMockApi({ transitionMs: 50, onResponse: contract.onResponse }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([local?.close(), mock?.close()]);
  contract.verify("onchain-register-compose-hash");
});

const compose = composeFile;

describe("an on-chain-KMS app: deploy its contract, commit, update through the 465", () => {
  it("every step against the chain and the API", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });
    const id = { name: "onchain-e2e" };
    // The KMS on Base in the mock's world; its chain here is the local node.
    const onChain = { chain: local.chain, rpcUrl: local.url, privateKey: KEYS.owner };

    const provision = await client.provisionCvm({
      ...id,
      instance_type: "tdx.small",
      kms_id: SEED.kms.base.id,
      compose_file: { docker_compose_file: compose("oracle:1"), allowed_envs: ["RPC_TOKEN"] },
      env_keys: ["RPC_TOKEN"],
    });
    expect(provision.app_id ?? null).toBeNull();

    // 1. The app's contract, through the KMS contract: the provision's hash and device allowed.
    const deployed = await deployAppAuth({
      ...onChain,
      kmsContractAddress: local.kms,
      deviceId: provision.device_id,
      composeHash: provision.compose_hash,
    });
    expect(deployed.deployer).toBe(ADDRESSES.owner);
    const composeHash = `0x${provision.compose_hash.replace(/^0x/, "")}`;
    expect(await readApp(local, deployed.appId, "allowedComposeHashes", [composeHash])).toBe(true);
    expect(await readApp(local, deployed.appId, "allowAnyDevice")).toBe(false);
    const read = { chain: local.chain, rpcUrl: local.url, appAddress: deployed.appId };
    expect(await checkDeviceAllowed({ ...read, deviceId: provision.device_id! })).toBe(true);

    // 2. The commit names the contract the chain now has.
    const { public_key } = await client.getAppEnvEncryptPubKey({
      kms: SEED.kms.base.slug,
      app_id: deployed.appId,
    });
    const vm = await client.commitCvmProvision({
      app_id: deployed.appId,
      compose_hash: provision.compose_hash,
      kms_id: provision.kms_id!,
      contract_address: deployed.appAuthAddress,
      deployer_address: deployed.deployer,
      encrypted_env: await encryptEnvVars([{ key: "RPC_TOKEN", value: "one" }], public_key),
      env_keys: ["RPC_TOKEN"],
    });
    expect(sameHash(vm.app_id ?? "", deployed.appId)).toBe(true);
    await client.watchCvmState({ ...id, target: "running", interval: 5, timeout: 600 });

    // 3. New env keys change the compose hash: HTTP 465, the hash to register.
    const encrypted_env = await encryptEnvVars(
      [
        { key: "RPC_TOKEN", value: "two" },
        { key: "FEED", value: "eth-usd" },
      ],
      public_key,
    );
    const update = { ...id, encrypted_env, env_keys: ["RPC_TOKEN", "FEED"] };
    const first = await updateCvmEnvs(client, update);
    if (first.status !== "precondition_required") throw new Error(`got ${first.status}`);
    expect(sameHash(first.app_id, deployed.appId)).toBe(true);
    expect(first.kms_info?.kms_contract_address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await checkComposeHashAllowed({ ...read, composeHash: first.compose_hash })).toBe(false);

    // 4. Register it on-chain, as the 465 says.
    const registered = await addComposeHash({
      ...onChain,
      kmsContractAddress: first.kms_info?.kms_contract_address,
      appId: first.app_id,
      composeHash: first.compose_hash,
    });
    expect(sameHash(registered.composeHash, first.compose_hash)).toBe(true);
    expect(registered.appId).toBe(deployed.appId);
    const onChainHash = `0x${first.compose_hash.replace(/^0x/, "")}`;
    expect(await readApp(local, deployed.appId, "allowedComposeHashes", [onChainHash])).toBe(true);

    // 5. The follow-up with the hash and the transaction is accepted.
    const done = await updateCvmEnvs(client, {
      ...update,
      compose_hash: first.compose_hash,
      transaction_hash: registered.transactionHash,
    });
    expect(done.status).toBe("in_progress");
    await client.watchCvmState({ ...id, target: "running", interval: 5, timeout: 600 });

    // 6. The same through patchCvm and confirmCvmPatch.
    const patched = await patchCvm(client, { ...id, docker_compose_file: compose("oracle:2") });
    if (patched.status !== "precondition_required") throw new Error(`got ${patched.status}`);
    const again = await addComposeHash({
      ...onChain,
      appId: patched.app_id,
      composeHash: patched.compose_hash,
    });
    const confirmed = await confirmCvmPatch(client, {
      ...id,
      composeHash: patched.compose_hash,
      transactionHash: again.transactionHash,
    });
    expect(confirmed.status).toBe("accepted");
    await client.watchCvmState({ ...id, target: "running", interval: 5, timeout: 600 });
    expect(await client.getCvmDockerCompose(id)).toContain("oracle:2");
  }, 60_000);
});
