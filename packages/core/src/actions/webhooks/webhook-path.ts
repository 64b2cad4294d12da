// What the webhook actions share: the path of one webhook and the rules of the
// fields a create or an update sends. Not an action: `index.ts` does not export it.
import { requireString } from "../../action";
import type { FieldRule } from "../../body-args";

/** The argument that names the webhook; it goes in the path, never in the body. */
export const WEBHOOK_ID_KEYS = ["webhookId"] as const;

/** `/workspace/webhooks/{webhook_id}` and what follows it. */
export function webhookPath(endpoint: string, args: unknown, rest = ""): string {
  const id = requireString(endpoint, args, "webhookId").trim();
  return `/workspace/webhooks/${encodeURIComponent(id)}${rest}`;
}

function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "expected an absolute URL";
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:"
    ? undefined
    : "expected an http or https URL";
}

/** The endpoint deliveries are POSTed to. */
export const URL_RULE: FieldRule = { kind: "nonEmptyString", refine: urlProblem };

/** The event types the webhook receives (`cvm.created`, `cvm.stopped`, ...). */
export const EVENTS_RULE: FieldRule = {
  kind: "stringList",
  refine: (events: string[]) =>
    events.some((event) => event.trim() === "")
      ? "expected event names, not blank strings"
      : undefined,
};

/** At most 100 characters (the reference's `maxLength`). */
export const NAME_RULE: FieldRule = {
  kind: "string",
  refine: (name: string) => (name.length > 100 ? "expected at most 100 characters" : undefined),
};
