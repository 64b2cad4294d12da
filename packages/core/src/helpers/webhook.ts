import type { StandardSchemaV1 } from "@standard-schema/spec";
import { isRecord, PhalaCloudError, RequestValidationError } from "../errors";
import { hexToBytes } from "./hex";
import { hmacSha256 } from "./hmac-sha256";
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

/** A raw request body, exactly as received: do not parse and re-serialise it. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/** One header's value as Node gives it (`req.headers["x-webhook-timestamp"]`): a list counts by its first value. */
export type WebhookHeaderValue = string | readonly string[] | undefined;

export interface VerifyWebhookSignatureParams {
  /** The raw request body, exactly as received: do not parse and re-serialise it. */
  payload: WebhookBody;
  headers: WebhookHeaders;
  /** The endpoint's signing secret (`whsec_...`). */
  secret: string;
  /** Seconds the timestamp may differ from `now`. Default 300. */
  tolerance?: number;
  /** The current time, a `Date` or milliseconds since the epoch. Default `Date.now()`. */
  now?: Date | number;
  /** `body` belongs to the synchronous form (`VerifyWebhookSignatureSyncParams`). */
  body?: never;
}

/**
 * The synchronous form of `verifyWebhookSignature`, as the official
 * `@phala/cloud/webhook` documents it: the two header values and the raw body;
 * answers `true` or `false`.
 */
export interface VerifyWebhookSignatureSyncParams {
  /** The endpoint's signing secret (`whsec_...`). */
  secret: string;
  /** `X-Webhook-Timestamp`'s value; absent means not authentic. */
  timestamp: WebhookHeaderValue;
  /** The raw request body, exactly as received. */
  body: WebhookBody;
  /** `X-Webhook-Signature`'s value, `sha256=<hex>`; absent means not authentic. */
  signature: WebhookHeaderValue;
  /** Seconds the timestamp may differ from `now`. Default 300. */
  toleranceSeconds?: number;
  /** The current time, a `Date` or milliseconds since the epoch. Default `Date.now()`. */
  now?: Date | number;
  /** `payload` belongs to the promise form (`VerifyWebhookSignatureParams`). */
  payload?: never;
}

/**
 * The synchronous form of `parseWebhookEvent`, as the official
 * `@phala/cloud/webhook` documents it: returns the event or throws
 * `WebhookVerificationError`.
 */
export interface ParseWebhookEventSyncParams {
  headers: WebhookHeaders;
  /** The raw request body, exactly as received. */
  body: WebhookBody;
  /** The endpoint's signing secret (`whsec_...`). */
  secret: string;
  /** Seconds the timestamp may differ from `now`. Default 300. */
  toleranceSeconds?: number;
  /** The current time, a `Date` or milliseconds since the epoch. Default `Date.now()`. */
  now?: Date | number;
  /** `payload` belongs to the promise form (`ParseWebhookEventParams`). */
  payload?: never;
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

function firstValue(value: WebhookHeaderValue): string | undefined {
  return typeof value === "string" ? value : Array.isArray(value) ? value[0] : undefined;
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first = firstValue(value);
    if (first !== undefined) return first;
  }
  return undefined;
}

function toBytes(payload: WebhookBody): Uint8Array {
  if (typeof payload === "string") return new TextEncoder().encode(payload);
  return payload instanceof Uint8Array ? payload : new Uint8Array(payload);
}

/** The arguments of either form, by the names the caller used. */
interface Delivery {
  endpoint: "verifyWebhookSignature" | "parseWebhookEvent";
  secret: unknown;
  body: [name: "payload" | "body", value: unknown];
  tolerance: [name: "tolerance" | "toleranceSeconds", value: unknown];
  headers?: unknown;
}

function checkDelivery(delivery: Delivery): void {
  const bad = (path: string, message: string): never => {
    throw new RequestValidationError({
      endpoint: delivery.endpoint,
      issues: [{ path, message }],
    });
  };
  if (typeof delivery.secret !== "string" || delivery.secret === "") {
    bad("secret", "expected the non-empty signing secret");
  }
  const [bodyName, body] = delivery.body;
  if (typeof body !== "string" && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) {
    bad(bodyName, "expected the raw body as a string, Uint8Array or ArrayBuffer");
  }
  if (
    "headers" in delivery &&
    (typeof delivery.headers !== "object" || delivery.headers === null)
  ) {
    bad("headers", "expected the request's headers");
  }
  const [toleranceName, tolerance] = delivery.tolerance;
  if (
    tolerance !== undefined &&
    !(typeof tolerance === "number" && Number.isFinite(tolerance) && tolerance >= 0)
  ) {
    bad(toleranceName, "expected a number of seconds >= 0");
  }
}

/** Compares every byte whatever the first difference, so timing tells nothing about the expected MAC. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

/** What the MAC covers, once the headers are read. */
interface SignedDelivery {
  /** The MAC from `X-Webhook-Signature`. */
  given: Uint8Array;
  /** `${timestamp}.` followed by the raw body. */
  signed: Uint8Array<ArrayBuffer>;
}

/** Every check but the MAC itself: headers present, timestamp fresh, signature well formed. */
function readDelivery(
  timestamp: string | undefined,
  signature: string | undefined,
  body: WebhookBody,
  tolerance: number | undefined,
  now: Date | number | undefined,
): SignedDelivery {
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
  const nowMs = now === undefined ? Date.now() : Number(now);
  const limit = tolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (!(skew <= limit)) {
    throw new WebhookVerificationError(
      "timestamp_out_of_tolerance",
      `Webhook timestamp is ${Math.round(skew)} s from now; at most ${limit} s is accepted`,
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
  const prefix = new TextEncoder().encode(`${timestamp}.`);
  const bytes = toBytes(body);
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix, 0);
  signed.set(bytes, prefix.length);
  return { given, signed };
}

function checkMac(expected: Uint8Array, given: Uint8Array): void {
  if (!constantTimeEqual(expected, given)) {
    throw new WebhookVerificationError(
      "invalid_signature",
      "Webhook signature does not match the body: wrong secret or altered delivery",
    );
  }
}

/** The synchronous check: the MAC in plain JS (Web Crypto has no synchronous HMAC). */
function checkMacSync(delivery: SignedDelivery, secret: string): void {
  checkMac(hmacSha256(new TextEncoder().encode(secret), delivery.signed), delivery.given);
}

async function verifyAsync(params: VerifyWebhookSignatureParams): Promise<void> {
  checkDelivery({
    endpoint: "verifyWebhookSignature",
    secret: params.secret,
    body: ["payload", params.payload],
    tolerance: ["tolerance", params.tolerance],
    headers: params.headers,
  });
  const delivery = readDelivery(
    readHeader(params.headers, WEBHOOK_TIMESTAMP_HEADER),
    readHeader(params.headers, WEBHOOK_SIGNATURE_HEADER),
    params.payload,
    params.tolerance,
    params.now,
  );
  const { subtle } = webCrypto("verifyWebhookSignature");
  const key = await subtle.importKey(
    "raw",
    new TextEncoder().encode(params.secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  checkMac(new Uint8Array(await subtle.sign("HMAC", key, delivery.signed)), delivery.given);
}

/** Which form a call used: the synchronous one names `body` (and, to verify, the header values). */
function isSyncForm(
  params: unknown,
  endpoint: Delivery["endpoint"],
  syncKeys: readonly string[],
): boolean {
  if (typeof params !== "object" || params === null) return false;
  const sync = syncKeys.some((key) => key in params);
  if (sync && "payload" in params) {
    throw new RequestValidationError({
      endpoint,
      issues: [
        {
          path: "payload",
          message:
            "pass the raw body as `body` (synchronous form) or as `payload` (promise form), not both",
        },
      ],
    });
  }
  return sync;
}

/**
 * Checks that a webhook delivery comes from Phala Cloud: `X-Webhook-Signature`
 * must be `sha256=` + the hex HMAC-SHA256, keyed with the UTF-8 secret, of
 * `${X-Webhook-Timestamp}.${raw body}`, and the timestamp (Unix seconds) must
 * be within `tolerance` seconds of now (both ways), which bounds replays. The
 * MAC is compared in constant time.
 *
 * Two forms, told apart by their arguments:
 * - `{ payload, headers, secret, tolerance?, now? }` returns a promise that
 *   resolves when the delivery is authentic and otherwise rejects with
 *   `WebhookVerificationError`, whose `reason` says why (Web Crypto: Node,
 *   Workers, Deno, browsers).
 * - `{ secret, timestamp, body, signature, toleranceSeconds?, now? }`, the
 *   official SDK's documented form, answers `true` or `false` synchronously
 *   (HMAC in plain JS). `timestamp` and `signature` take Node's header values
 *   as they are.
 *
 * Wrong arguments (no secret, a body that is not a string or bytes) throw
 * `RequestValidationError` in either form.
 */
export function verifyWebhookSignature(params: VerifyWebhookSignatureSyncParams): boolean;
export function verifyWebhookSignature(params: VerifyWebhookSignatureParams): Promise<void>;
export function verifyWebhookSignature(
  params: VerifyWebhookSignatureParams | VerifyWebhookSignatureSyncParams,
): Promise<void> | boolean {
  if (!isSyncForm(params, "verifyWebhookSignature", ["body", "timestamp", "signature"])) {
    return verifyAsync(params as VerifyWebhookSignatureParams);
  }
  const sync = params as VerifyWebhookSignatureSyncParams;
  checkDelivery({
    endpoint: "verifyWebhookSignature",
    secret: sync.secret,
    body: ["body", sync.body],
    tolerance: ["toleranceSeconds", sync.toleranceSeconds],
  });
  try {
    const delivery = readDelivery(
      firstValue(sync.timestamp),
      firstValue(sync.signature),
      sync.body,
      sync.toleranceSeconds,
      sync.now,
    );
    checkMacSync(delivery, sync.secret);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
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

/** The body as a `WebhookEvent`, `data` as sent; `invalid_payload` when it is not one. */
function readEvent(body: WebhookBody): WebhookEvent<unknown> {
  const text = typeof body === "string" ? body : new TextDecoder().decode(toBytes(body));
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
  return {
    id: raw.id as string,
    event: raw.event as string,
    // Deliveries that predate the field are version 1.
    version: (raw.version as string | undefined) ?? "1",
    created_at: raw.created_at as string,
    workspace: { id: raw.workspace.id, name: raw.workspace.name },
    data: raw.data,
  };
}

async function parseAsync<S extends StandardSchemaV1 | undefined>(
  params: ParseWebhookEventParams<S>,
): Promise<WebhookEvent<EventData<S>>> {
  await verifyAsync(params);
  const event = readEvent(params.payload);
  if (params.dataSchema) {
    let result = params.dataSchema["~standard"].validate(event.data);
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
    event.data = result.value;
  }
  return event as WebhookEvent<EventData<S>>;
}

/**
 * Verifies a delivery (see `verifyWebhookSignature`), then parses its body as
 * a `WebhookEvent`: the envelope is checked field by field. A body that is not
 * an event fails with `WebhookVerificationError` (`reason: "invalid_payload"`).
 *
 * Two forms, told apart by their arguments:
 * - `{ payload, headers, secret, tolerance?, now?, dataSchema? }` returns a
 *   promise; `dataSchema` (any Standard Schema) validates and types `data`.
 * - `{ headers, body, secret, toleranceSeconds?, now? }`, the official SDK's
 *   documented form, returns the event synchronously (`data` typed by `T`,
 *   not validated) or throws.
 */
export function parseWebhookEvent<T = unknown>(
  params: ParseWebhookEventSyncParams,
): WebhookEvent<T>;
export function parseWebhookEvent<S extends StandardSchemaV1 | undefined = undefined>(
  params: ParseWebhookEventParams<S>,
): Promise<WebhookEvent<EventData<S>>>;
export function parseWebhookEvent(
  params: ParseWebhookEventParams<StandardSchemaV1 | undefined> | ParseWebhookEventSyncParams,
): Promise<WebhookEvent<unknown>> | WebhookEvent<unknown> {
  if (!isSyncForm(params, "parseWebhookEvent", ["body"])) {
    return parseAsync(params as ParseWebhookEventParams<StandardSchemaV1 | undefined>);
  }
  const sync = params as ParseWebhookEventSyncParams;
  checkDelivery({
    endpoint: "parseWebhookEvent",
    secret: sync.secret,
    body: ["body", sync.body],
    tolerance: ["toleranceSeconds", sync.toleranceSeconds],
    headers: sync.headers,
  });
  const delivery = readDelivery(
    readHeader(sync.headers, WEBHOOK_TIMESTAMP_HEADER),
    readHeader(sync.headers, WEBHOOK_SIGNATURE_HEADER),
    sync.body,
    sync.toleranceSeconds,
    sync.now,
  );
  checkMacSync(delivery, sync.secret);
  return readEvent(sync.body);
}
