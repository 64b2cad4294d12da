// The official reference's updateCvmEnvs page (`cloud-js-sdk/update-cvm-envs.mdx`):
// encrypted env vars replaced in one call for the Phala KMS, in two for an
// on-chain KMS when the allowed keys change (precondition_required, then the
// same call with compose_hash and transaction_hash), and the safe variant.
// Nothing is registered on chain: the mock accepts any well-formed
// transaction hash as the proof.
import {
  type CvmUpdateResult,
  createClient,
  encryptEnvVars,
  type KmsChain,
  kmsChain,
  NotFoundError,
  parseEnvVars,
  RequestValidationError,
  type SafeResult,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { pathOf, recordingFetch, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
const client = () => createClient();
const HEX64 = /^[0-9a-f]{64}$/;
/** A made-up transaction hash: no chain is involved, the mock takes any 0x + 64 hex. */
const TX = `0x${"a7".repeat(32)}`;

/** The CVM's env-encryption key: top-level in 2025-10-28, under kms_info from 2026-01-21. */
async function envPubkeyOf(id: string): Promise<string> {
  const cvm = await client().getCvmInfo({ id });
  const key = cvm.kms_info?.encrypted_env_pubkey;
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  return key!;
}

describe("updateCvmEnvs: PATCH /cvms/{cvmId}/envs", () => {
  // The page reads `cvm.encrypted_env_pubkey` at the top of the CVM: that is the
  // 2025-10-28 detail. From 2026-01-21 (the default) the key is `kms_info.encrypted_env_pubkey`.
  it("the key: cvm.encrypted_env_pubkey in 2025-10-28, cvm.kms_info.encrypted_env_pubkey after", async () => {
    const current = await envPubkeyOf("acme-web-2");
    const legacy = await createClient({ version: "2025-10-28" }).getCvmInfo({ id: "acme-web-2" });
    expect(legacy.encrypted_env_pubkey).toBe(current);
  });

  it("Phala KMS: parseEnvVars, encryptEnvVars, then one call: in_progress", async () => {
    const envVars = parseEnvVars("API_KEY=secret\nDB_URL=postgres://db.internal/app");
    expect(envVars).toEqual([
      { key: "API_KEY", value: "secret" },
      { key: "DB_URL", value: "postgres://db.internal/app" },
    ]);
    const encrypted = await encryptEnvVars(envVars, await envPubkeyOf("acme-web-2"));
    const recorder = recordingFetch();
    const result = await createClient({ fetch: recorder.fetch }).updateCvmEnvs({
      id: "acme-web-2",
      encrypted_env: encrypted,
      env_keys: ["API_KEY", "DB_URL"],
    });
    const [request] = recorder.requests;
    expect(request?.method).toBe("PATCH");
    expect(new URL(request!.url).pathname).toBe("/api/v1/cvms/acme-web-2/envs");
    expect(request?.body).toEqual({ encrypted_env: encrypted, env_keys: ["API_KEY", "DB_URL"] });
    expect(result.status).toBe("in_progress");
    if (result.status !== "in_progress") return;
    expect(result.message).toEqual(expect.any(String));
    expect(result.correlation_id).toEqual(expect.any(String));
    expect(result.allowed_envs_changed).toBe(true);
    expectTypeOf(result.allowed_envs_changed).toEqualTypeOf<boolean | null>();
    const compose = await client().getCvmComposeFile({ id: "acme-web-2" });
    expect(compose.allowed_envs).toEqual(["API_KEY", "DB_URL"]);
  });

  it("env_keys is optional: the same keys again are no change of keys", async () => {
    const encrypted = await encryptEnvVars(
      [{ key: "API_KEY", value: "rotated" }],
      await envPubkeyOf("acme-web-2"),
    );
    const result = await client().updateCvmEnvs({ id: "acme-web-2", encrypted_env: encrypted });
    expect(result.status).toBe("in_progress");
    expect(result.status === "in_progress" && result.allowed_envs_changed).toBe(false);
  });

  it("on-chain KMS, new env_keys: precondition_required, then the call again with the proof", async () => {
    const envVars = parseEnvVars("API_KEY=secret\nNEW_VAR=42");
    const encrypted = await encryptEnvVars(envVars, await envPubkeyOf("inference-1"));
    const args = { id: "inference-1", encrypted_env: encrypted, env_keys: ["API_KEY", "NEW_VAR"] };
    const first = await client().updateCvmEnvs(args);
    expect(first.status).toBe("precondition_required");
    if (first.status !== "precondition_required") return;
    expect(first.message).toEqual(expect.any(String));
    expect(first.compose_hash).toMatch(HEX64);
    expect(first.app_id).toBe(`0x${SEED.apps.inference.appId}`);
    expect(first.device_id).toMatch(HEX64);
    expect(first.kms_info).toMatchObject({ id: SEED.kms.base.id, chain_id: 8453 });
    expect(first.kms_info?.kms_contract_address).toMatch(/^0x[0-9a-f]{40}$/);
    // kms_info.chain, what addComposeHash takes: the SDK's, from chain_id (the API sends none).
    expect(first.kms_info?.chain).toEqual(kmsChain(8453));
    expect(first.kms_info?.chain?.name).toBe("Base");
    expectTypeOf(first.kms_info?.chain).toEqualTypeOf<KmsChain | undefined>();
    expect(JSON.parse(JSON.stringify(first.kms_info))).not.toHaveProperty("chain");

    // (addComposeHash would register first.compose_hash on first.kms_info.chain here.)
    const second = await client().updateCvmEnvs({
      ...args,
      compose_hash: first.compose_hash,
      transaction_hash: TX,
    });
    expect(second.status).toBe("in_progress");
    expect(second.status === "in_progress" && second.allowed_envs_changed).toBe(true);
    const compose = await client().getCvmComposeFile({ id: "inference-1" });
    expect(compose.allowed_envs).toEqual(["API_KEY", "NEW_VAR"]);
  });

  it("on-chain KMS, the same keys: no new compose hash, one call", async () => {
    const encrypted = await encryptEnvVars(
      [{ key: "API_KEY", value: "v2" }],
      await envPubkeyOf("inference-1"),
    );
    const result = await client().updateCvmEnvs({
      id: "inference-1",
      encrypted_env: encrypted,
      env_keys: ["API_KEY", "NEW_VAR"],
    });
    expect(result.status).toBe("in_progress");
  });

  it("a proof for another hash is refused (the API's 466)", async () => {
    const encrypted = await encryptEnvVars(
      [{ key: "OTHER", value: "x" }],
      await envPubkeyOf("inference-2"),
    );
    const args = { id: "inference-2", encrypted_env: encrypted, env_keys: ["OTHER"] };
    const first = await client().updateCvmEnvs(args);
    expect(first.status).toBe("precondition_required");
    const error = await rejectionOf(
      client().updateCvmEnvs({ ...args, compose_hash: "0".repeat(64), transaction_hash: TX }),
    );
    expect((error as { status?: number }).status).toBe(466);
  });

  it("encrypted_env is required; compose_hash and transaction_hash must be well formed", async () => {
    for (const args of [
      { id: "acme-web-2" },
      { id: "acme-web-2", encrypted_env: "00", transaction_hash: "0x12" },
      { id: "acme-web-2", encrypted_env: "00", compose_hash: "not-a-hash" },
    ]) {
      const error = await rejectionOf(client().updateCvmEnvs(args as never));
      expect(error, JSON.stringify(args)).toBeInstanceOf(RequestValidationError);
    }
    expect(mock.sent).toHaveLength(0);
  });
});

describe("safeUpdateCvmEnvs", () => {
  it("a SafeResult: data on success, the error otherwise (never thrown)", async () => {
    const encrypted = await encryptEnvVars(
      [{ key: "A", value: "1" }],
      await envPubkeyOf("cvm-abc123"),
    );
    const ok = await client().safeUpdateCvmEnvs({ id: "cvm-abc123", encrypted_env: encrypted });
    expectTypeOf(ok).toMatchTypeOf<SafeResult<CvmUpdateResult>>();
    expect(ok.success).toBe(true);
    expect(ok.success && ok.data.status).toBe("in_progress");
    const missing = await client().safeUpdateCvmEnvs({
      id: "no-such-cvm",
      encrypted_env: encrypted,
    });
    expect(missing.success).toBe(false);
    expect(missing.error).toBeInstanceOf(NotFoundError);
    expect(pathOf(mock.sent.at(-1))).toBe("/cvms/no-such-cvm/envs");
  });
});
