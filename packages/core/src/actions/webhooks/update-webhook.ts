import { updateWebhookResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { EVENTS_RULE, NAME_RULE, URL_RULE, WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface UpdateWebhookArgs {
  /** The webhook's `id`. */
  webhookId: string;
  /** A new delivery URL (http or https). */
  url?: string;
  /** The event types to deliver from now on (replaces the list). */
  events?: string[];
  /** A new label, at most 100 characters. */
  name?: string;
  /** `false` pauses deliveries; `true` resumes them. */
  enabled?: boolean;
}

const NAME = "updateWebhook";
const FIELDS = ["url", "events", "name", "enabled"];

/**
 * Changes a webhook: `PUT /workspace/webhooks/{webhook_id}` with the fields
 * given (the others stay as they are); answers the webhook as it now is. At
 * least one field is required: an empty update is refused before sending.
 */
export const updateWebhook = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: updateWebhookResponseSchemas,
  plan: (args: UpdateWebhookArgs) => {
    const path = webhookPath(NAME, args);
    const body = checkBodyArgs(
      NAME,
      args,
      { url: URL_RULE, events: EVENTS_RULE, name: NAME_RULE, enabled: "boolean" },
      { pathKeys: WEBHOOK_ID_KEYS },
    );
    if (Object.keys(body).length === 0) {
      invalidArguments(NAME, [
        { path: "", message: `expected at least one of ${FIELDS.join(", ")}` },
      ]);
    }
    return { method: "PUT", path, body };
  },
});

export const safeUpdateWebhook = /* @__PURE__ */ safe(updateWebhook);
