import { getWebhookStatsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface GetWebhookStatsArgs {
  /** The webhook's `id`. */
  webhookId: string;
}

/**
 * What a webhook's deliveries came to: counts, success rate, durations and the
 * last delivery's time: `GET /workspace/webhooks/{webhook_id}/stats`.
 */
export const getWebhookStats = /* @__PURE__ */ defineVersionedAction({
  name: "getWebhookStats",
  responses: getWebhookStatsResponseSchemas,
  plan: (args: GetWebhookStatsArgs) => {
    checkBodyArgs("getWebhookStats", args, {}, { pathKeys: WEBHOOK_ID_KEYS });
    return { method: "GET", path: webhookPath("getWebhookStats", args, "/stats") };
  },
});

export const safeGetWebhookStats = /* @__PURE__ */ safe(getWebhookStats);
