// The official reference's updateDockerCompose page (`cloud-js-sdk/update-docker-compose.mdx`):
// the compose YAML replaced in one call for the Phala KMS, in two for an
// on-chain KMS (precondition_required, then the same YAML with compose_hash and
// transaction_hash, sent as headers), and the safe variant. Nothing is
// registered on chain: the mock accepts any well-formed transaction hash.
import {
  type CvmUpdateResult,
  createClient,
  type KmsChain,
  kmsChain,
  NotFoundError,
  RequestValidationError,
  type SafeResult,
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

const mock = useDocsMock();
const client = () => createClient();
const HEX64 = /^[0-9a-f]{64}$/;
/** A made-up transaction hash: no chain is involved, the mock takes any 0x + 64 hex. */
const TX = `0x${"d0".repeat(32)}`;

describe("updateDockerCompose: PATCH /cvms/{cvmId}/docker-compose", () => {
  it("Phala KMS: the YAML as the body (text/yaml), in_progress with message and correlation_id", async () => {
    const yaml = composeOf("nginx:1.28-alpine");
    const recorder = recordingFetch();
    const result = await createClient({ fetch: recorder.fetch }).updateDockerCompose({
      id: "cvm-abc123",
      docker_compose_file: yaml,
    });
    const [request] = recorder.requests;
    expect(request?.method).toBe("PATCH");
    expect(new URL(request!.url).pathname).toBe("/api/v1/cvms/cvm-abc123/docker-compose");
    expect(request?.headers.get("content-type")).toBe("text/yaml");
    expect(request?.body).toBe(yaml);
    expect(request?.headers.get("x-compose-hash")).toBeNull();
    expect(result.status).toBe("in_progress");
    if (result.status !== "in_progress") return;
    expect(result.message).toEqual(expect.any(String));
    expect(result.correlation_id).toEqual(expect.any(String));
    expect(await client().getCvmDockerCompose({ id: "cvm-abc123" })).toBe(yaml);
  });

  // Not on the page: the same YAML again is the API's `no_change`.
  it("the same YAML again: no_change", async () => {
    const yaml = await client().getCvmDockerCompose({ id: "cvm-abc123" });
    const result = await client().updateDockerCompose({
      id: "cvm-abc123",
      docker_compose_file: yaml,
    });
    expect(result.status).toBe("no_change");
  });

  it("on-chain KMS: precondition_required, then the same YAML with the hashes as headers", async () => {
    const yaml = composeOf("ghcr.io/acme-research/price-oracle:1.9.1", 3000);
    const first = await client().updateDockerCompose({
      id: "oracle-us-west",
      docker_compose_file: yaml,
    });
    expect(first.status).toBe("precondition_required");
    if (first.status !== "precondition_required") return;
    expect(first.message).toEqual(expect.any(String));
    expect(first.compose_hash).toMatch(HEX64);
    expect(first.app_id).toBe(`0x${SEED.apps.oracle.appId}`);
    expect(first.device_id).toMatch(HEX64);
    expect(first.kms_info).toMatchObject({ id: SEED.kms.ethereum.id, chain_id: 1 });
    expect(first.kms_info?.kms_contract_address).toMatch(/^0x[0-9a-f]{40}$/);
    // kms_info.chain, what addComposeHash takes: the SDK's, from chain_id (the API sends none).
    expect(first.kms_info?.chain).toEqual(kmsChain(1));
    expect(first.kms_info?.chain?.name).toBe("Ethereum");
    expectTypeOf(first.kms_info?.chain).toEqualTypeOf<KmsChain | undefined>();
    expect(JSON.parse(JSON.stringify(first.kms_info))).not.toHaveProperty("chain");
    // Nothing changed yet.
    expect(await client().getCvmDockerCompose({ id: "oracle-us-west" })).not.toBe(yaml);

    // (addComposeHash would register first.compose_hash on first.kms_info.chain here.)
    const recorder = recordingFetch();
    const second = await createClient({ fetch: recorder.fetch }).updateDockerCompose({
      id: "oracle-us-west",
      docker_compose_file: yaml,
      compose_hash: first.compose_hash,
      transaction_hash: TX,
    });
    const [request] = recorder.requests;
    expect(request?.headers.get("x-compose-hash")).toBe(first.compose_hash);
    expect(request?.headers.get("x-transaction-hash")).toBe(TX);
    expect(request?.body).toBe(yaml);
    expect(second.status).toBe("in_progress");
    expect(await client().getCvmDockerCompose({ id: "oracle-us-west" })).toBe(yaml);
  });

  it("a transaction hash that is not 0x + 64 hex is refused before sending", async () => {
    const error = await rejectionOf(
      client().updateDockerCompose({
        id: "oracle-us-west",
        docker_compose_file: composeOf("busybox:1.37"),
        compose_hash: "a".repeat(64),
        transaction_hash: "0xabc",
      }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("a proof for another hash is refused (the API's 466)", async () => {
    const yaml = composeOf("ghcr.io/acme-research/price-oracle:1.9.2", 3000);
    const first = await client().updateDockerCompose({
      id: "oracle-us-east",
      docker_compose_file: yaml,
    });
    expect(first.status).toBe("precondition_required");
    const error = await rejectionOf(
      client().updateDockerCompose({
        id: "oracle-us-east",
        docker_compose_file: yaml,
        compose_hash: "0".repeat(64),
        transaction_hash: TX,
      }),
    );
    expect((error as { status?: number }).status).toBe(466);
  });
});

describe("safeUpdateDockerCompose", () => {
  it("a SafeResult: data on success, the error otherwise (never thrown)", async () => {
    const yaml = composeOf("redis:7.4");
    const ok = await client().safeUpdateDockerCompose({
      id: "acme-web-2",
      docker_compose_file: yaml,
    });
    expectTypeOf(ok).toMatchTypeOf<SafeResult<CvmUpdateResult>>();
    expect(ok.success && ok.data.status).toBe("in_progress");
    const missing = await client().safeUpdateDockerCompose({
      id: "no-such-cvm",
      docker_compose_file: yaml,
    });
    expect(missing.success).toBe(false);
    expect(missing.error).toBeInstanceOf(NotFoundError);
    expect(pathOf(mock.sent.at(-1))).toBe("/cvms/no-such-cvm/docker-compose");
  });
});
