import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestValidationError, ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { setup } from "./cvms.test-support";
import { getCvmNetworkConfig, safeGetCvmNetworkConfig } from "./get-cvm-network-config";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const config = () => ({
  kms_urls: ["https://kms.phala.network"],
  gateway_urls: ["https://gateway.dstack-pha-prod5.phala.network"],
  ports: [{ host_port: 30001, vm_port: 22, protocol: "tcp", host_address: "0.0.0.0" }],
});

describe("getCvmNetworkConfig", () => {
  it("sends GET /cvms/{id}/network-config and resolves the configuration", async () => {
    const { fake, client } = setup({ body: config() });
    await expect(getCvmNetworkConfig(client, { id: "cvm_1" })).resolves.toEqual(config());
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.method).toBe("GET");
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1/network-config`);
    expect(fake.calls[0]!.body).toBeUndefined();
  });

  it("fills a port's protocol and host address with the API's defaults", async () => {
    const { client } = setup({ body: { ports: [{ host_port: 30001, vm_port: 22 }] } });
    const result = await getCvmNetworkConfig(client, { id: "cvm_1" });
    expect(result.ports).toEqual([
      { host_port: 30001, vm_port: 22, protocol: "tcp", host_address: "" },
    ]);
  });

  it("refuses a call without a CVM id and a body of the wrong shape", async () => {
    const { fake, client } = setup({ body: config() });
    await expect(getCvmNetworkConfig(client, {} as never)).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(fake.calls).toHaveLength(0);
    const wrong = setup({ body: { kms_urls: "https://kms", ports: [{ vm_port: "22" }] } });
    const error = await getCvmNetworkConfig(wrong.client, { id: "cvm_1" }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).endpoint).toBe("getCvmNetworkConfig");
  });

  it("has a safe twin", async () => {
    const ok = await safeGetCvmNetworkConfig(setup({ body: config() }).client, { id: "cvm_1" });
    expect(ok).toEqual({ success: true, data: config() });
    const failed = await safeGetCvmNetworkConfig(
      setup({ status: 404, body: { detail: "x" } }).client,
      { id: "cvm_1" },
    );
    expect(failed.success).toBe(false);
  });
});
