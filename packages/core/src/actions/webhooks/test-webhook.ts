import { testWebhookResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface TestWebhookArgs {
  /** The webhook's `id`. */
  webhookId: string;
}

/**
 * Sends the webhook a signed test event: `POST /workspace/webhooks/{webhook_id}/test`.
 * The delivery is recorded like any other (`listWebhookDeliveries`); `event_id`
 * names it where the API says (null otherwise).
 */
export const testWebhook = /* @__PURE__ */ defineVersionedAction({
  name: "testWebhook",
  responses: testWebhookResponseSchemas,
  plan: (args: TestWebhookArgs) => {
    checkBodyArgs("testWebhook", args, {}, { pathKeys: WEBHOOK_ID_KEYS });
    return { method: "POST", path: webhookPath("testWebhook", args, "/test") };
  },
});

export const safeTestWebhook = /* @__PURE__ */ safe(testWebhook);
