import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestValidationError, ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { listWebhooks, safeListWebhooks } from "./list-webhooks";
import { setup, webhookBody } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("listWebhooks", () => {
  it("GETs /workspace/webhooks; an absent secret and name come back null", async () => {
    const { secret: _s, name: _n, ...bare } = webhookBody();
    const { fake, client } = setup({ body: [bare] });
    const hooks = await listWebhooks(client);
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/workspace/webhooks`,
    });
    expect(hooks).toEqual([{ ...bare, secret: null, name: null }]);
  });

  it("refuses arguments, and a webhook of the wrong shape", async () => {
    const { fake, client } = setup({ body: [webhookBody({ enabled: "yes" })] });
    const refused = await safeListWebhooks(client, { page: 2 } as never);
    expect(refused.error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
    const result = await safeListWebhooks(client);
    expect(result.error).toBeInstanceOf(ResponseValidationError);
    expect((result.error as ResponseValidationError).issues[0]!.path).toBe("0.enabled");
  });
});
