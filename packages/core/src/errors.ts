import { retryAfterMs } from "./retry-after";

/**
 * One base class, one subclass per cause. Every error says what was called
 * (method, path, endpoint) and with which API version. Names are string
 * literals, not `constructor.name`, so they survive minification.
 */

export interface ErrorContext {
  /** HTTP method of the call, e.g. `GET`. */
  method?: string;
  /** Path relative to the base URL, e.g. `/cvms/abc`. */
  path?: string;
  /** The `X-Phala-Version` value sent. */
  apiVersion?: string;
  /** The SDK action, e.g. `getCvmInfo`. */
  endpoint?: string;
}

interface PhalaCloudErrorOptions extends ErrorContext {
  status?: number;
  /** The response's status text, as the runtime gave it. */
  statusText?: string | undefined;
  body?: unknown;
  cause?: unknown;
  /** The server's `x-request-id`, when there was a response. */
  requestId?: string | undefined;
  /** The first characters of the response body, the API key redacted. */
  bodyExcerpt?: string | undefined;
  errorCode?: string | undefined;
}

/** What `JSON.stringify(error)` gives: what was called and what came back, never headers. */
export interface PhalaCloudErrorJSON {
  name: string;
  message: string;
  status: number | undefined;
  statusText: string | undefined;
  method: string | undefined;
  path: string | undefined;
  apiVersion: string | undefined;
  endpoint: string | undefined;
  requestId: string | undefined;
  errorCode: string | undefined;
  bodyExcerpt: string | undefined;
}

function describeCall(ctx: ErrorContext): string {
  const parts: string[] = [];
  if (ctx.method && ctx.path) parts.push(`${ctx.method} ${ctx.path}`);
  else if (ctx.endpoint) parts.push(ctx.endpoint);
  if (ctx.apiVersion) parts.push(`API version ${ctx.apiVersion}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** What an error copies from its options, in this order; `toJSON` shows all but `body`. */
const ERROR_FIELDS = [
  "status",
  "statusText",
  "body",
  "method",
  "path",
  "apiVersion",
  "endpoint",
  "requestId",
  "errorCode",
  "bodyExcerpt",
] as const;

export class PhalaCloudError extends Error {
  override name = "PhalaCloudError";
  // Declared, not initialised: the constructor sets each one from ERROR_FIELDS.
  /** HTTP status, when the server answered. */
  declare readonly status: number | undefined;
  /**
   * The response's status text as the runtime gave it (`Not Found`), when the
   * server answered; empty over HTTP/2, which has none.
   */
  declare readonly statusText: string | undefined;
  /** The parsed response body (JSON when it was JSON, else text), when there was one. */
  declare readonly body: unknown;
  declare readonly method: string | undefined;
  declare readonly path: string | undefined;
  declare readonly apiVersion: string | undefined;
  declare readonly endpoint: string | undefined;
  /** The server's `x-request-id`, to quote to support, when the server answered. */
  declare readonly requestId: string | undefined;
  /** The API's `error_code`, e.g. `ERR-03-001`, when it sent one. */
  declare readonly errorCode: string | undefined;
  /**
   * At most 512 characters of the response body as received (HTML error page,
   * truncated JSON...), with the API key redacted, when there was a body.
   */
  declare readonly bodyExcerpt: string | undefined;

  constructor(message: string, options: PhalaCloudErrorOptions = {}) {
    super(
      message + describeCall(options),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    for (const key of ERROR_FIELDS) (this as Record<string, unknown>)[key] = options[key];
  }

  toJSON(): PhalaCloudErrorJSON {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of ERROR_FIELDS) if (key !== "body") json[key] = this[key];
    return json as unknown as PhalaCloudErrorJSON;
  }
}

/** One entry of a structured error's `details`. */
export interface ApiErrorDetailItem {
  field?: string | null;
  value?: unknown;
  message?: string | null;
}

export interface ApiErrorLink {
  url: string;
  label?: string;
}

/** The API's structured error (`detail` object, or the whole body on some routes). */
export interface ApiStructuredError {
  error_code?: string;
  message?: string;
  details?: ApiErrorDetailItem[];
  suggestions?: string[];
  links?: ApiErrorLink[];
  request_id?: string;
}

/** One FastAPI validation item of a 422 body, made readable. */
export interface FieldValidationError {
  /** Dotted path without the `body`/`query`/`path` prefix, e.g. `resources.memory`. */
  field: string;
  message: string;
  /** FastAPI's error type, e.g. `greater_than_equal`. */
  type: string;
  /** Where the field was: `body`, `query`, `path` or `header`, when the API said. */
  location?: string;
  input?: unknown;
}

interface APIErrorOptions extends ErrorContext {
  status: number;
  statusText?: string | undefined;
  body: unknown;
  headers?: Headers;
  bodyExcerpt?: string | undefined;
}

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function structuredFrom(body: unknown): ApiStructuredError | undefined {
  if (!isRecord(body)) return undefined;
  const candidate = isRecord(body.detail) ? body.detail : body;
  if (typeof candidate.error_code === "string" || typeof candidate.message === "string") {
    return candidate as ApiStructuredError;
  }
  return undefined;
}

const LOCATIONS = new Set(["body", "query", "path", "header", "cookie"]);

function fieldErrorsFrom(body: unknown): FieldValidationError[] {
  if (!isRecord(body) || !Array.isArray(body.detail)) return [];
  return body.detail.filter(isRecord).map((item) => {
    const loc = Array.isArray(item.loc) ? item.loc.map(String) : [];
    const location = loc[0] !== undefined && LOCATIONS.has(loc[0]) ? loc[0] : undefined;
    const field = (location ? loc.slice(1) : loc).join(".");
    const error: FieldValidationError = {
      field,
      message: typeof item.msg === "string" ? item.msg : "Invalid value",
      type: typeof item.type === "string" ? item.type : "value_error",
    };
    if (location) error.location = location;
    if ("input" in item) error.input = item.input;
    return error;
  });
}

function messageFrom(
  status: number,
  body: unknown,
  structured: ApiStructuredError | undefined,
): string {
  if (structured?.message) {
    return structured.error_code
      ? `${status} ${structured.error_code}: ${structured.message}`
      : `${status} ${structured.message}`;
  }
  const fieldErrors = fieldErrorsFrom(body);
  if (fieldErrors.length > 0) {
    const list = fieldErrors.map((e) => `${e.field || "(request)"}: ${e.message}`).join("; ");
    return `${status} Validation failed: ${list}`;
  }
  if (isRecord(body) && typeof body.detail === "string") return `${status} ${body.detail}`;
  return `${status} status code`;
}

/** The server answered with an error status. */
export class APIError extends PhalaCloudError {
  override name = "APIError";
  declare readonly status: number;
  /** The structured error as sent: code, message, details, suggestions, links. */
  declare readonly detail: ApiStructuredError | undefined;
  declare readonly suggestions: string[];
  declare readonly links: ApiErrorLink[];
  /** The response headers (never the request's: those carry the key). */
  declare readonly headers: Headers | undefined;

  /** The structured error's `details` (field and value of each), as the docs name them. */
  get structuredDetails(): ApiErrorDetailItem[] {
    const details = this.detail?.details;
    return Array.isArray(details) ? details : [];
  }

  constructor(options: APIErrorOptions, message?: string) {
    const structured = structuredFrom(options.body);
    super(message ?? messageFrom(options.status, options.body, structured), {
      ...options,
      errorCode: typeof structured?.error_code === "string" ? structured.error_code : undefined,
      requestId:
        options.headers?.get("x-request-id") ??
        (typeof structured?.request_id === "string" ? structured.request_id : undefined),
    });
    this.detail = structured;
    this.suggestions = Array.isArray(structured?.suggestions) ? structured.suggestions : [];
    this.links = Array.isArray(structured?.links) ? structured.links : [];
    this.headers = options.headers;
  }
}

export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
// What a 409 says when the CVM is busy with another operation. The API sends no
// `error_code` for it (a coded 409 is a business conflict: a duplicate name, a
// CVM already stopped); its wording is not fixed, so the common phrasings are read.
const IN_PROGRESS =
  /in[\s_-]?progress|another operation|operation (?:is )?(?:already )?(?:running|pending|ongoing)|busy/i;

function conflictText(body: unknown): string {
  if (typeof body === "string") return body;
  if (!isRecord(body)) return "";
  const parts: unknown[] = [body.message, body.error];
  if (typeof body.detail === "string") parts.push(body.detail);
  else if (isRecord(body.detail)) parts.push(body.detail.message, body.detail.error);
  return parts.filter((part): part is string => typeof part === "string").join(" ");
}

/** 409: the request conflicts with the resource's state. */
export class ConflictError extends APIError {
  override name = "ConflictError";
  /**
   * True when the 409 carries no `error_code` and says another operation of the
   * resource is in progress: the server did nothing, and the same call can
   * succeed once that operation ends (the SDK retries it, within the call's
   * retry budget, for every method). A 409 with an `error_code` is final.
   */
  declare readonly operationInProgress: boolean;

  constructor(options: APIErrorOptions) {
    super(options);
    this.operationInProgress =
      this.errorCode === undefined && IN_PROGRESS.test(conflictText(options.body));
  }
}

/** 422: the API refused the request's fields; `validationErrors` lists each one. */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
  declare readonly validationErrors: FieldValidationError[];

  constructor(options: APIErrorOptions) {
    super(options);
    this.validationErrors = fieldErrorsFrom(options.body);
  }
}

/** Seconds asked by `Retry-After` (the retry loop's own reader), when it says. */
function parseRetryAfter(headers: Headers | undefined): number | undefined {
  const ms = retryAfterMs(headers);
  return ms && ms / 1000; // 0 stays 0, absent stays undefined
}

/**
 * 428: the account must confirm the operation with a second factor (step-up
 * authentication) before the API performs it. An API key alone cannot: the
 * step-up is done in the Phala Cloud dashboard, then the call is repeated.
 */
export class StepUpRequiredError extends APIError {
  override name = "StepUpRequiredError";
}

export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  declare readonly retryAfter: number | undefined;

  /** `message`: what the limit is, when the SDK knows better than the status (the watch's stream limit). */
  constructor(options: APIErrorOptions, message?: string) {
    super(options, message);
    this.retryAfter = parseRetryAfter(options.headers);
  }
}

// 466-468: the second call of an on-chain KMS update (after the 465 answer) carried
// a compose hash or a transaction the API would not accept. Calling again with the
// same proof gets the same answer; the `errorCode` and `detail` say which field.

/**
 * 466 (`ERR-01-006`): the compose hash sent is not the one the update is waiting
 * for, or its pending update expired. Repeat the update without hashes to get the
 * current compose hash (a new 465).
 */
export class ComposeHashInvalidError extends APIError {
  override name = "ComposeHashInvalidError";
}

/**
 * 467 (`ERR-01-007`): the transaction sent could not be verified on-chain as the
 * one that registered the compose hash (unknown, failed, wrong contract or not
 * yet confirmed).
 */
export class TransactionVerificationError extends APIError {
  override name = "TransactionVerificationError";
}

/**
 * 468 (`ERR-01-008`): the app contract does not allow the compose hash (or the
 * device): register it with the contract, then repeat the call.
 */
export class ComposeHashNotAllowedError extends APIError {
  override name = "ComposeHashNotAllowedError";
}

export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/**
 * 503: the service, or the node a CVM runs on, cannot take the call now (under
 * maintenance, overloaded). Still an `InternalServerError` (5xx); `retryAfter`
 * is the wait the server asked for, when it said.
 */
export class ServiceUnavailableError extends InternalServerError {
  override name = "ServiceUnavailableError";
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  declare readonly retryAfter: number | undefined;

  constructor(options: APIErrorOptions) {
    super(options);
    this.retryAfter = parseRetryAfter(options.headers);
  }
}

/** The subclass of each HTTP error status that has its own; other 5xx are `InternalServerError`. */
const ERROR_BY_STATUS: Record<number, new (options: APIErrorOptions) => APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  428: StepUpRequiredError,
  429: RateLimitError,
  466: ComposeHashInvalidError,
  467: TransactionVerificationError,
  468: ComposeHashNotAllowedError,
  503: ServiceUnavailableError,
};

/** The right subclass for an HTTP error status. */
export function createAPIError(options: APIErrorOptions): APIError {
  const { status } = options;
  const ErrorClass = ERROR_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(options);
}

/** No usable answer: DNS, refused or reset connection, a redirect the SDK will not follow. */
export class APIConnectionError extends PhalaCloudError {
  override name = "APIConnectionError";
}

export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
  /** The timeout that elapsed, in milliseconds. */
  declare readonly timeout: number | undefined;

  constructor(message: string, options: PhalaCloudErrorOptions & { timeout?: number } = {}) {
    super(message, options);
    this.timeout = options.timeout;
  }
}

/** The caller's `AbortSignal` ended the call. */
export class APIUserAbortError extends PhalaCloudError {
  override name = "APIUserAbortError";
}

export interface ValidationIssue {
  /** Dotted path into the body, e.g. `items.0.resource.vcpu`; empty for the root. */
  path: string;
  message: string;
}

/** The server answered 2xx, but the body is not the shape of the version that was asked for. */
export class ResponseValidationError extends PhalaCloudError {
  override name = "ResponseValidationError";
  declare readonly issues: ValidationIssue[];

  constructor(options: PhalaCloudErrorOptions & { issues: ValidationIssue[] }) {
    const shown = options.issues.slice(0, 5).map((i) => `${i.path || "(root)"}: ${i.message}`);
    const more = options.issues.length > 5 ? ` and ${options.issues.length - 5} more` : "";
    super(
      `Response of ${options.endpoint ?? "the API"} does not match the schema of its API version: ${shown.join("; ")}${more}`,
      options,
    );
    this.issues = options.issues;
  }
}

/**
 * The response body is larger than the call's `maxResponseBytes`: the SDK
 * stopped reading at the limit and dropped the connection.
 */
export class ResponseTooLargeError extends PhalaCloudError {
  override name = "ResponseTooLargeError";
  /** The limit in bytes. */
  declare readonly limit: number;

  constructor(options: PhalaCloudErrorOptions & { limit: number }) {
    super(
      `Response body larger than the limit of ${options.limit} bytes (maxResponseBytes)`,
      options,
    );
    this.limit = options.limit;
  }
}

/** The arguments of a call are wrong; nothing was sent. */
export class RequestValidationError extends PhalaCloudError {
  override name = "RequestValidationError";
  declare readonly issues: ValidationIssue[];

  constructor(options: PhalaCloudErrorOptions & { issues: ValidationIssue[] }) {
    const list = options.issues.map((i) => `${i.path || "(arguments)"}: ${i.message}`).join("; ");
    super(`Invalid arguments for ${options.endpoint ?? "the call"}: ${list}`, options);
    this.issues = options.issues;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A version string the SDK does not know; raised before any request. */
export class UnsupportedApiVersionError extends PhalaCloudError {
  override name = "UnsupportedApiVersionError";
  declare readonly version: unknown;
  declare readonly supportedVersions: readonly string[];

  /** `builtFor`: an action of a bundle built for fewer versions than the SDK knows. */
  constructor(
    version: unknown,
    supportedVersions: readonly string[],
    builtFor?: { endpoint: string },
  ) {
    super(
      builtFor
        ? `${builtFor.endpoint} was built for ${supportedVersions.join(", ")} only (__PHALA_CLOUD_API_VERSION__), not ${describeValue(version)}; pass \`schema\` or \`schema: false\` to call it in another version`
        : `Unsupported API version ${describeValue(version)}. Supported versions: ${supportedVersions.join(", ")} (or "LATEST")`,
      builtFor ? { endpoint: builtFor.endpoint, apiVersion: String(version) } : {},
    );
    this.version = version;
    this.supportedVersions = supportedVersions;
  }
}
