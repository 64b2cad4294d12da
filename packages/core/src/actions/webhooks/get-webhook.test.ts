import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getWebhook, safeGetWebhook } from "./get-webhook";
import { setup, WEBHOOK_ID, webhookBody } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("getWebhook", () => {
  it("GETs the webhook by id, escaped in the path", async () => {
    const { fake, client } = setup({ body: webhookBody() });
    await expect(getWebhook(client, { webhookId: WEBHOOK_ID })).resolves.toEqual(webhookBody());
    await getWebhook(client, { webhookId: " a/b " });
    expect(fake.calls.map((call) => [call.method, call.url])).toEqual([
      ["GET", `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}`],
      ["GET", `${TEST_BASE_URL}/workspace/webhooks/a%2Fb`],
    ]);
  });

  it.each([[{}], [{ id: WEBHOOK_ID }], [{ webhookId: WEBHOOK_ID, name: "x" }]])(
    "refuses %j before sending",
    async (args) => {
      const { fake, client } = setup({ body: webhookBody() });
      const result = await safeGetWebhook(client, args as never);
      expect(result.error).toBeInstanceOf(RequestValidationError);
      expect(fake.calls).toHaveLength(0);
    },
  );

  it("surfaces an unknown id as NotFoundError", async () => {
    const { client } = setup({ status: 404, body: { detail: "Webhook not found" } });
    const result = await safeGetWebhook(client, { webhookId: "wh_gone" });
    expect(result.error).toBeInstanceOf(NotFoundError);
  });
});
