import { createWebhookResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { EVENTS_RULE, NAME_RULE, URL_RULE } from "./webhook-path";

export interface CreateWebhookArgs {
  /** Where deliveries are POSTed: an http or https URL. */
  url: string;
  /** The event types to deliver (`cvm.created`, `cvm.stopped`, ...). */
  events: string[];
  /** A label, at most 100 characters. */
  name?: string;
  /** A signing secret of your own; the API generates one (`whsec_...`) when omitted. */
  secret?: string;
}

const NAME = "createWebhook";

/**
 * Adds a webhook endpoint to the caller's workspace: `POST /workspace/webhooks`
 * (201). The answer carries the signing `secret`; keep it to verify deliveries
 * (`verifyWebhookSignature`), or read it again with `revealWebhookSecret`. A URL
 * or an event type the API refuses is a 422 (`UnprocessableEntityError`).
 */
export const createWebhook = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: createWebhookResponseSchemas,
  plan: (args: CreateWebhookArgs) => ({
    method: "POST",
    path: "/workspace/webhooks",
    body: checkBodyArgs(NAME, args, {
      url: { ...URL_RULE, required: true },
      events: { ...EVENTS_RULE, required: true },
      name: NAME_RULE,
      secret: "nonEmptyString",
    }),
  }),
});

export const safeCreateWebhook = /* @__PURE__ */ safe(createWebhook);
