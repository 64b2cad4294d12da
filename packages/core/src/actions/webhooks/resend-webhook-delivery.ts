import { resendWebhookDeliveryResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface ResendWebhookDeliveryArgs {
  /** The webhook's `id`. */
  webhookId: string;
  /** The `event_id` of the delivery to send again (from `listWebhookDeliveries`). */
  eventId: string;
}

const NAME = "resendWebhookDelivery";

/**
 * Sends a delivery's event to the webhook again, signed with its current secret:
 * `POST /workspace/webhooks/{webhook_id}/deliveries/{event_id}/resend`. The new
 * delivery is listed with `original_event_id` naming the one resent.
 */
export const resendWebhookDelivery = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: resendWebhookDeliveryResponseSchemas,
  plan: (args: ResendWebhookDeliveryArgs) => {
    checkBodyArgs(NAME, args, {}, { pathKeys: [...WEBHOOK_ID_KEYS, "eventId"] });
    const eventId = encodeURIComponent(requireString(NAME, args, "eventId").trim());
    return { method: "POST", path: webhookPath(NAME, args, `/deliveries/${eventId}/resend`) };
  },
});

export const safeResendWebhookDelivery = /* @__PURE__ */ safe(resendWebhookDelivery);
