import { rotateWebhookSecretResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface RotateWebhookSecretArgs {
  /** The webhook's `id`. */
  webhookId: string;
}

/**
 * Replaces the webhook's signing secret and answers the new one (`{ secret }`):
 * `POST /workspace/webhooks/{webhook_id}/rotate-secret`. Deliveries from then on
 * are signed with it; the old secret no longer verifies them. The API asks for a
 * recent second-factor step-up (two-factor authentication) first: without one it
 * answers 428, a `StepUpRequiredError`. Not retried: a repeat would rotate again.
 */
export const rotateWebhookSecret = /* @__PURE__ */ defineVersionedAction({
  name: "rotateWebhookSecret",
  responses: rotateWebhookSecretResponseSchemas,
  plan: (args: RotateWebhookSecretArgs) => {
    checkBodyArgs("rotateWebhookSecret", args, {}, { pathKeys: WEBHOOK_ID_KEYS });
    return { method: "POST", path: webhookPath("rotateWebhookSecret", args, "/rotate-secret") };
  },
});

export const safeRotateWebhookSecret = /* @__PURE__ */ safe(rotateWebhookSecret);
