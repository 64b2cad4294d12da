import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { safeTestWebhook, testWebhook } from "./test-webhook";
import { setup, WEBHOOK_ID } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("testWebhook", () => {
  it("POSTs /test and reads the event id", async () => {
    const { fake, client } = setup({ body: { event_id: "evt_0123456789abcdef" } });
    await expect(testWebhook(client, { webhookId: WEBHOOK_ID })).resolves.toEqual({
      event_id: "evt_0123456789abcdef",
    });
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}/test`,
      body: undefined,
    });
  });

  it("takes an answer that names no event: event_id is null", async () => {
    const { client } = setup({ body: { success: true } });
    await expect(testWebhook(client, { webhookId: WEBHOOK_ID })).resolves.toEqual({
      event_id: null,
    });
  });

  it("surfaces an unknown webhook as NotFoundError", async () => {
    const { client } = setup({ status: 404, body: { detail: "Webhook not found" } });
    expect((await safeTestWebhook(client, { webhookId: "wh_gone" })).error).toBeInstanceOf(
      NotFoundError,
    );
  });
});
