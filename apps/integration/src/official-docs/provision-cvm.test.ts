// The official reference's provisionCvm page (`cloud-js-sdk/provision-cvm.mdx`):
// the first phase of creating a CVM, its parameters and compose_file object,
// its result, the Phala KMS example through the commit, the on-chain example
// up to the contract deployment (which this SDK has no action for), and the
// safe variant.
import {
  ConflictError,
  createClient,
  decryptEnvVars,
  encryptEnvVars,
  NotFoundError,
  type ProvisionCvm,
  parseEnvVars,
  RequestValidationError,
  type SafeResult,
} from "@phala/cloud";
import { kmsPrivateKeyFor, provisionPrivateKeyFor } from "@phala/cloud-mock-api";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  categoriesOf,
  composeOf,
  recordingFetch,
  rejectionOf,
  SEED,
  useDocsMock,
} from "./docs.test-support";

const mock = useDocsMock();
const HEX64 = /^[0-9a-f]{64}$/;
const client = () => createClient();

describe("provisionCvm: POST /cvms/provision", () => {
  it("name and compose_file: the two required parameters", async () => {
    const recorder = recordingFetch();
    const provision = await createClient({ fetch: recorder.fetch }).provisionCvm({
      name: "docs-minimal",
      compose_file: { docker_compose_file: composeOf("nginx:1.27-alpine") },
    });
    const [request] = recorder.requests;
    expect(request?.method).toBe("POST");
    expect(new URL(request!.url).pathname).toBe("/api/v1/cvms/provision");
    // compose_file.name defaults to the CVM's name (the API requires one).
    expect(request?.body).toEqual({
      name: "docs-minimal",
      compose_file: { docker_compose_file: composeOf("nginx:1.27-alpine"), name: "docs-minimal" },
    });
    expect(provision.compose_hash).toMatch(HEX64);
  });

  // Documented: the SDK fills in `instance_type: "tdx.small"`. This SDK sends
  // only what is given; the API's default (tdx.small) applies.
  it("instance_type left out (differs: not filled in): the API's default applies", async () => {
    const recorder = recordingFetch();
    const provision = await createClient({ fetch: recorder.fetch }).provisionCvm({
      name: "docs-default-type",
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
    });
    expect(recorder.requests[0]?.body).not.toHaveProperty("instance_type");
    expect(provision.instance_type).toBe("tdx.small");
  });

  it("instance_type, node_id, region, image, disk_size, env_keys, listed", async () => {
    const recorder = recordingFetch();
    const args = {
      name: "docs-every-field",
      compose_file: { docker_compose_file: composeOf("redis:7.4") },
      instance_type: "tdx.medium",
      node_id: SEED.nodes.prod7.id,
      region: "us-east-1",
      image: "dstack-0.5.3",
      disk_size: 60,
      env_keys: ["REDIS_PASSWORD"],
      listed: true,
    };
    const c = createClient({ fetch: recorder.fetch });
    const provision = await c.provisionCvm(args);
    expect(recorder.requests[0]?.body).toEqual({
      ...args,
      compose_file: { ...args.compose_file, name: args.name },
    });
    expect(provision.instance_type).toBe("tdx.medium");
    expect(provision.node_id).toBe(SEED.nodes.prod7.id);
    const images = await c.getOsImages({ page_size: 100 });
    expect(provision.os_image_hash).toBe(
      images.items.find((image) => image.name === "dstack-0.5.3")?.os_image_hash,
    );
    // listed and disk_size show on the CVM once committed.
    await c.commitCvmProvision({ app_id: provision.app_id!, compose_hash: provision.compose_hash });
    const cvm = await c.getCvmInfo({ id: "docs-every-field" });
    expect(cvm.listed).toBe(true);
    expect(cvm.resource.disk_in_gb).toBe(60);
    expect(cvm.node_info?.region).toBe("us-east-1");
  });

  it("nonce and app_id (Phala KMS): the app id reserved with nextAppIds", async () => {
    const c = client();
    const {
      app_ids: [reserved],
    } = await c.nextAppIds({ counts: 1 });
    const provision = await c.provisionCvm({
      name: "docs-nonce",
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
      nonce: reserved!.nonce,
      app_id: reserved!.app_id,
    });
    expect(provision.app_id).toBe(reserved!.app_id);
  });

  it("nonce without app_id is refused before sending", async () => {
    const error = await rejectionOf(
      client().provisionCvm({
        name: "docs-nonce-only",
        compose_file: { docker_compose_file: composeOf("busybox:1.37") },
        nonce: 3,
      }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  // The mock refuses the lower-case value the API's KmsType enum has (reported):
  // only what is sent is checked here.
  it("kms in any case is sent in the API's lower case; kms_contract as given", async () => {
    const recorder = recordingFetch();
    await createClient({ fetch: recorder.fetch, maxRetries: 0 }).safeProvisionCvm({
      name: "docs-kms-case",
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
      kms: "ETHEREUM",
      kms_contract: "0x1111111111111111111111111111111111111111",
    });
    expect(recorder.requests[0]?.body).toMatchObject({
      kms: "ethereum",
      kms_contract: "0x1111111111111111111111111111111111111111",
    });
    const error = await rejectionOf(
      client().provisionCvm({
        name: "docs-kms-bad",
        compose_file: { docker_compose_file: composeOf("busybox:1.37") },
        // @ts-expect-error not a KMS kind
        kms: "SOLANA",
      }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
  });

  it("name: 5-63 characters, a letter first; refused before sending", async () => {
    for (const name of ["abc", "1-starts-with-digit", `a${"b".repeat(63)}`]) {
      const error = await rejectionOf(
        client().provisionCvm({ name, compose_file: { docker_compose_file: composeOf("a:1") } }),
      );
      expect(error, name).toBeInstanceOf(RequestValidationError);
    }
    expect(mock.sent).toHaveLength(0);
  });
});

describe("the compose_file object", () => {
  it("docker_compose_file, allowed_envs, pre_launch_script, gateway_enabled, kms_enabled, public_logs, public_sysinfo", async () => {
    const c = client();
    const compose_file = {
      docker_compose_file: composeOf("ghcr.io/example/api:1.0", 3000),
      allowed_envs: ["API_KEY", "SECRET"],
      pre_launch_script: "#!/bin/sh\necho docs-prelaunch\n",
      gateway_enabled: true,
      kms_enabled: true,
      public_logs: false,
      public_sysinfo: false,
    };
    const provision = await c.provisionCvm({ name: "docs-compose-flags", compose_file });
    await c.commitCvmProvision({ app_id: provision.app_id!, compose_hash: provision.compose_hash });
    const compose = await c.getCvmComposeFile({ id: "docs-compose-flags" });
    expect(compose).toMatchObject({ ...compose_file, name: "docs-compose-flags" });
    // The hash covers exactly this compose.
    expect(await compose.getHash()).toBe(provision.compose_hash);
    expect(await c.getCvmPreLaunchScript({ id: "docs-compose-flags" })).toBe(
      compose_file.pre_launch_script,
    );
    const cvm = await c.getCvmInfo({ id: "docs-compose-flags" });
    expect(cvm.public_logs).toBe(false);
    expect(cvm.public_sysinfo).toBe(false);
  });
});

describe("Returns: ProvisionCvm", () => {
  it("compose_hash, app_id, app_env_encrypt_pubkey, kms_id, kms_info, device_id, fmspc, os_image_hash, instance_type, node_id", async () => {
    const provision = await client().provisionCvm({
      name: "docs-result-fields",
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
      node_id: SEED.nodes.prod9.id,
    });
    expectTypeOf(provision).toExtend<ProvisionCvm>();
    expect(provision.compose_hash).toMatch(HEX64);
    expect(provision.app_id).toMatch(/^[0-9a-f]{40}$/);
    expect(provision.app_env_encrypt_pubkey).toMatch(HEX64);
    expect(provision.kms_id).toBe(SEED.kms.phala.id);
    expect(provision.kms_info).toMatchObject({
      slug: SEED.kms.phala.slug,
      url: "https://kms.phala.network",
      chain_id: null,
    });
    expect(provision.device_id).toMatch(HEX64);
    expect(provision.fmspc).toMatch(/^[0-9a-f]{12}$/);
    expect(provision.os_image_hash).toMatch(HEX64);
    expect(provision.instance_type).toBe("tdx.small");
    expect(provision.node_id).toBe(SEED.nodes.prod9.id);
    expectTypeOf(provision.compose_hash).toEqualTypeOf<string>();
  });
});

describe("Example: PHALA KMS (default)", () => {
  it("provision, encrypt the env vars to app_env_encrypt_pubkey, commit", async () => {
    const c = client();
    const provision = await c.provisionCvm({
      name: "docs-phala-example",
      instance_type: "tdx.small",
      compose_file: {
        docker_compose_file: composeOf("ghcr.io/example/worker:2"),
        allowed_envs: ["API_KEY", "SECRET"],
      },
    });
    const envVars = parseEnvVars("API_KEY=docs-key-1\nSECRET='s p a c e'\n");
    const encrypted = await encryptEnvVars(envVars, provision.app_env_encrypt_pubkey!);
    const vm = await c.commitCvmProvision({
      app_id: provision.app_id!,
      compose_hash: provision.compose_hash,
      encrypted_env: encrypted,
      env_keys: ["API_KEY", "SECRET"],
    });
    expect(vm.status).toBe("starting");
    expect(vm.app_id).toBe(provision.app_id);
    // The platform, holding the KMS key, reads what was encrypted.
    const key = provisionPrivateKeyFor(mock.api.state, provision.app_id!)!;
    expect(await decryptEnvVars(encrypted, key)).toEqual([
      { key: "API_KEY", value: "docs-key-1" },
      { key: "SECRET", value: "s p a c e" },
    ]);
  });
});

// Step 2 (deployAppAuth) is missing from this SDK; the app id below stands
// for the contract a wallet would deploy.
describe("Example: On-chain KMS (steps 1 and 3)", () => {
  it("provision on an on-chain KMS: no app_id or key yet; kms_info and device_id for the contract", async () => {
    const c = client();
    const provision = await c.provisionCvm({
      name: "docs-onchain-example",
      compose_file: { docker_compose_file: composeOf("ghcr.io/example/oracle:3") },
      kms_id: SEED.kms.ethereum.slug,
    });
    expect(provision.app_id ?? null).toBeNull();
    expect(provision.app_env_encrypt_pubkey ?? null).toBeNull();
    expect(provision.kms_id).toBe(SEED.kms.ethereum.id);
    expect(provision.kms_info?.chain_id).toBe(1);
    expect(provision.kms_info?.kms_contract_address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(provision.device_id).toMatch(HEX64);
    // The page hands `provision.kms_info.chain` to deployAppAuth: the SDK adds it
    // from chain_id (deployAppAuth itself is missing here).
    expect(provision.kms_info?.chain).toMatchObject({ id: 1, name: "Ethereum" });

    const appId = "0d0c5".padEnd(40, "a");
    const { public_key } = await c.getAppEnvEncryptPubKey({
      kms: SEED.kms.ethereum.slug,
      app_id: appId,
    });
    const envs = [{ key: "RPC_TOKEN", value: "on-chain" }];
    const encrypted_env = await encryptEnvVars(envs, public_key);
    const vm = await c.commitCvmProvision({
      app_id: appId,
      compose_hash: provision.compose_hash,
      encrypted_env,
      kms_id: provision.kms_id!,
      contract_address: `0x${appId}`,
      deployer_address: `0x${"4".repeat(40)}`,
    });
    expect(vm.app_id).toBe(appId);
    expect(vm.status).toBe("starting");
    const key = kmsPrivateKeyFor(mock.api.state, SEED.kms.ethereum.id, appId);
    expect(await decryptEnvVars(encrypted_env, key)).toEqual(envs);
  });
});

describe("safeProvisionCvm", () => {
  it("success: result.data.compose_hash", async () => {
    const result = await client().safeProvisionCvm({
      name: "docs-safe-ok",
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
    });
    expectTypeOf(result).toExtend<SafeResult<ProvisionCvm>>();
    if (!result.success) throw result.error;
    expect(result.data.compose_hash).toMatch(HEX64);
  });

  it("a name in use: 409 ERR-01-004 as result.error (ConflictError, the docs' ResourceError)", async () => {
    const result = await client().safeProvisionCvm({
      name: SEED.exampleCvm.name,
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
    });
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(ConflictError);
    expect(result.error?.errorCode).toBe("ERR-01-004");
    expect(categoriesOf(result.error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });

  it("an unknown instance type: 404 ERR-02-001 (NotFoundError, ResourceError)", async () => {
    const result = await client().safeProvisionCvm({
      name: "docs-safe-type",
      instance_type: "tdx.gigantic",
      compose_file: { docker_compose_file: composeOf("busybox:1.37") },
    });
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(result.error?.errorCode).toBe("ERR-02-001");
    expect(categoriesOf(result.error)).toContain("ResourceError");
  });
});
