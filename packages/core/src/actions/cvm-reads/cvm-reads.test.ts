import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { RequestValidationError, ResponseValidationError } from "../../errors";
import { type FakeReply, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import {
  cvmAttestationBody,
  cvmComposeFileBody,
  cvmContainersBody,
  cvmNetworkBody,
  cvmStateBody,
  cvmStatsBody,
  VM_UUID_HEX,
} from "./fixtures.test-support";
import {
  getCvmAttestation,
  getCvmComposeFile,
  getCvmContainersStats,
  getCvmDockerCompose,
  getCvmNetwork,
  getCvmPreLaunchScript,
  getCvmState,
  getCvmStats,
  getCvmUserConfig,
  safeGetCvmAttestation,
  safeGetCvmComposeFile,
  safeGetCvmContainersStats,
  safeGetCvmDockerCompose,
  safeGetCvmNetwork,
  safeGetCvmPreLaunchScript,
  safeGetCvmState,
  safeGetCvmStats,
  safeGetCvmUserConfig,
} from "./index";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function setup(reply: FakeReply) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { fake, client };
}

type AnyAction = (client: any, args: any, options?: any) => Promise<any>;

const YAML = "services:\n  web:\n    image: nginx:1.27\n";
const SCRIPT = "#!/bin/sh\necho ready\n";

const jsonCases: [string, AnyAction, AnyAction, string, () => unknown][] = [
  ["getCvmState", getCvmState, safeGetCvmState, "/state", cvmStateBody],
  ["getCvmStats", getCvmStats, safeGetCvmStats, "/stats", cvmStatsBody],
  ["getCvmNetwork", getCvmNetwork, safeGetCvmNetwork, "/network", cvmNetworkBody],
  [
    "getCvmContainersStats",
    getCvmContainersStats,
    safeGetCvmContainersStats,
    "/composition",
    cvmContainersBody,
  ],
  [
    "getCvmAttestation",
    getCvmAttestation,
    safeGetCvmAttestation,
    "/attestation",
    cvmAttestationBody,
  ],
  [
    "getCvmUserConfig",
    getCvmUserConfig,
    safeGetCvmUserConfig,
    "/user_config",
    () => ({
      hostname: "price-oracle",
      ssh_authorized_keys: ["ssh-ed25519 AAAA alice"],
      default_gateway_domain: null,
    }),
  ],
  [
    "getCvmComposeFile",
    getCvmComposeFile,
    safeGetCvmComposeFile,
    "/compose_file",
    cvmComposeFileBody,
  ],
];

describe.each(jsonCases)("%s", (name, action, safeAction, suffix, body) => {
  it(`sends GET /cvms/{id}${suffix} with the version and JSON accept headers`, async () => {
    const { fake, client } = setup({ body: body() });
    const result = await action(client, { uuid: "BF1B6F57-1470-4531-9AD9-22013366635B" });
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0]!;
    expect(call.method).toBe("GET");
    expect(call.url).toBe(`${TEST_BASE_URL}/cvms/${VM_UUID_HEX}${suffix}`);
    expect(call.headers["x-phala-version"]).toBe("2026-01-21");
    expect(call.headers.accept).toBe("application/json");
    expect(call.body).toBeUndefined();
    expect(result).toEqual(body());
  });

  it("refuses a call without a CVM id, sending nothing", async () => {
    const { fake, client } = setup({ body: body() });
    const error = await action(client, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).endpoint).toBe(name);
    expect(fake.calls).toHaveLength(0);
  });

  it("refuses a body of the wrong shape", async () => {
    const { client } = setup({ body: { is_online: "yes", status: 7, name: 1, hostname: 5 } });
    const error = await action(client, { id: "cvm_1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).endpoint).toBe(name);
  });

  it("has a safe twin", async () => {
    const ok = await safeAction(setup({ body: body() }).client, { id: "cvm_1" });
    expect(ok).toEqual({ success: true, data: body() });
    const failed = await safeAction(setup({ status: 404, body: { detail: "x" } }).client, {
      id: "cvm_1",
    });
    expect(failed.success).toBe(false);
  });
});

describe("text files", () => {
  it.each([
    ["getCvmDockerCompose", getCvmDockerCompose, "/docker-compose.yml", "text/yaml", YAML],
    ["getCvmPreLaunchScript", getCvmPreLaunchScript, "/pre-launch-script", "text/plain", SCRIPT],
  ] as [string, AnyAction, string, string, string][])(
    "%s returns the body as a string",
    async (_name, action, suffix, type, text) => {
      const { fake, client } = setup({ raw: text, headers: { "content-type": type } });
      const result = await action(client, { name: "price-oracle" });
      expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/price-oracle${suffix}`);
      expect(fake.calls[0]!.headers.accept).toBe(`${type}, application/json`);
      expect(result).toBe(text);
    },
  );

  it("an empty pre-launch script is an empty string", async () => {
    const { client } = setup({ raw: "", headers: { "content-type": "text/plain" } });
    expect(await getCvmPreLaunchScript(client, { id: "cvm_1" })).toBe("");
  });

  it("a script sent as a JSON string is unwrapped", async () => {
    const { client } = setup({ body: SCRIPT });
    expect(await getCvmPreLaunchScript(client, { id: "cvm_1" })).toBe(SCRIPT);
  });

  it("a JSON object where text is expected is a validation error", async () => {
    const { client } = setup({ body: { docker_compose_file: YAML } });
    await expect(getCvmDockerCompose(client, { id: "cvm_1" })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it("safe twins", async () => {
    const ok = await safeGetCvmDockerCompose(setup({ raw: YAML }).client, { id: "cvm_1" });
    expect(ok).toEqual({ success: true, data: YAML });
    const bad = await safeGetCvmPreLaunchScript(setup({ raw: SCRIPT }).client, {} as any);
    expect(bad.success).toBe(false);
  });
});

describe("offline VMs", () => {
  it("getCvmStats accepts is_online: false with null sysinfo", async () => {
    const body = {
      ...cvmStatsBody(),
      is_online: false,
      sysinfo: null,
      error: "CVM is not running",
    };
    const { client } = setup({ body });
    const stats = await getCvmStats(client, { id: "cvm_1" });
    expect(stats.is_online).toBe(false);
    expect(stats.sysinfo).toBeNull();
  });

  it("getCvmAttestation accepts null certificates and TCB info", async () => {
    const body = {
      ...cvmAttestationBody(),
      is_online: false,
      app_certificates: null,
      tcb_info: null,
    };
    const result = await getCvmAttestation(setup({ body }).client, { id: "cvm_1" });
    expect(result.tcb_info).toBeNull();
  });
});
