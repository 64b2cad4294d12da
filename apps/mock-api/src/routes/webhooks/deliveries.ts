// POST /workspace/webhooks/{webhook_id}/test, GET .../deliveries, POST
// .../deliveries/{event_id}/resend and GET .../stats: what was sent to a webhook.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { QueryReader } from "../../internal/query";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { webhookOf } from "./shared";
import {
  deliver,
  type MockDelivery,
  newEnvelope,
  newEventId,
  TEST_EVENT,
  webhookState,
} from "./store";

type DeliveryBody = WireBody<"listWebhookDeliveries", RenderVersion>[number];

function renderDelivery(delivery: MockDelivery): DeliveryBody {
  return {
    snowflake_id: delivery.snowflakeId,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    request_url: delivery.requestUrl,
    response_status: delivery.responseStatus,
    error_message: delivery.errorMessage,
    duration_ms: delivery.durationMs,
    created_at: delivery.createdAt,
    delivered_at: delivery.deliveredAt,
    original_event_id: delivery.originalEventId,
  };
}

export function registerWebhookDeliveryRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // Sent whatever the webhook subscribes to, and even when it is disabled: a test
  // is asked for explicitly. The answer waits for the attempt.
  api.post("/workspace/webhooks/:webhook_id/test", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const webhook = webhookOf(c);
    const store = webhookState(state);
    const envelope = newEnvelope(
      store,
      webhook,
      caller.workspace,
      TEST_EVENT,
      { webhook_id: webhook.id, message: "This is a test event from Phala Cloud." },
      now,
    );
    const delivery = await deliver(store, webhook, envelope, now);
    const body: WireBody<"testWebhook", RenderVersion> = { event_id: delivery.eventId };
    return c.json(body, 200);
  });

  api.get("/workspace/webhooks/:webhook_id/deliveries", requireApiKey, (c) => {
    const { state } = c.get("render");
    const webhook = webhookOf(c);
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const limit = query.int("limit", 50, { ge: 0 });
    const offset = query.int("offset", 0, { ge: 0 });
    query.assertValid();
    const newestFirst = webhookState(state)
      .deliveries.filter((delivery) => delivery.webhookId === webhook.id)
      .reverse();
    const body: WireBody<"listWebhookDeliveries", RenderVersion> = newestFirst
      .slice(offset, offset + limit)
      .map(renderDelivery);
    return c.json(body, 200);
  });

  // A new delivery of the same event (its type, data and time), under a new event
  // id that names the one resent in `original_event_id`, signed with the current secret.
  api.post(
    "/workspace/webhooks/:webhook_id/deliveries/:event_id/resend",
    requireApiKey,
    async (c) => {
      const { state, now } = c.get("render");
      const webhook = webhookOf(c);
      const store = webhookState(state);
      const eventId = c.req.param("event_id");
      const original = store.deliveries.find(
        (delivery) => delivery.webhookId === webhook.id && delivery.eventId === eventId,
      );
      if (!original) {
        throw phalaError(404, {
          message: "Delivery not found",
          details: [{ field: "event_id", value: eventId, message: null }],
          suggestions: ["List the webhook's deliveries with GET .../deliveries"],
        });
      }
      const envelope = { ...original.envelope, id: newEventId(store, webhook.id) };
      const delivery = await deliver(store, webhook, envelope, now, original.eventId);
      const body: WireBody<"resendWebhookDelivery", RenderVersion> = { event_id: delivery.eventId };
      return c.json(body, 200);
    },
  );

  api.get("/workspace/webhooks/:webhook_id/stats", requireApiKey, (c) => {
    const { state } = c.get("render");
    const webhook = webhookOf(c);
    const deliveries = webhookState(state).deliveries.filter(
      (delivery) => delivery.webhookId === webhook.id,
    );
    const total = deliveries.length;
    const successes = deliveries.filter((delivery) => delivery.status === "success").length;
    const durations = deliveries.map((delivery) => delivery.durationMs);
    const body: WireBody<"getWebhookStats", RenderVersion> = {
      total,
      success_count: successes,
      failed_count: total - successes,
      // A percentage, two decimals.
      success_rate: total === 0 ? 0 : Math.round((successes / total) * 10_000) / 100,
      avg_duration_ms:
        total === 0 ? 0 : Math.round(durations.reduce((sum, ms) => sum + ms, 0) / total),
      max_duration_ms: Math.max(0, ...durations),
      last_delivery_at: deliveries.at(-1)?.createdAt ?? null,
    };
    return c.json(body, 200);
  });
}
