import { listWebhookDeliveriesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";
import { webhookPath } from "./webhook-path";

export interface ListWebhookDeliveriesArgs {
  /** The webhook's `id`. */
  webhookId: string;
  /** Deliveries per page (the API's default: 50). */
  limit?: number;
  /** Deliveries to skip, newest first (default 0). */
  offset?: number;
}

const NAME = "listWebhookDeliveries";

/**
 * A webhook's deliveries, newest first, a page at a time:
 * `GET /workspace/webhooks/{webhook_id}/deliveries?limit&offset`. The page is a
 * bare array; `paginate(listWebhookDeliveries, client, { webhookId, limit })`
 * walks every page.
 */
export const listWebhookDeliveries = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: listWebhookDeliveriesResponseSchemas,
  plan: (args: ListWebhookDeliveriesArgs) => {
    const path = webhookPath(NAME, args, "/deliveries");
    const { webhookId: _id, ...query } = args;
    return {
      method: "GET",
      path,
      query: checkQueryArgs(NAME, query, {
        limit: "positiveInt",
        offset: { kind: "nonNegativeInt" },
      }),
    };
  },
});

export const safeListWebhookDeliveries = /* @__PURE__ */ safe(listWebhookDeliveries);
