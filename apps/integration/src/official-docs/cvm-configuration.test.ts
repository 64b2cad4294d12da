// The official reference's CVM configuration page (`cloud-js-sdk/cvm-configuration.mdx`):
// the single-aspect updates, the OS images, the instance-id refreshes, the
// two-phase compose update, and patchCvm with its on-chain confirmation
// (confirmCvmPatch) and token commit (commitCvmUpdate), read through the
// documented camelCase result. Where the page documents something the API does
// not have (docs/official-docs.md, "Docs vs API"), the test shows what this SDK
// does instead and names the page's claim. Nothing is registered on chain: the
// mock accepts any well-formed transaction hash as the proof.
import {
  type CvmPatchResult,
  createClient,
  getComposeHash,
  type KmsChain,
  kmsChain,
  RequestValidationError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  composeOf,
  pathOf,
  recordingFetch,
  rejectionOf,
  SEED,
  useDocsMock,
} from "./docs.test-support";

const mock = useDocsMock({ transitionMs: 50, streamSecondMs: 4 });
const client = () => createClient();
const seeded = (name: string) => SEED.mainWorkspaceCvms.find((cvm) => cvm.name === name)!;
const HEX64 = /^[0-9a-f]{64}$/;
/** A made-up transaction hash: no chain is involved, the mock takes any 0x + 64 hex. */
const TX = `0x${"5e".repeat(32)}`;
const BASE = kmsChain(8453);
const ETHEREUM = kmsChain(1);
const WATCH = { interval: 5, timeout: 600 } as const;

/** Waits for a CVM the update restarted to run again. */
async function runningAgain(id: string) {
  const state = await client().watchCvmState({ id, target: "running", ...WATCH });
  expect(state.status).toBe("running");
}

/** `JSON.stringify` of a result: the API's fields only, never the documented aliases. */
const wireKeys = (value: unknown) => Object.keys(JSON.parse(JSON.stringify(value)));

describe("updateCvmResources", () => {
  // Documented: `PATCH /cvms/{cvmId}/resources`, resolving the updated CVM. The
  // API marks that path deprecated and answers 202 with an operation; this SDK
  // sends the unified `PATCH /cvms/{id}` and resolves { correlation_id, status, message }.
  it("id, vcpu, memory, disk_size: PATCH /cvms/{id}; an operation, not the CVM (differs)", async () => {
    const recorder = recordingFetch();
    const result = await createClient({ fetch: recorder.fetch }).updateCvmResources({
      id: "acme-web-3",
      vcpu: 4,
      memory: 8192,
      disk_size: 100,
    });
    const [request] = recorder.requests;
    expect(request?.method).toBe("PATCH");
    expect(new URL(request!.url).pathname).toBe("/api/v1/cvms/acme-web-3");
    expect(request?.body).toEqual({ vcpu: 4, memory: 8192, disk_size: 100 });
    expect(result.correlation_id).toEqual(expect.any(String));
    expect(result).not.toHaveProperty("vm_uuid");
    // The CVM itself, read afterwards, has the new size.
    const cvm = await client().getCvmInfo({ id: "acme-web-3" });
    expect(cvm.resource).toMatchObject({ vcpu: 4, memory_in_gb: 8, disk_in_gb: 100 });
  });

  it("refuses a call without a size before sending", async () => {
    const error = await rejectionOf(client().updateCvmResources({ id: "acme-web-3" }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });
});

describe("updateCvmVisibility", () => {
  // Documented: `{ id, listed }` on `PATCH /cvms/{cvmId}/visibility`, resolving the
  // CVM. The API's visibility is public_sysinfo / public_logs (required) and
  // public_tcbinfo on `PATCH /cvms/{id}`; `listed` is not a visibility field.
  it("the docs' `listed` is refused before sending (differs)", async () => {
    const error = await rejectionOf(
      client().updateCvmVisibility({ id: "cvm-abc123", listed: true } as never),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("public_sysinfo, public_logs, public_tcbinfo: accepted, with the values set", async () => {
    const recorder = recordingFetch();
    const result = await createClient({ fetch: recorder.fetch }).updateCvmVisibility({
      id: "cvm-abc123",
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    expect(new URL(recorder.requests[0]!.url).pathname).toBe("/api/v1/cvms/cvm-abc123");
    expect(recorder.requests[0]?.body).toEqual({
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    expect(result).toMatchObject({
      status: "accepted",
      public_sysinfo: true,
      public_logs: false,
      public_tcbinfo: true,
    });
    const cvm = await client().getCvmInfo({ id: "cvm-abc123" });
    expect(cvm).toMatchObject({ public_sysinfo: true, public_logs: false });
  });
});

describe("updatePreLaunchScript", () => {
  it("Phala KMS: in_progress with message and correlation_id", async () => {
    const result = await client().updatePreLaunchScript({
      id: "acme-web-2",
      pre_launch_script: "#!/bin/sh\necho docs\n",
    });
    expect(mock.sent[0]?.method).toBe("PATCH");
    expect(pathOf(mock.sent[0])).toBe("/cvms/acme-web-2/pre-launch-script");
    expect(result.status).toBe("in_progress");
    if (result.status !== "in_progress") return;
    expect(result.message).toEqual(expect.any(String));
    expect(result.correlation_id).toEqual(expect.any(String));
    const script = await client().getCvmPreLaunchScript({ id: "acme-web-2" });
    expect(script).toBe("#!/bin/sh\necho docs\n");
  });

  it("on-chain KMS: precondition_required, then compose_hash and transaction_hash", async () => {
    const script = "#!/bin/sh\necho on-chain\n";
    const first = await client().updatePreLaunchScript({
      id: "inference-1",
      pre_launch_script: script,
    });
    expect(first.status).toBe("precondition_required");
    if (first.status !== "precondition_required") return;
    expect(first.message).toEqual(expect.any(String));
    expect(first.compose_hash).toMatch(HEX64);
    expect(first.app_id).toBe(`0x${SEED.apps.inference.appId}`);
    expect(first.device_id).toMatch(HEX64);
    expect(first.kms_info).toMatchObject({ id: SEED.kms.base.id, chain_id: 8453 });
    expect(first.kms_info?.chain).toEqual(BASE);
    const second = await client().updatePreLaunchScript({
      id: "inference-1",
      pre_launch_script: script,
      compose_hash: first.compose_hash,
      transaction_hash: TX,
    });
    // The hashes go as headers; the body stays the script.
    expect(mock.sent[1]?.headers.get("x-compose-hash")).toBe(first.compose_hash);
    expect(mock.sent[1]?.headers.get("x-transaction-hash")).toBe(TX);
    expect(second.status).toBe("in_progress");
  });
});

describe("getAvailableOsImages", () => {
  // Documented: `GET /os-images`, no arguments, items with `name` and `version`.
  // The API lists what one CVM can move to: `GET /cvms/{id}/available-os-images`,
  // items `{ version, prod, dev }`, the image's name under `prod` / `dev`.
  it("without a CVM it is refused before sending (differs)", async () => {
    const error = await rejectionOf(client().getAvailableOsImages(undefined as never));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("a CVM's images: version and the prod/dev variants with their names", async () => {
    const images = await client().getAvailableOsImages({ id: "oracle-ap" });
    expect(pathOf(mock.sent[0])).toBe("/cvms/oracle-ap/available-os-images");
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image.version).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
      expect(image.prod?.name ?? image.dev?.name).toMatch(/^dstack-/);
    }
  });
});

describe("updateOsImage", () => {
  // Documented: `{ id, image }`, resolving the CVM. The API's field is
  // `os_image_name` and it answers 202 with an operation.
  it("the docs' `image` is refused before sending (differs)", async () => {
    const error = await rejectionOf(
      client().updateOsImage({ id: "oracle-ap", image: "dstack-0.5.4" } as never),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("os_image_name, one of the CVM's available images: an operation; the CVM restarts", async () => {
    const images = await client().getAvailableOsImages({ id: "oracle-ap" });
    const next = images.find((image) => image.prod && !image.prod.is_current)?.prod;
    expect(next).toBeDefined();
    const recorder = recordingFetch();
    const result = await createClient({ fetch: recorder.fetch }).updateOsImage({
      id: "oracle-ap",
      os_image_name: next!.name,
    });
    expect(new URL(recorder.requests[0]!.url).pathname).toBe("/api/v1/cvms/oracle-ap/os-image");
    expect(recorder.requests[0]?.body).toEqual({ os_image_name: next!.name });
    expect(result.correlation_id).toEqual(expect.any(String));
    await runningAgain("oracle-ap");
    const cvm = await client().getCvmInfo({ id: "oracle-ap" });
    expect(cvm.os?.name).toBe(next!.name);
  });
});

describe("refreshCvmInstanceId and refreshCvmInstanceIds", () => {
  // Documented: `POST /cvms/{cvmId}/refresh-instance-id` resolving `instance_id`.
  // The API: `PATCH /cvms/{id}/instance-id`, resolving old_instance_id / new_instance_id.
  it("one CVM: PATCH /cvms/{id}/instance-id; new_instance_id, not instance_id (differs)", async () => {
    const result = await client().refreshCvmInstanceId({ id: "acme-web-2" });
    expect(mock.sent[0]?.method).toBe("PATCH");
    expect(pathOf(mock.sent[0])).toBe("/cvms/acme-web-2/instance-id");
    expect(result.identifier).toEqual(expect.any(String));
    expect(result.status).toEqual(expect.any(String));
    expect(result).toHaveProperty("new_instance_id");
    expect(result).not.toHaveProperty("instance_id");
  });

  // Documented: `POST /cvms/refresh-instance-ids` with `{ ids }`. The API:
  // `PATCH /cvms/instance-ids` with `cvm_ids` (and filters).
  it("many CVMs: cvm_ids, not the docs' ids (refused before sending)", async () => {
    const refused = await rejectionOf(
      client().refreshCvmInstanceIds({ ids: ["acme-web-2"] } as never),
    );
    expect(refused).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
    const result = await client().refreshCvmInstanceIds({
      cvm_ids: ["acme-web-2", "cvm-abc123"],
      missing_only: false,
      dry_run: true,
    });
    expect(pathOf(mock.sent[0])).toBe("/cvms/instance-ids");
    expect(result.total).toBe(2);
    expect(result.items.map((item) => item.identifier)).toEqual(["acme-web-2", "cvm-abc123"]);
  });
});

describe("provisionCvmComposeFileUpdate and commitCvmComposeFileUpdate", () => {
  it("Phala KMS: the compose read, changed, provisioned, then committed with env vars", async () => {
    const c = client();
    const compose = await c.getCvmComposeFile({ id: "ci-runner-1" });
    compose.docker_compose_file = composeOf("ghcr.io/actions/actions-runner:2.322.0");
    const provision = await c.provisionCvmComposeFileUpdate({
      // The page's example passes a CVM name as `uuid`; a name goes in `id` (or `name`).
      id: "ci-runner-1",
      app_compose: compose,
    });
    expect(pathOf(mock.sent[1])).toBe("/cvms/ci-runner-1/compose_file/provision");
    expect(provision.compose_hash).toMatch(HEX64);
    expect(provision.compose_hash).toBe(await getComposeHash(compose));
    expect(provision.compose_hash_registered).toBe(true);
    expect(provision.app_id).toBe(SEED.apps.ci.appId);
    expect(provision.device_id).toMatch(HEX64);
    expect(provision.kms_info).toMatchObject({ id: SEED.kms.phala.id, chain_id: null });
    expect(provision.kms_info?.chain).toBeUndefined();

    const committed = await c.commitCvmComposeFileUpdate({
      id: "ci-runner-1",
      compose_hash: provision.compose_hash,
      encrypted_env: "ab".repeat(48),
      env_keys: ["RUNNER_TOKEN"],
    });
    // Documented: `POST /cvms/{cvmId}/compose_file/commit`; the API commits with
    // `PATCH /cvms/{id}/compose_file` and answers 202.
    expect(mock.sent[2]?.method).toBe("PATCH");
    expect(pathOf(mock.sent[2])).toBe("/cvms/ci-runner-1/compose_file");
    expect(committed.status).toBe("accepted");
    const yaml = await c.getCvmDockerCompose({ id: "ci-runner-1" });
    expect(yaml).toBe(compose.docker_compose_file);
  });

  it("a CVM's VM UUID in `uuid` is taken too", async () => {
    const compose = await client().getCvmComposeFile({ id: "ci-runner-1" });
    const provision = await client().provisionCvmComposeFileUpdate({
      uuid: seeded("ci-runner-1").vmUuid,
      app_compose: compose,
    });
    expect(provision.compose_unchanged).toBe(true);
  });

  it("on-chain KMS: kms_info.chain, compose_hash_registered false, commit with transaction_hash", async () => {
    const c = client();
    const compose = await c.getCvmComposeFile({ id: "oracle-us-east" });
    compose.docker_compose_file = composeOf("ghcr.io/acme-research/price-oracle:2.0.0", 3000);
    const provision = await c.provisionCvmComposeFileUpdate({
      id: "oracle-us-east",
      app_compose: compose,
    });
    expect(provision.compose_hash_registered).toBe(false);
    expect(provision.kms_info?.chain).toEqual(ETHEREUM);
    expect(provision.kms_info?.kms_contract_address).toMatch(/^0x[0-9a-f]{40}$/);
    expectTypeOf(provision.kms_info?.chain).toEqualTypeOf<KmsChain | undefined>();
    // The chain is the SDK's, not the API's: the JSON holds what was sent.
    expect(wireKeys(provision.kms_info)).not.toContain("chain");

    // Committed before the registration: the 465, as patchCvm's.
    const early = await c.commitCvmComposeFileUpdate({
      id: "oracle-us-east",
      compose_hash: provision.compose_hash,
    });
    expect(early.status).toBe("precondition_required");
    const committed = await c.commitCvmComposeFileUpdate({
      id: "oracle-us-east",
      compose_hash: provision.compose_hash,
      transaction_hash: TX,
    });
    expect(mock.sent.at(-1)?.headers.get("x-transaction-hash")).toBe(TX);
    expect(committed.status).toBe("accepted");
  });
});

describe("patchCvm", () => {
  it("Phala KMS, vcpu and memory: requiresOnChainHash false and correlationId", async () => {
    const result = await client().patchCvm({ id: "acme-web-2", vcpu: 4, memory: 8192 });
    expect(mock.sent[0]?.method).toBe("PATCH");
    expect(pathOf(mock.sent[0])).toBe("/cvms/acme-web-2");
    expect(result.requiresOnChainHash).toBe(false);
    if (result.requiresOnChainHash) return;
    expect(result.correlationId).toEqual(expect.any(String));
    expectTypeOf(result.correlationId).toEqualTypeOf<string | null>();
    // The API's own form is the same result.
    expect(result.status).toBe("accepted");
    expect(result.correlation_id).toBe(result.correlationId);
    expect(wireKeys(result)).toEqual(["status", "correlation_id"]);
    await runningAgain("acme-web-2");
  });

  it("every documented field in one call, sent as given", async () => {
    const recorder = recordingFetch();
    const fields = {
      docker_compose_file: composeOf("nginx:1.28-alpine"),
      pre_launch_script: "#!/bin/sh\necho patched\n",
      allowed_envs: ["API_TOKEN", "DB_URL"],
      public_logs: true,
      public_sysinfo: true,
      public_tcbinfo: false,
      encrypted_env: "cd".repeat(48),
      user_config: '{"greeting":"hello"}',
      vcpu: 2,
      memory: 4096,
      disk_size: 100,
      image: "dstack-0.5.4",
      shutdown_timeout: 120,
      allow_force_stop: true,
    };
    const result = await createClient({ fetch: recorder.fetch }).patchCvm({
      id: "ci-runner-2",
      ...fields,
    });
    expect(recorder.requests[0]?.body).toEqual(fields);
    expect(recorder.requests[0]?.headers.get("x-prepare-only")).toBeNull();
    expect(result.requiresOnChainHash).toBe(false);
    const c = client();
    expect(await c.getCvmDockerCompose({ id: "ci-runner-2" })).toBe(fields.docker_compose_file);
    expect(await c.getCvmPreLaunchScript({ id: "ci-runner-2" })).toBe(fields.pre_launch_script);
    const compose = await c.getCvmComposeFile({ id: "ci-runner-2" });
    expect(compose.allowed_envs).toEqual(fields.allowed_envs);
    await runningAgain("ci-runner-2");
  });

  // Documented: `gpus: { count, product_name? }`. The API's GpuConfig is
  // `{ gpus: [{ slot, product_id? }], attach_mode }`; the documented shape is refused.
  it("the docs' gpus { count, product_name } is refused before sending (differs)", async () => {
    const error = await rejectionOf(
      client().patchCvm({
        id: "inference-2",
        gpus: { count: 1, product_name: "H200" },
      } as never),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toContain(
      "gpus.count",
    );
    expect(mock.sent).toHaveLength(0);
  });

  it("on-chain KMS compose update: the hash to register, then confirmCvmPatch", async () => {
    const c = client();
    const yaml = composeOf("vllm/vllm-openai:v0.9.0", 8000);
    const result = await c.patchCvm({ id: "inference-2", docker_compose_file: yaml });
    expect(result.requiresOnChainHash).toBe(true);
    if (!result.requiresOnChainHash) return;
    expectTypeOf(result.composeHash).toEqualTypeOf<string>();
    expect(result.composeHash).toMatch(HEX64);
    expect(result.appId).toBe(`0x${SEED.apps.inference.appId}`);
    expect(result.deviceId).toMatch(HEX64);
    // kmsInfo: the KMS the hash is registered through, with the chain for viem.
    expect(result.kmsInfo).toMatchObject({ id: SEED.kms.base.id, slug: SEED.kms.base.slug });
    expect(result.kmsInfo?.kms_contract_address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(result.kmsInfo?.chain).toEqual(BASE);
    expectTypeOf(result.kmsInfo?.chain).toEqualTypeOf<KmsChain | undefined>();
    expect(result.onchainStatus).toEqual({
      compose_hash_allowed: false,
      device_id_allowed: true,
      is_allowed: false,
    });
    // Not prepare-only: no commit token or URLs.
    expect(result.commitToken).toBeNull();
    expect(result.commitUrl).toBeNull();
    expect(result.apiCommitUrl).toBeNull();
    // The same answer under the API's names, which alone are in its JSON.
    expect(result.status).toBe("precondition_required");
    expect(result.compose_hash).toBe(result.composeHash);
    expect(result.kms_info).toBe(result.kmsInfo);
    expect(wireKeys(result)).not.toContain("requiresOnChainHash");
    expect(wireKeys(result)).not.toContain("composeHash");
    expect(wireKeys(result.kms_info)).not.toContain("chain");

    // (addComposeHash would register result.composeHash on result.kmsInfo.chain here.)
    const confirmed = await c.confirmCvmPatch({
      id: "inference-2",
      composeHash: result.composeHash,
      transactionHash: TX,
    });
    expect(mock.sent.at(-1)?.method).toBe("PATCH");
    expect(pathOf(mock.sent.at(-1))).toBe("/cvms/inference-2");
    expect(mock.sent.at(-1)?.headers.get("x-compose-hash")).toBe(result.composeHash);
    expect(mock.sent.at(-1)?.headers.get("x-transaction-hash")).toBe(TX);
    expect(confirmed.requiresOnChainHash).toBe(false);
    if (confirmed.requiresOnChainHash) return;
    expect(confirmed.correlationId).toEqual(expect.any(String));
    expect(await c.getCvmDockerCompose({ id: "inference-2" })).toBe(yaml);
  });

  it("narrowing on status gives the same branches", async () => {
    const result: CvmPatchResult = await client().patchCvm({
      id: "oracle-us-west",
      pre_launch_script: "#!/bin/sh\necho narrowed\n",
    });
    expect(result.status).toBe("precondition_required");
    if (result.status === "precondition_required") expect(result.kms_info?.chain_id).toBe(1);
  });

  it("a mismatched hash in confirmCvmPatch is refused by the API", async () => {
    const error = await rejectionOf(
      client().confirmCvmPatch({
        id: "oracle-us-west",
        composeHash: "0".repeat(64),
        transactionHash: TX,
      }),
    );
    expect((error as { status?: number }).status).toBe(466);
  });
});

describe("commitCvmUpdate", () => {
  it("prepareOnly: a one-time commitToken, then the commit with the token", async () => {
    const c = client();
    const yaml = composeOf("ghcr.io/acme-research/price-oracle:2.1.0", 3000);
    const result = await c.patchCvm({
      id: "oracle-ap",
      docker_compose_file: yaml,
      prepareOnly: true,
    });
    expect(mock.sent[0]?.headers.get("x-prepare-only")).toBe("true");
    expect(result.requiresOnChainHash).toBe(true);
    if (!result.requiresOnChainHash || !result.commitToken) {
      throw new Error("expected a prepare-only 465 with a commit token");
    }
    expect(result.commitUrl).toContain(result.commitToken);
    expect(result.apiCommitUrl).toMatch(/\/cvms\/[^/]+\/commit-update$/);
    expect(result.kmsInfo?.chain).toEqual(ETHEREUM);

    const committed = await c.commitCvmUpdate({
      id: "oracle-ap",
      token: result.commitToken,
      composeHash: result.composeHash,
      transactionHash: TX,
    });
    expect(mock.sent.at(-1)?.method).toBe("POST");
    expect(pathOf(mock.sent.at(-1))).toBe("/cvms/oracle-ap/commit-update");
    expect(committed.correlationId).toEqual(expect.any(String));
    expect(committed.status).toBe("in_progress");
    expect(committed.correlation_id).toBe(committed.correlationId);
    expect(wireKeys(committed)).toEqual(["status", "correlation_id"]);
    expect(await c.getCvmDockerCompose({ id: "oracle-ap" })).toBe(yaml);
  });

  it("a token used once is spent", async () => {
    const error = await rejectionOf(
      client().commitCvmUpdate({
        id: "oracle-ap",
        token: "ct_spent",
        composeHash: "1".repeat(64),
        transactionHash: TX,
      }),
    );
    expect((error as { status?: number }).status).toBe(409);
  });
});
