/**
 * The webhooks of every workspace and their deliveries. A delivery is a real
 * HTTP POST to the webhook's URL, signed the way Phala Cloud signs (and the
 * SDK's `verifyWebhookSignature` checks): `X-Webhook-Signature` is `sha256=` and
 * the hex HMAC-SHA256, keyed with the secret, of `${X-Webhook-Timestamp}.${body}`.
 * Web Crypto and fetch only, so the mock stays runtime-neutral.
 */
import { deterministicHashid, deterministicHex } from "../../internal/deterministic-hex";
import type { MockState, MockWorkspace } from "../../model";
import { resourceState } from "../../model";

/** The event types Phala Cloud delivers (docs.phala.com, Webhooks reference). */
export const WEBHOOK_EVENTS = [
  "cvm.created",
  "cvm.started",
  "cvm.create_failed",
  "cvm.restarted",
  "cvm.updated",
  "cvm.stopped",
  "cvm.deleted",
  "cvm.update.pending_approval",
] as const;

/** What `POST .../test` sends: not a subscribable event, every webhook may be tested. */
export const TEST_EVENT = "webhook.test";

export interface MockWebhook {
  id: string;
  workspaceId: string;
  url: string;
  secret: string;
  events: string[];
  name: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The envelope POSTed to a webhook (the SDK's `WebhookEvent`). */
export interface WebhookEnvelope {
  id: string;
  event: string;
  version: string;
  created_at: string;
  workspace: { id: string; name: string };
  data: Record<string, unknown>;
}

export type DeliveryStatus = "success" | "failed";

export interface MockDelivery {
  snowflakeId: number;
  webhookId: string;
  /** The envelope's `id`, also sent as `X-Webhook-Id`. */
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  requestUrl: string;
  /** The receiver's status; 0 when none came (connection refused, timeout). */
  responseStatus: number;
  errorMessage: string;
  durationMs: number;
  createdAt: string;
  deliveredAt: string | null;
  /** The delivery this one resends; "" for a first delivery. */
  originalEventId: string;
  /** What was sent, kept so a resend sends the same event. */
  envelope: WebhookEnvelope;
}

export interface WebhookState {
  webhooks: Map<string, MockWebhook>;
  /** Oldest first. */
  deliveries: MockDelivery[];
  counter: number;
  /** Ms a receiver has to answer before the delivery fails (the API's 10 s). */
  timeoutMs: number;
  /** Deliveries under way that no request waits for (events of other routes). */
  inFlight: Set<Promise<unknown>>;
  /** CVMs whose `cvm.created` went out (a repeated commit answers the same CVM). */
  announced: Set<string>;
}

/** The webhook data of this server, created on first use. */
export function webhookState(state: MockState): WebhookState {
  return resourceState(state, "webhooks", () => ({
    webhooks: new Map(),
    deliveries: [],
    counter: 0,
    timeoutMs: 10_000,
    inFlight: new Set(),
    announced: new Set(),
  }));
}

/** Resolves once every delivery started in the background has been recorded. */
export async function webhookDeliveriesSettled(state: MockState): Promise<void> {
  const { inFlight } = webhookState(state);
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export function newWebhookId(store: WebhookState, workspaceId: string): string {
  store.counter += 1;
  return deterministicHashid("wh", `webhook:${workspaceId}:${store.counter}`);
}

/** A fresh signing secret: `whsec_` and 32 random bytes in hex. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${[...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export function newEventId(store: WebhookState, webhookId: string): string {
  store.counter += 1;
  return `evt_${deterministicHex(`event:${webhookId}:${store.counter}`, 16)}`;
}

/** The workspace as an event names it: its slug (its id when it has none) and name. */
export function workspaceRef(workspace: MockWorkspace): { id: string; name: string } {
  return { id: workspace.slug ?? workspace.id, name: workspace.name };
}

export function newEnvelope(
  store: WebhookState,
  webhook: MockWebhook,
  workspace: MockWorkspace,
  event: string,
  data: Record<string, unknown>,
  now: Date,
): WebhookEnvelope {
  return {
    id: newEventId(store, webhook.id),
    event,
    version: "1",
    created_at: now.toISOString(),
    workspace: workspaceRef(workspace),
    data,
  };
}

async function hmacHex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
  return [...mac].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The headers of a delivery of `body`, signed with `secret` at `timestamp` (Unix seconds). */
export async function signedHeaders(
  secret: string,
  envelope: WebhookEnvelope,
  body: string,
  timestamp: number,
): Promise<Record<string, string>> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "PhalaCloud-Webhook/1.0",
    "X-Webhook-Id": envelope.id,
    "X-Webhook-Event": envelope.event,
    "X-Webhook-Timestamp": String(timestamp),
    "X-Webhook-Signature": `sha256=${await hmacHex(secret, `${timestamp}.${body}`)}`,
  };
}

/**
 * POSTs `envelope` to the webhook once and records the delivery. A 2xx is a
 * success; any other status (redirects are not followed), a network error or no
 * answer within `timeoutMs` is a failure. The signature's timestamp is wall-clock
 * time, so a receiver checking it against its own clock accepts it whatever the
 * mock's `now`; the record's times are on the request clock.
 */
export async function deliver(
  store: WebhookState,
  webhook: MockWebhook,
  envelope: WebhookEnvelope,
  now: Date,
  originalEventId = "",
): Promise<MockDelivery> {
  const body = JSON.stringify(envelope);
  const headers = await signedHeaders(
    webhook.secret,
    envelope,
    body,
    Math.floor(Date.now() / 1000),
  );
  const started = Date.now();
  let responseStatus = 0;
  let errorMessage = "";
  try {
    const response = await fetch(webhook.url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(store.timeoutMs),
    });
    responseStatus = response.status;
    // Read to the end so the connection is released; the content does not matter.
    await response.arrayBuffer().catch(() => undefined);
    if (responseStatus < 200 || responseStatus > 299) errorMessage = `HTTP ${responseStatus}`;
  } catch (error) {
    const name = (error as Error)?.name;
    errorMessage =
      name === "TimeoutError" || name === "AbortError"
        ? `Timed out after ${store.timeoutMs} ms`
        : `Connection failed: ${(error as Error)?.message ?? String(error)}`;
  }
  const success = errorMessage === "";
  store.counter += 1;
  const delivery: MockDelivery = {
    // Millisecond time and a sequence number, well inside a JSON-safe integer.
    snowflakeId: now.getTime() * 1000 + (store.counter % 1000),
    webhookId: webhook.id,
    eventId: envelope.id,
    eventType: envelope.event,
    status: success ? "success" : "failed",
    attempts: 1,
    requestUrl: webhook.url,
    responseStatus,
    errorMessage,
    durationMs: Math.max(0, Date.now() - started),
    createdAt: now.toISOString(),
    deliveredAt: success ? now.toISOString() : null,
    originalEventId,
    envelope,
  };
  store.deliveries.push(delivery);
  return delivery;
}

/**
 * Sends an event of a workspace to each of its enabled webhooks that subscribe
 * to it, in the background (the request that caused it does not wait); see
 * `webhookDeliveriesSettled`.
 */
export function emitWebhookEvent(
  state: MockState,
  workspace: MockWorkspace,
  event: string,
  data: Record<string, unknown>,
  now: Date,
): void {
  const store = webhookState(state);
  for (const webhook of store.webhooks.values()) {
    if (webhook.workspaceId !== workspace.id || !webhook.enabled) continue;
    if (!webhook.events.includes(event)) continue;
    const envelope = newEnvelope(store, webhook, workspace, event, data, now);
    const sending = deliver(store, webhook, envelope, now).finally(() => {
      store.inFlight.delete(sending);
    });
    store.inFlight.add(sending);
  }
}
