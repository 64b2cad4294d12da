import type {
  Webhook,
  WebhookDelivery,
  WebhookEventSent,
  WebhookSecret,
  WebhookStats,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import { paginate } from "../../paginate";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookStats,
  listWebhookDeliveries,
  listWebhooks,
  resendWebhookDelivery,
  revealWebhookSecret,
  rotateWebhookSecret,
  safeRotateWebhookSecret,
  testWebhook,
  updateWebhook,
} from "./index";

const client = createBaseClient({ apiKey: "k" });
const legacy = createBaseClient({ apiKey: "k", version: "2025-10-28" });
const latest = createBaseClient({ apiKey: "k", version: "LATEST" });
const webhookId = "wh_1";

describe("webhook action types", () => {
  it("type each result, the same in every version", () => {
    expectTypeOf(listWebhooks(client)).resolves.toEqualTypeOf<Webhook[]>();
    expectTypeOf(listWebhooks(legacy)).resolves.toEqualTypeOf<Webhook[]>();
    expectTypeOf(listWebhooks(latest)).resolves.toEqualTypeOf<Webhook[]>();
    expectTypeOf(
      createWebhook(client, { url: "https://x.example", events: ["cvm.created"] }),
    ).resolves.toEqualTypeOf<Webhook>();
    expectTypeOf(getWebhook(latest, { webhookId })).resolves.toEqualTypeOf<Webhook>();
    expectTypeOf(
      updateWebhook(client, { webhookId, enabled: false }),
    ).resolves.toEqualTypeOf<Webhook>();
    expectTypeOf(deleteWebhook(client, { webhookId })).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(
      revealWebhookSecret(client, { webhookId }),
    ).resolves.toEqualTypeOf<WebhookSecret>();
    expectTypeOf(
      rotateWebhookSecret(legacy, { webhookId }),
    ).resolves.toEqualTypeOf<WebhookSecret>();
    expectTypeOf(testWebhook(client, { webhookId })).resolves.toEqualTypeOf<WebhookEventSent>();
    expectTypeOf(
      listWebhookDeliveries(client, { webhookId, limit: 10, offset: 0 }),
    ).resolves.toEqualTypeOf<WebhookDelivery[]>();
    expectTypeOf(
      resendWebhookDelivery(client, { webhookId, eventId: "evt_1" }),
    ).resolves.toEqualTypeOf<WebhookEventSent>();
    expectTypeOf(getWebhookStats(client, { webhookId })).resolves.toEqualTypeOf<WebhookStats>();
    expectTypeOf(safeRotateWebhookSecret(client, { webhookId })).resolves.toEqualTypeOf<
      SafeResult<WebhookSecret>
    >();
    expectTypeOf(revealWebhookSecret(client, { webhookId }))
      .resolves.toHaveProperty("secret")
      .toBeString();
  });

  it("page deliveries with paginate", () => {
    const deliveries = paginate(listWebhookDeliveries, client, { webhookId, limit: 50 });
    expectTypeOf(deliveries.toArray()).resolves.toEqualTypeOf<WebhookDelivery[]>();
  });

  it("require the arguments", () => {
    // @ts-expect-error events is required
    createWebhook(client, { url: "https://x.example" });
    // @ts-expect-error webhookId is required
    getWebhook(client, {});
    // @ts-expect-error eventId is required
    resendWebhookDelivery(client, { webhookId });
    // @ts-expect-error enabled is a boolean
    updateWebhook(client, { webhookId, enabled: "no" });
  });
});
