import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { deleteWebhook, safeDeleteWebhook } from "./delete-webhook";
import { setup, WEBHOOK_ID } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("deleteWebhook", () => {
  it("DELETEs the webhook and resolves undefined on 204", async () => {
    const { fake, client } = setup({ status: 204 });
    await expect(deleteWebhook(client, { webhookId: WEBHOOK_ID })).resolves.toBeUndefined();
    expect(fake.calls[0]).toMatchObject({
      method: "DELETE",
      url: `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}`,
    });
  });

  it("surfaces an unknown id as NotFoundError in the safe twin", async () => {
    const { client } = setup({ status: 404, body: { detail: "Webhook not found" } });
    const result = await safeDeleteWebhook(client, { webhookId: "wh_gone" });
    expect(result.error).toBeInstanceOf(NotFoundError);
  });
});
