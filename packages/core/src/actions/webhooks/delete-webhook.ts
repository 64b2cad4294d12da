import { deleteWebhookResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface DeleteWebhookArgs {
  /** The webhook's `id`. */
  webhookId: string;
}

/**
 * Removes a webhook and stops its deliveries: `DELETE /workspace/webhooks/{webhook_id}`
 * (204); resolves `undefined`.
 */
export const deleteWebhook = /* @__PURE__ */ defineVersionedAction({
  name: "deleteWebhook",
  responses: deleteWebhookResponseSchemas,
  plan: (args: DeleteWebhookArgs) => {
    checkBodyArgs("deleteWebhook", args, {}, { pathKeys: WEBHOOK_ID_KEYS });
    return { method: "DELETE", path: webhookPath("deleteWebhook", args) };
  },
  // A 204 has no body; whatever a proxy might add is not the API's answer.
  shape: () => undefined,
});

export const safeDeleteWebhook = /* @__PURE__ */ safe(deleteWebhook);
