import { getWebhookResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface GetWebhookArgs {
  /** The webhook's `id`. */
  webhookId: string;
}

/**
 * One webhook of the caller's workspace: `GET /workspace/webhooks/{webhook_id}`.
 * An id the workspace does not have is a `NotFoundError`.
 */
export const getWebhook = /* @__PURE__ */ defineVersionedAction({
  name: "getWebhook",
  responses: getWebhookResponseSchemas,
  plan: (args: GetWebhookArgs) => {
    checkBodyArgs("getWebhook", args, {}, { pathKeys: WEBHOOK_ID_KEYS });
    return { method: "GET", path: webhookPath("getWebhook", args) };
  },
});

export const safeGetWebhook = /* @__PURE__ */ safe(getWebhook);
