import { listWebhooksResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/**
 * The webhooks of the caller's workspace: `GET /workspace/webhooks`. Their
 * `secret` is not in the list; `revealWebhookSecret` reads it.
 */
export const listWebhooks = /* @__PURE__ */ defineVersionedAction({
  name: "listWebhooks",
  optionalArgs: true,
  noArgs: true,
  responses: listWebhooksResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("listWebhooks", given);
    return { method: "GET", path: "/workspace/webhooks" };
  },
});

export const safeListWebhooks = /* @__PURE__ */ safe(listWebhooks);
