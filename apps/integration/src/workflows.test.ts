import {
  commitCvmComposeFileUpdate,
  createClient,
  decryptEnvVars,
  encryptEnvVars,
  getCvmList,
  NotFoundError,
  paginate,
} from "@phala/cloud";
import {
  kmsPrivateKeyFor,
  provisionPrivateKeyFor,
  SEED,
  startMockApi,
} from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractCheck } from "./harness";

// Whole workflows against the mock API, with status changes sped up to 50 ms;
// every answer of the mock is checked against the API contract.
const contract = contractCheck();
let mock: Awaited<ReturnType<typeof startMockApi>>;
beforeAll(async () => {
  mock = await startMockApi({
    transitionMs: 50,
    streamSecondMs: 4,
    extraCvms: 238,
    onResponse: contract.onResponse,
  });
});
afterAll(async () => {
  await mock.close();
  contract.verify("workflows");
});

const compose = (image: string) =>
  `services:\n  web:\n    image: ${image}\n    ports:\n      - "8080:80"\n`;
// The API's bounds: interval 5-30 s, timeout 10-600 s; a stream second lasts 4 ms here.
const WATCH = { interval: 5, timeout: 600 };

describe("a CVM from creation to deletion", () => {
  it("phala KMS: two-phase create with encrypted env vars, watch, resize, stop, delete", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const provision = await client.provisionCvm({
      name: "workflow-phala",
      instance_type: "tdx.small",
      compose_file: {
        docker_compose_file: compose("nginx:1.27-alpine"),
        allowed_envs: ["API_TOKEN"],
      },
      env_keys: ["API_TOKEN"],
    });
    expect(provision.app_id).toMatch(/^[0-9a-f]{40}$/);
    const envs = [{ key: "API_TOKEN", value: "s3cr3t" }];
    const encrypted_env = await encryptEnvVars(envs, provision.app_env_encrypt_pubkey!);
    // The platform (here the mock, holding the KMS key) can read what the SDK encrypted.
    const privateKey = provisionPrivateKeyFor(mock.state, provision.app_id!)!;
    expect(await decryptEnvVars(encrypted_env, privateKey)).toEqual(envs);

    const vm = await client.commitCvmProvision({
      app_id: provision.app_id!,
      compose_hash: provision.compose_hash,
      encrypted_env,
      env_keys: ["API_TOKEN"],
    });
    expect(vm.status).toBe("starting");
    const id = { name: "workflow-phala" };
    const events: string[] = [];
    const running = await client.watchCvmState(
      { ...id, target: "running", ...WATCH },
      { onEvent: (event) => events.push(event.type) },
    );
    expect(running.status).toBe("running");
    expect(events.at(-1)).toBe("complete");

    const page = await client.getCvmList({ page_size: 100 });
    expect(page.total).toBe(251);

    await client.updateCvmResources({ ...id, instance_type: "tdx.medium", allow_restart: true });
    await client.watchCvmState({ ...id, target: "running", ...WATCH });
    const resized = await client.getCvmInfo(id);
    expect(resized.resource.instance_type).toBe("tdx.medium");

    await client.stopCvm(id);
    const stopped = await client.watchCvmState({ ...id, target: "stopped", ...WATCH });
    expect(stopped.status).toBe("stopped");
    const again = await client.safeStopCvm(id);
    expect(again.success).toBe(false);
    expect(again.error?.status).toBe(409);

    await expect(client.deleteCvm(id)).resolves.toBeUndefined();
    await expect(client.getCvmInfo(id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await client.getCvmList({ page_size: 100 })).total).toBe(250);
  });

  it("on-chain KMS: create, then update the compose file through the 465 path", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const kms = (await client.getKmsInfo({ kms_id: SEED.kms.base.id })) as { slug?: string | null };
    const provision = await client.provisionCvm({
      name: "workflow-onchain",
      instance_type: "tdx.small",
      kms_id: SEED.kms.base.id,
      compose_file: {
        docker_compose_file: compose("nginx:1.27-alpine"),
        allowed_envs: ["API_TOKEN"],
      },
      env_keys: ["API_TOKEN"],
    });
    // On-chain, the app id is the app contract's, deployed by the user (no chain here).
    expect(provision.app_id ?? null).toBeNull();
    const appId = "c0ffee".padEnd(40, "0");
    const { public_key } = await client.getAppEnvEncryptPubKey({ kms: kms.slug!, app_id: appId });
    const envs = [{ key: "API_TOKEN", value: "on-chain secret" }];
    const encrypted_env = await encryptEnvVars(envs, public_key);
    expect(
      await decryptEnvVars(encrypted_env, kmsPrivateKeyFor(mock.state, SEED.kms.base.id, appId)),
    ).toEqual(envs);
    await client.commitCvmProvision({
      app_id: appId,
      compose_hash: provision.compose_hash,
      encrypted_env,
      env_keys: ["API_TOKEN"],
      kms_id: SEED.kms.base.id,
      contract_address: `0x${appId}`,
      deployer_address: `0x${"d".repeat(40)}`,
    });
    const id = { name: "workflow-onchain" };
    await client.watchCvmState({ ...id, target: "running", ...WATCH });

    const update = await client.provisionCvmComposeFileUpdate({
      ...id,
      app_compose: { name: "workflow-onchain", docker_compose_file: compose("nginx:1.28-alpine") },
    });
    const first = await commitCvmComposeFileUpdate(client, {
      ...id,
      compose_hash: update.compose_hash,
    });
    expect(first.status).toBe("precondition_required");
    if (first.status !== "precondition_required") throw new Error("expected the 465 result");
    expect(first.compose_hash.replace(/^0x/, "")).toBe(update.compose_hash.replace(/^0x/, ""));
    expect(first.app_id?.replace(/^0x/, "")).toBe(appId);
    // ... the user registers the hash in the app contract, then commits with the transaction:
    const done = await commitCvmComposeFileUpdate(client, {
      ...id,
      compose_hash: update.compose_hash,
      transaction_hash: `0x${"ab".repeat(32)}`,
    });
    expect(done.status).toBe("accepted");
    expect(await client.getCvmDockerCompose(id)).toContain("nginx:1.28-alpine");

    await client.deleteCvm(id);
  });
});

describe("paging through every CVM", () => {
  it("the iterator yields all 250 CVMs of the workspace, each once", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const names: string[] = [];
    for await (const cvm of paginate(getCvmList, client, { page_size: 50 })) names.push(cvm.name);
    expect(names).toHaveLength(250);
    expect(new Set(names).size).toBe(250);
    const legacy = await paginate(getCvmList, client.withVersion("2025-10-28"), {
      page_size: 100,
    }).toArray();
    expect(legacy.map((cvm) => cvm.name).sort()).toEqual([...names].sort());
  });
});
