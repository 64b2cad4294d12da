import { revealWebhookSecretResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { WEBHOOK_ID_KEYS, webhookPath } from "./webhook-path";

export interface RevealWebhookSecretArgs {
  /** The webhook's `id`. */
  webhookId: string;
}

/**
 * The webhook's signing secret (`{ secret }`, `whsec_...`):
 * `POST /workspace/webhooks/{webhook_id}/reveal-secret`. The API may first want
 * a recent second-factor step-up of the account: it answers 428, a
 * `StepUpRequiredError`; confirm in the Phala Cloud dashboard, then call again.
 */
export const revealWebhookSecret = /* @__PURE__ */ defineVersionedAction({
  name: "revealWebhookSecret",
  responses: revealWebhookSecretResponseSchemas,
  plan: (args: RevealWebhookSecretArgs) => {
    checkBodyArgs("revealWebhookSecret", args, {}, { pathKeys: WEBHOOK_ID_KEYS });
    return { method: "POST", path: webhookPath("revealWebhookSecret", args, "/reveal-secret") };
  },
});

export const safeRevealWebhookSecret = /* @__PURE__ */ safe(revealWebhookSecret);
