import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, type RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { resendWebhookDelivery, safeResendWebhookDelivery } from "./resend-webhook-delivery";
import { setup, WEBHOOK_ID } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("resendWebhookDelivery", () => {
  it("POSTs the delivery's resend path", async () => {
    const { fake, client } = setup({ body: { event_id: "evt_new" } });
    const sent = await resendWebhookDelivery(client, { webhookId: WEBHOOK_ID, eventId: "evt_old" });
    expect(sent.event_id).toBe("evt_new");
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}/deliveries/evt_old/resend`,
    });
  });

  it.each([
    [{ webhookId: WEBHOOK_ID }, "eventId"],
    [{ webhookId: WEBHOOK_ID, eventId: "evt_1", force: true }, "force"],
  ])("refuses %j (%s)", async (args, field) => {
    const { fake, client } = setup({ body: {} });
    const result = await safeResendWebhookDelivery(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("surfaces an unknown delivery as NotFoundError", async () => {
    const { client } = setup({ status: 404, body: { detail: "Delivery not found" } });
    const result = await safeResendWebhookDelivery(client, {
      webhookId: WEBHOOK_ID,
      eventId: "evt_x",
    });
    expect(result.error).toBeInstanceOf(NotFoundError);
  });
});
