import type { Context } from "hono";
import { readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import {
  type MockApiError,
  phalaError,
  type ValidationIssue,
  validationError,
} from "../../internal/errors";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { type MockWebhook, WEBHOOK_EVENTS, webhookState } from "./store";

export function webhookNotFound(id: string): MockApiError {
  return phalaError(404, {
    message: "Webhook not found",
    details: [{ field: "webhook_id", value: id, message: null }],
    suggestions: ["List the webhooks of your workspace with GET /workspace/webhooks"],
  });
}

/** The webhook of the path, when it belongs to the caller's workspace (another's is as absent). */
export function webhookOf(c: Context<MockEnv>): MockWebhook {
  const { state, caller } = c.get("render");
  const id = c.req.param("webhook_id") ?? "";
  const webhook = webhookState(state).webhooks.get(id);
  if (!webhook || webhook.workspaceId !== caller.workspace.id) throw webhookNotFound(id);
  return webhook;
}

/**
 * A webhook as the API shows it. The secret is in the answer of the create
 * alone (`withSecret`); the reads leave it null, `reveal-secret` gives it.
 */
export function renderWebhook(
  webhook: MockWebhook,
  withSecret = false,
): WireBody<"getWebhook", RenderVersion> {
  return {
    id: webhook.id,
    url: webhook.url,
    secret: withSecret ? webhook.secret : null,
    events: [...webhook.events],
    name: webhook.name,
    enabled: webhook.enabled,
    created_at: webhook.createdAt,
    updated_at: webhook.updatedAt,
  };
}

const NAME_MAX = 100;
const KNOWN_EVENTS = new Set<string>(WEBHOOK_EVENTS);

/** What a create or an update may set, read the way FastAPI (pydantic) reads it. */
export interface WebhookFields {
  url?: string;
  events?: string[];
  name?: string;
  secret?: string;
  enabled?: boolean;
}

type FieldName = keyof WebhookFields;

/**
 * Reads a create (`required`: url and events) or an update body: every problem
 * in one 422, each at `["body", field]`. `null` is an absent field (the
 * request models default them to None). An unknown event type, a URL that is
 * not http(s) and a name over 100 characters are refused.
 */
export async function readWebhookFields(
  c: Context<MockEnv>,
  allowed: readonly FieldName[],
  required: readonly FieldName[],
): Promise<WebhookFields> {
  const body = await readJsonObject(c.req, "missing");
  const issues: ValidationIssue[] = [];
  const fields: WebhookFields = {};
  const issue = (field: string, type: string, msg: string, ctx?: Record<string, unknown>) =>
    issues.push({ type, loc: ["body", field], msg, input: body[field], ...(ctx ? { ctx } : {}) });
  for (const field of allowed) {
    const value = body[field];
    if (value === undefined || value === null) {
      if (required.includes(field)) {
        issues.push({ type: "missing", loc: ["body", field], msg: "Field required", input: body });
      }
      continue;
    }
    switch (field) {
      case "enabled":
        if (typeof value !== "boolean")
          issue(field, "bool_type", "Input should be a valid boolean");
        else fields.enabled = value;
        break;
      case "events":
        if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
          issue(field, "list_type", "Input should be a valid list of strings");
        } else {
          const unknown = value.filter((event) => !KNOWN_EVENTS.has(event));
          if (unknown.length > 0) {
            issue(
              field,
              "value_error",
              `Value error, unknown event type(s): ${unknown.join(", ")}; supported: ${WEBHOOK_EVENTS.join(", ")}`,
            );
          } else fields.events = [...new Set(value)];
        }
        break;
      default: {
        if (typeof value !== "string") {
          issue(field, "string_type", "Input should be a valid string");
        } else if (field === "name" && value.length > NAME_MAX) {
          issue(field, "string_too_long", `String should have at most ${NAME_MAX} characters`, {
            max_length: NAME_MAX,
          });
        } else if (field === "url" && !isHttpUrl(value)) {
          issue(field, "value_error", "Value error, the URL must be an absolute http or https URL");
        } else if (field === "secret" && value.trim() === "") {
          issue(field, "string_too_short", "String should have at least 1 character", {
            min_length: 1,
          });
        } else {
          fields[field] = value;
        }
      }
    }
  }
  if (issues.length > 0) throw validationError(issues);
  return fields;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
