// The official reference's getAppEnvEncryptPubKey page
// (`cloud-js-sdk/get-app-env-encrypt-pubkey.mdx`): the KMS key an app's env vars
// are encrypted to, the example's parseEnvVars -> encryptEnvVars -> commit, and
// the safe variant.
import {
  createBaseClient,
  createClient,
  DotenvParseError,
  decryptEnvVars,
  encryptEnvVars,
  type GetAppEnvEncryptPubKey,
  getAppEnvEncryptPubKey,
  NotFoundError,
  parseEnvVars,
  RequestValidationError,
  type SafeResult,
  safeGetAppEnvEncryptPubKey,
} from "@phala/cloud";
import { kmsPrivateKeyFor, provisionPrivateKeyFor } from "@phala/cloud-mock-api";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  categoriesOf,
  composeOf,
  pathOf,
  rejectionOf,
  SEED,
  useDocsMock,
} from "./docs.test-support";

const mock = useDocsMock();
const APP_ID = "5eed".repeat(10);
const client = () => createClient();

describe("getAppEnvEncryptPubKey: GET /kms/{kms}/pubkey/{app_id}", () => {
  it("kms (slug) and app_id: public_key and the KMS's signature over it", async () => {
    const key = await client().getAppEnvEncryptPubKey({ kms: SEED.kms.base.slug, app_id: APP_ID });
    expect(pathOf(mock.sent[0])).toBe(`/kms/${SEED.kms.base.slug}/pubkey/${APP_ID}`);
    expectTypeOf(key).toEqualTypeOf<GetAppEnvEncryptPubKey>();
    expect(key.public_key).toMatch(/^[0-9a-f]{64}$/);
    expect(key.signature).toMatch(/^[0-9a-f]{130}$/);
  });

  it("the KMS by id or slug; app_id with or without 0x: the same key", async () => {
    const c = client();
    const bySlug = await c.getAppEnvEncryptPubKey({ kms: SEED.kms.ethereum.slug, app_id: APP_ID });
    const byId = await c.getAppEnvEncryptPubKey({
      kms: SEED.kms.ethereum.id,
      app_id: `0x${APP_ID.toUpperCase()}`,
    });
    expect(byId.public_key).toBe(bySlug.public_key);
    // Sent as bare lower-case hex.
    expect(pathOf(mock.sent[1])).toBe(`/kms/${SEED.kms.ethereum.id}/pubkey/${APP_ID}`);
    const otherApp = await c.getAppEnvEncryptPubKey({
      kms: SEED.kms.ethereum.slug,
      app_id: "1".repeat(40),
    });
    expect(otherApp.public_key).not.toBe(bySlug.public_key);
  });

  it("an app_id that is not 40 hex characters is refused before sending", async () => {
    const error = await rejectionOf(
      client().getAppEnvEncryptPubKey({ kms: SEED.kms.base.slug, app_id: "0x1234abcd" }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("a 2026-06-23 client sends 2026-05-22 for it (kms stays a KMS node)", async () => {
    await client().withVersion("2026-06-23").getAppEnvEncryptPubKey({
      kms: SEED.kms.base.slug,
      app_id: APP_ID,
    });
    expect(mock.sent[0]?.headers.get("x-phala-version")).toBe("2026-05-22");
  });

  it("PHALA KMS: the provision's app_env_encrypt_pubkey encrypts to the same app key", async () => {
    const c = client();
    const provision = await c.provisionCvm({
      name: "pubkey-phala",
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
    });
    const envs = [{ key: "K", value: "v" }];
    const hex = await encryptEnvVars(envs, provision.app_env_encrypt_pubkey!);
    const key = provisionPrivateKeyFor(mock.api.state, provision.app_id!)!;
    expect(await decryptEnvVars(hex, key)).toEqual(envs);
  });
});

describe("Example: encrypt env vars with the KMS key, then commit", () => {
  it("parseEnvVars -> encryptEnvVars(envVars, public_key) -> commitCvmProvision", async () => {
    const c = client();
    const provision = await c.provisionCvm({
      name: "pubkey-onchain",
      compose_file: {
        docker_compose_file: composeOf("ghcr.io/example/api:4"),
        allowed_envs: ["API_KEY", "DB_URL"],
      },
      kms_id: SEED.kms.ethereum.slug,
    });
    const { public_key } = await c.getAppEnvEncryptPubKey({
      kms: SEED.kms.ethereum.slug,
      app_id: `0x${APP_ID}`,
    });
    const envVars = parseEnvVars("API_KEY=docs-secret\nDB_URL=postgres://db.internal:5432/app\n");
    expect(envVars).toEqual([
      { key: "API_KEY", value: "docs-secret" },
      { key: "DB_URL", value: "postgres://db.internal:5432/app" },
    ]);
    const encrypted = await encryptEnvVars(envVars, public_key);
    expectTypeOf(encrypted).toEqualTypeOf<string>();
    expect(encrypted).toMatch(/^[0-9a-f]+$/);

    const vm = await c.commitCvmProvision({
      app_id: `0x${APP_ID}`,
      compose_hash: provision.compose_hash,
      encrypted_env: encrypted,
      env_keys: ["API_KEY", "DB_URL"],
      kms_id: SEED.kms.ethereum.id,
      contract_address: `0x${APP_ID}`,
      deployer_address: `0x${"9".repeat(40)}`,
    });
    expect(vm.app_id).toBe(APP_ID);
    // The KMS, holding the private half, reads them back.
    const privateKey = kmsPrivateKeyFor(mock.api.state, SEED.kms.ethereum.id, APP_ID);
    expect(await decryptEnvVars(encrypted, privateKey)).toEqual(envVars);
  });

  it("encryptEnvVars: a fresh ciphertext each time, for the same plaintext", async () => {
    const { public_key } = await client().getAppEnvEncryptPubKey({
      kms: SEED.kms.base.slug,
      app_id: APP_ID,
    });
    const envVars = [{ key: "A", value: "1" }];
    const [one, two] = await Promise.all([
      encryptEnvVars(envVars, public_key),
      encryptEnvVars(envVars, public_key),
    ]);
    expect(one).not.toBe(two);
    const privateKey = kmsPrivateKeyFor(mock.api.state, SEED.kms.base.id, APP_ID);
    expect(await decryptEnvVars(two, privateKey)).toEqual(envVars);
  });

  it("parseEnvVars throws DotenvParseError on a line it cannot read, without quoting it", () => {
    let thrown: unknown;
    try {
      parseEnvVars("GOOD=1\nthis line has no equals sign secret123\n");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DotenvParseError);
    expect((thrown as DotenvParseError).line).toBe(2);
    expect((thrown as DotenvParseError).message).not.toContain("secret123");
  });
});

describe("safeGetAppEnvEncryptPubKey", () => {
  it("success", async () => {
    const result = await safeGetAppEnvEncryptPubKey(createBaseClient(), {
      kms: SEED.kms.base.slug,
      app_id: APP_ID,
    });
    expectTypeOf(result).toEqualTypeOf<SafeResult<GetAppEnvEncryptPubKey>>();
    expect(result.success && result.data.public_key).toMatch(/^[0-9a-f]{64}$/);
    const direct = await getAppEnvEncryptPubKey(createBaseClient(), {
      kms: SEED.kms.base.slug,
      app_id: APP_ID,
    });
    expect(result.success && result.data).toEqual(direct);
  });

  it("an unknown KMS: 404 ERR-02-011 as result.error (NotFoundError, ResourceError)", async () => {
    const result = await client().safeGetAppEnvEncryptPubKey({ kms: "nope-kms", app_id: APP_ID });
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(result.error?.errorCode).toBe("ERR-02-011");
    expect(categoriesOf(result.error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });

  it("arguments refused before sending are a result too", async () => {
    const result = await client().safeGetAppEnvEncryptPubKey({ kms: "", app_id: APP_ID });
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(categoriesOf(result.error)).toEqual(["UnknownError"]);
  });
});
