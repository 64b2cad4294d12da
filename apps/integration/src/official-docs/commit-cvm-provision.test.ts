// The official reference's commitCvmProvision page
// (`cloud-js-sdk/commit-cvm-provision.mdx`): the second phase of creating a
// CVM, for a Phala KMS and an on-chain KMS, its result (the VM record), the
// boot it starts, and the safe variant.
import {
  type CommitCvmProvision,
  ConflictError,
  createClient,
  encryptEnvVars,
  NotFoundError,
  RequestValidationError,
  type SafeResult,
  UnprocessableEntityError,
  ValidationError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  categoriesOf,
  composeOf,
  recordingFetch,
  rejectionOf,
  SEED,
  useDocsMock,
} from "./docs.test-support";

const mock = useDocsMock({ transitionMs: 50, streamSecondMs: 4 });
const client = () => createClient();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

async function provisionPhala(name: string, allowed: string[] = []) {
  return client().provisionCvm({
    name,
    instance_type: "tdx.medium",
    compose_file: { docker_compose_file: composeOf("nginx:1.27-alpine"), allowed_envs: allowed },
  });
}

describe("commitCvmProvision: POST /cvms (PHALA KMS)", () => {
  it("app_id and compose_hash from the provision, encrypted_env and env_keys", async () => {
    const provision = await provisionPhala("commit-phala", ["API_KEY"]);
    const encryptedEnvHex = await encryptEnvVars(
      [{ key: "API_KEY", value: "k-123" }],
      provision.app_env_encrypt_pubkey!,
    );
    const recorder = recordingFetch();
    const result = await createClient({ fetch: recorder.fetch }).commitCvmProvision({
      app_id: provision.app_id!,
      compose_hash: provision.compose_hash,
      encrypted_env: encryptedEnvHex,
      env_keys: ["API_KEY"],
    });
    const [request] = recorder.requests;
    expect(request?.method).toBe("POST");
    expect(new URL(request!.url).pathname).toBe("/api/v1/cvms");
    expect(request?.body).toEqual({
      app_id: provision.app_id,
      compose_hash: provision.compose_hash,
      encrypted_env: encryptedEnvHex,
      env_keys: ["API_KEY"],
    });
    expectTypeOf(result).toEqualTypeOf<CommitCvmProvision>();
    expect(result.name).toBe("commit-phala");
    expect(result.status).toBe("starting");
    expect(result.app_id).toBe(provision.app_id);
  });

  it("app_id and compose_hash are required", async () => {
    const error = await rejectionOf(
      // @ts-expect-error compose_hash left out
      client().commitCvmProvision({ app_id: "a".repeat(40) }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });
});

describe("Returns: CommitCvmProvision", () => {
  it("id, name, status, app_id, app_url, vm_uuid, instance_id, vcpu, memory, disk_size, created_at, encrypted_env_pubkey, app_auth_contract_address, deployer_address", async () => {
    const provision = await provisionPhala("commit-fields");
    const vm = await client().commitCvmProvision({
      app_id: provision.app_id!,
      compose_hash: provision.compose_hash,
    });
    // A number as documented: 0 in 2026-01-21, which hides table ids.
    expect(vm.id).toBe(0);
    expectTypeOf(vm.id).toEqualTypeOf<number>();
    expect(vm.name).toBe("commit-fields");
    expect(vm.status).toBe("starting");
    expect(vm.app_id).toBe(provision.app_id);
    expect(vm.app_url ?? null).toSatisfy((url) => url === null || /^https:/.test(String(url)));
    expect(vm.vm_uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(vm).toHaveProperty("instance_id");
    // tdx.medium: 2 vCPUs, 4096 MB, 40 GB.
    expect(vm).toMatchObject({ vcpu: 2, memory: 4096, disk_size: 40 });
    expect(vm.created_at).toMatch(ISO);
    expect(vm.encrypted_env_pubkey).toBe(provision.app_env_encrypt_pubkey);
    // Not in the API's VM record (Docs vs API); kept as nullable fields.
    expect(vm.app_auth_contract_address ?? null).toBeNull();
    expect(vm.deployer_address ?? null).toBeNull();
  });

  it("id is the cvm_... hashid from 2026-05-22, which the other calls take", async () => {
    const provision = await provisionPhala("commit-hashid");
    const vm = await client()
      .withVersion("2026-05-22")
      .commitCvmProvision({ app_id: provision.app_id!, compose_hash: provision.compose_hash });
    expectTypeOf(vm.id).toEqualTypeOf<string>();
    expect(vm.id).toMatch(/^cvm_/);
    expect((await client().getCvmInfo({ id: vm.id })).name).toBe("commit-hashid");
  });

  it("after the commit the CVM boots: watchCvmState sees it running", async () => {
    const provision = await provisionPhala("commit-boots");
    const vm = await client().commitCvmProvision({
      app_id: provision.app_id!,
      compose_hash: provision.compose_hash,
    });
    const state = await client().watchCvmState({
      uuid: vm.vm_uuid!,
      target: "running",
      interval: 5,
      timeout: 600,
    });
    expect(state.status).toBe("running");
    expect(state.name).toBe("commit-boots");
  });

  it("the same pair committed again returns the same CVM", async () => {
    const provision = await provisionPhala("commit-twice");
    const args = { app_id: provision.app_id!, compose_hash: provision.compose_hash };
    const first = await client().commitCvmProvision(args);
    const second = await client().commitCvmProvision(args);
    expect(second.vm_uuid).toBe(first.vm_uuid);
  });
});

describe("commitCvmProvision (on-chain KMS)", () => {
  it("kms_id, contract_address and deployer_address with the deployed contract's app id", async () => {
    const c = client();
    const provision = await c.provisionCvm({
      name: "commit-onchain",
      compose_file: { docker_compose_file: composeOf("ghcr.io/example/bot:1") },
      kms_id: SEED.kms.base.id,
    });
    // The app id and address a deployed AppAuth contract would give.
    const deployed = { appId: "beef".repeat(10), deployer: `0x${"7".repeat(40)}` };
    const { public_key } = await c.getAppEnvEncryptPubKey({
      kms: SEED.kms.base.slug,
      app_id: deployed.appId,
    });
    const encryptedEnvHex = await encryptEnvVars([{ key: "API_KEY", value: "x" }], public_key);
    const result = await c.commitCvmProvision({
      app_id: deployed.appId,
      compose_hash: provision.compose_hash,
      encrypted_env: encryptedEnvHex,
      env_keys: ["API_KEY"],
      kms_id: SEED.kms.base.slug,
      contract_address: `0x${deployed.appId}`,
      deployer_address: deployed.deployer,
    });
    expect(result.app_id).toBe(deployed.appId);
    expect(result.status).toBe("starting");
    const cvm = await c.getCvmInfo({ uuid: result.vm_uuid! });
    expect(cvm.kms_info?.dstack_app_address).toBe(`0x${deployed.appId}`);
    expect(cvm.kms_info?.deployer_address).toBe(deployed.deployer);
    expect(cvm.kms_info?.chain_id).toBe(8453);
  });

  it("without contract_address on an on-chain KMS: 422, the docs' ValidationError", async () => {
    const provision = await client().provisionCvm({
      name: "commit-onchain-422",
      compose_file: { docker_compose_file: composeOf("ghcr.io/example/bot:2") },
      kms_id: SEED.kms.base.id,
    });
    const error = await rejectionOf(
      client().commitCvmProvision({
        app_id: "cafe".repeat(10),
        compose_hash: provision.compose_hash,
        kms_id: SEED.kms.base.id,
        deployer_address: `0x${"7".repeat(40)}`,
      }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toBeInstanceOf(ValidationError);
    expect(categoriesOf(error)).toEqual(["RequestError", "ValidationError"]);
    expect((error as ValidationError).validationErrors).toEqual([
      expect.objectContaining({ field: "contract_address", type: "missing", location: "body" }),
    ]);
  });
});

describe("safeCommitCvmProvision", () => {
  it("success", async () => {
    const provision = await provisionPhala("commit-safe");
    const result = await client().safeCommitCvmProvision({
      app_id: provision.app_id!,
      compose_hash: provision.compose_hash,
    });
    expectTypeOf(result).toEqualTypeOf<SafeResult<CommitCvmProvision>>();
    expect(result.success && result.data.name).toBe("commit-safe");
  });

  it("an unknown or expired provision: 404 ERR-01-006 (NotFoundError, ResourceError)", async () => {
    const result = await client().safeCommitCvmProvision({
      app_id: "d".repeat(40),
      compose_hash: "e".repeat(64),
    });
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(result.error?.errorCode).toBe("ERR-01-006");
    expect(categoriesOf(result.error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });

  it("another provision's hash for an app id in use: 409 ERR-03-007 (ConflictError)", async () => {
    const first = await provisionPhala("commit-app-a");
    await client().commitCvmProvision({ app_id: first.app_id!, compose_hash: first.compose_hash });
    const second = await provisionPhala("commit-app-b");
    const result = await client().safeCommitCvmProvision({
      app_id: first.app_id!,
      compose_hash: second.compose_hash,
    });
    expect(result.error).toBeInstanceOf(ConflictError);
    expect(result.error?.errorCode).toBe("ERR-03-007");
  });
});
