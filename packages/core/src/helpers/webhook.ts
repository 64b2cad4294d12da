import type { StandardSchemaV1 } from "@standard-schema/spec";
import { PhalaCloudError, RequestValidationError } from "../errors";
import { hexToBytes } from "./hex";
import { webCrypto } from "./web-crypto";

export const WEBHOOK_TIMESTAMP_HEADER = "X-Webhook-Timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "X-Webhook-Signature";
/** Seconds a delivery's timestamp may differ from now, either way. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookVerificationFailure =
  /** `X-Webhook-Timestamp` or `X-Webhook-Signature` is absent or empty. */
  | "missing_header"
  /** The timestamp is not whole seconds since the epoch. */
  | "invalid_timestamp"
  /** The timestamp is further from now than the tolerance: a replay or a stale delivery. */
  | "timestamp_out_of_tolerance"
  /** The signature is not `sha256=<64 hex>` or does not match the body. */
  | "invalid_signature"
  /** Signed correctly, but the body is not a webhook event. */
  | "invalid_payload";

/** A webhook delivery that must not be trusted; `reason` says why. */
export class WebhookVerificationError extends PhalaCloudError {
  override name = "WebhookVerificationError";
  readonly reason: WebhookVerificationFailure;

  constructor(reason: WebhookVerificationFailure, message: string, cause?: unknown) {
    super(message, { endpoint: "verifyWebhookSignature", cause });
    this.reason = reason;
  }
}

/** Fetch `Headers`, or a plain record such as Node's `IncomingHttpHeaders` (any case). */
export type WebhookHeaders =
  | Headers
  | { readonly [name: string]: string | readonly string[] | undefined };

export interface VerifyWebhookSignatureParams {
  /** The raw request body, exactly as received: do not parse and re-serialise it. */
  payload: string | Uint8Array | ArrayBuffer;
  headers: WebhookHeaders;
  /** The endpoint's signing secret (`whsec_...`). */
  secret: string;
  /** Seconds the timestamp may differ from `now`. Default 300. */
  tolerance?: number;
  /** The current time, a `Date` or milliseconds since the epoch. Default `Date.now()`. */
  now?: Date | number;
}

/** The event envelope Phala Cloud posts to a webhook endpoint. */
export interface WebhookEvent<T = unknown> {
  /** Unique per event; use it to drop redeliveries. */
  id: string;
  /** The event type, e.g. `cvm.created`. */
  event: string;
  /** The envelope's format version. */
  version: string;
  /** ISO 8601. */
  created_at: string;
  workspace: { id: string; name: string };
  data: T;
}

export interface ParseWebhookEventParams<S extends StandardSchemaV1 | undefined = undefined>
  extends VerifyWebhookSignatureParams {
  /** Validates (and types) the event's `data`, with any Standard Schema. */
  dataSchema?: S;
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first = typeof value === "string" ? value : value?.[0];
    if (first !== undefined) return first;
  }
  return undefined;
}

function toBytes(payload: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof payload === "string") return new TextEncoder().encode(payload);
  return payload instanceof Uint8Array ? payload : new Uint8Array(payload);
}

function checkParams(params: VerifyWebhookSignatureParams): void {
  const bad = (path: string, message: string): never => {
    throw new RequestValidationError({
      endpoint: "verifyWebhookSignature",
      issues: [{ path, message }],
    });
  };
  if (typeof params.secret !== "string" || params.secret === "") {
    bad("secret", "expected the non-empty signing secret");
  }
  const { payload } = params;
  if (
    typeof payload !== "string" &&
    !(payload instanceof Uint8Array) &&
    !(payload instanceof ArrayBuffer)
  ) {
    bad("payload", "expected the raw body as a string, Uint8Array or ArrayBuffer");
  }
  if (typeof params.headers !== "object" || params.headers === null) {
    bad("headers", "expected the request's headers");
  }
  const { tolerance } = params;
  if (tolerance !== undefined && !(Number.isFinite(tolerance) && tolerance >= 0)) {
    bad("tolerance", "expected a number of seconds >= 0");
  }
}

/** Compares every byte whatever the first difference, so timing tells nothing about the expected MAC. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

/**
 * Checks that a webhook delivery comes from Phala Cloud: `X-Webhook-Signature`
 * must be `sha256=` + the hex HMAC-SHA256, keyed with the UTF-8 secret, of
 * `${X-Webhook-Timestamp}.${raw body}`, and the timestamp (Unix seconds) must
 * be within `tolerance` seconds of now (both ways), which bounds replays.
 * Resolves when the delivery is authentic; otherwise rejects with
 * `WebhookVerificationError` whose `reason` says why. Web Crypto only, so it
 * runs on edge runtimes; async for that reason, unlike `@phala/cloud`'s
 * boolean-returning version.
 */
export async function verifyWebhookSignature(params: VerifyWebhookSignatureParams): Promise<void> {
  checkParams(params);
  const timestamp = readHeader(params.headers, WEBHOOK_TIMESTAMP_HEADER);
  const signature = readHeader(params.headers, WEBHOOK_SIGNATURE_HEADER);
  if (!timestamp || !signature) {
    throw new WebhookVerificationError(
      "missing_header",
      `Webhook delivery lacks ${!timestamp ? WEBHOOK_TIMESTAMP_HEADER : WEBHOOK_SIGNATURE_HEADER}`,
    );
  }
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      "invalid_timestamp",
      `${WEBHOOK_TIMESTAMP_HEADER} is not Unix seconds`,
    );
  }
  const nowMs = params.now === undefined ? Date.now() : Number(params.now);
  const tolerance = params.tolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (!(skew <= tolerance)) {
    throw new WebhookVerificationError(
      "timestamp_out_of_tolerance",
      `Webhook timestamp is ${Math.round(skew)} s from now; at most ${tolerance} s is accepted`,
    );
  }
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signature.trim());
  const given = match?.[1] ? hexToBytes(match[1]) : undefined;
  if (!given) {
    throw new WebhookVerificationError(
      "invalid_signature",
      `${WEBHOOK_SIGNATURE_HEADER} is not sha256=<64 hex digits>`,
    );
  }

  const { subtle } = webCrypto("verifyWebhookSignature");
  const encoder = new TextEncoder();
  const key = await subtle.importKey(
    "raw",
    encoder.encode(params.secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const prefix = encoder.encode(`${timestamp}.`);
  const body = toBytes(params.payload);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix, 0);
  signed.set(body, prefix.length);
  const expected = new Uint8Array(await subtle.sign("HMAC", key, signed));
  if (!constantTimeEqual(expected, given)) {
    throw new WebhookVerificationError(
      "invalid_signature",
      "Webhook signature does not match the body: wrong secret or altered delivery",
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function envelopeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return "the body is not a JSON object";
  for (const field of ["id", "event", "created_at"] as const) {
    if (typeof value[field] !== "string") return `${field}: expected a string`;
  }
  if (value.version !== undefined && typeof value.version !== "string") {
    return "version: expected a string";
  }
  const { workspace } = value;
  if (!isRecord(workspace) || typeof workspace.id !== "string") {
    return "workspace: expected { id, name }";
  }
  if (typeof workspace.name !== "string") return "workspace.name: expected a string";
  if (!("data" in value)) return "data: missing";
  return undefined;
}

type EventData<S> = S extends StandardSchemaV1<any, infer Out> ? Out : unknown;

/**
 * Verifies a delivery (see `verifyWebhookSignature`), then parses its body as
 * a `WebhookEvent`: the envelope is checked field by field, and `data` with
 * `dataSchema` when given. A body that is not an event rejects with
 * `WebhookVerificationError` (`reason: "invalid_payload"`).
 */
export async function parseWebhookEvent<S extends StandardSchemaV1 | undefined = undefined>(
  params: ParseWebhookEventParams<S>,
): Promise<WebhookEvent<EventData<S>>> {
  await verifyWebhookSignature(params);
  const text =
    typeof params.payload === "string"
      ? params.payload
      : new TextDecoder().decode(toBytes(params.payload));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WebhookVerificationError("invalid_payload", "Webhook body is not JSON", error);
  }
  const problem = envelopeProblem(parsed);
  if (problem) {
    throw new WebhookVerificationError(
      "invalid_payload",
      `Webhook body is not an event: ${problem}`,
    );
  }
  const raw = parsed as Record<string, unknown> & { workspace: { id: string; name: string } };
  let data: unknown = raw.data;
  if (params.dataSchema) {
    let result = params.dataSchema["~standard"].validate(data);
    if (result instanceof Promise) result = await result;
    if (result.issues) {
      const first = result.issues[0];
      const at = first?.path?.length
        ? `data.${first.path.map((p) => String(typeof p === "object" ? p.key : p)).join(".")}`
        : "data";
      throw new WebhookVerificationError(
        "invalid_payload",
        `Webhook event data does not match its schema: ${at}: ${first?.message ?? "invalid"}`,
      );
    }
    data = result.value;
  }
  return {
    id: raw.id as string,
    event: raw.event as string,
    // Deliveries that predate the field are version 1.
    version: (raw.version as string | undefined) ?? "1",
    created_at: raw.created_at as string,
    workspace: { id: raw.workspace.id, name: raw.workspace.name },
    data: data as EventData<S>,
  };
}
