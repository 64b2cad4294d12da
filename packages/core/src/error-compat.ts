import {
  APIConnectionError,
  APIError,
  type ApiStructuredError,
  PhalaCloudError,
  UnprocessableEntityError,
} from "./errors";

/**
 * The error classes and helpers of the official `@phala/cloud` docs, over this
 * SDK's errors. A request never creates one of these classes: each answers
 * `instanceof` through `Symbol.hasInstance`, so `err instanceof AuthError` and
 * `err instanceof AuthenticationError` hold for the same error, and a bundle
 * that does not import this module pays nothing for it.
 *
 * The categories follow the official SDK. Every `PhalaCloudError` is exactly one
 * of `ValidationError`, `AuthError`, `BusinessError` (of which `ResourceError`
 * is a part), `ServerError` or `UnknownError`, so the order of `instanceof`
 * checks matters only between `ResourceError` and `BusinessError` (the docs check
 * `ResourceError` first). `RequestError` cuts across them: every error of an
 * HTTP answer or a failed connection.
 */

/** The error of a failed safe call (`result.error` when `result.success` is false). */
export type SafeError = PhalaCloudError;

type Category = "validation" | "auth" | "business" | "resource" | "server" | "unknown";

// Type-only marks (nothing at run time). Without them the documented classes
// would be the classes they extend in all but name: a `NotFoundError` would type
// as an `AuthError`, and an error narrowed to two categories would not be `never`.
declare const category: unique symbol;
declare const requestError: unique symbol;

/** A structured error as the official SDK reads one: an `error_code` and a `message`. */
type CodedError = ApiStructuredError & { error_code: string; message: string };

function isCoded(detail: ApiStructuredError | undefined): detail is CodedError {
  const code = detail?.error_code;
  const message = detail?.message;
  return typeof code === "string" && code !== "" && typeof message === "string" && message !== "";
}

function categoryOf(value: unknown): Category | undefined {
  if (!(value instanceof PhalaCloudError)) return undefined;
  if (!(value instanceof APIError)) return "unknown";
  if (isCoded(value.detail)) return "resource";
  if (value instanceof UnprocessableEntityError) return "validation";
  const { status } = value;
  if (status === 401 || status === 403) return "auth";
  if (status >= 400 && status < 500) return "business";
  return status >= 500 ? "server" : "unknown";
}

/**
 * 422: the API refused the request's fields (`UnprocessableEntityError`), unless
 * it answered a structured error (then `ResourceError`). `validationErrors`
 * lists each field: `{ field, message, type, location?, input? }`.
 */
export abstract class ValidationError extends UnprocessableEntityError {
  declare readonly [category]: "validation";
  static override [Symbol.hasInstance](value: unknown): value is ValidationError {
    return categoryOf(value) === "validation";
  }
}

/** 401 or 403 (`AuthenticationError`, `PermissionDeniedError`) without a structured error. */
export abstract class AuthError extends APIError {
  declare readonly [category]: "auth";
  static override [Symbol.hasInstance](value: unknown): value is AuthError {
    return categoryOf(value) === "auth";
  }
}

/**
 * Every other 4xx (400, 404, 409, 428, 429...), and every structured error
 * (`ResourceError`) whatever its status.
 */
export abstract class BusinessError extends APIError {
  declare readonly [category]: "business" | "resource";
  static override [Symbol.hasInstance](value: unknown): value is BusinessError {
    const found = categoryOf(value);
    return found === "business" || found === "resource";
  }
}

/**
 * A structured error: the API sent an `error_code` (`ERR-xx-xxx`) and a message.
 * `suggestions`, `links` and `structuredDetails` (`detail.details`) are as sent.
 */
export abstract class ResourceError extends BusinessError {
  declare readonly [category]: "resource";
  declare readonly errorCode: string;
  declare readonly detail: CodedError;
  static override [Symbol.hasInstance](value: unknown): value is ResourceError {
    return categoryOf(value) === "resource";
  }
}

/** 5xx (`InternalServerError`, `ServiceUnavailableError`) without a structured error. */
export abstract class ServerError extends APIError {
  declare readonly [category]: "server";
  static override [Symbol.hasInstance](value: unknown): value is ServerError {
    return categoryOf(value) === "server";
  }
}

/**
 * Any other `PhalaCloudError`: no usable answer (`APIConnectionError`, its
 * timeout), an aborted call, a refused argument or response, an unknown version.
 */
export abstract class UnknownError extends PhalaCloudError {
  declare readonly [category]: "unknown";
  static override [Symbol.hasInstance](value: unknown): value is UnknownError {
    return categoryOf(value) === "unknown";
  }
}

/** An HTTP error answer (`APIError`) or a failed connection (`APIConnectionError`). */
export abstract class RequestError extends PhalaCloudError {
  declare readonly [requestError]: true;
  static override [Symbol.hasInstance](value: unknown): value is RequestError {
    return value instanceof APIError || value instanceof APIConnectionError;
  }
}

// The docs' `error.isValidationError`... flags, as functions: properties would be
// code in every bundle that makes a request, and they narrow the type, which a
// boolean property would not.
/** `error instanceof ValidationError`; the docs' `error.isValidationError`. */
export const isValidationError = (error: unknown): error is ValidationError =>
  error instanceof ValidationError;
/** `error instanceof AuthError`; the docs' `error.isAuthError`. */
export const isAuthError = (error: unknown): error is AuthError => error instanceof AuthError;
/** `error instanceof BusinessError`; the docs' `error.isBusinessError`. */
export const isBusinessError = (error: unknown): error is BusinessError =>
  error instanceof BusinessError;
/** `error instanceof ResourceError`; the docs' `error.isResourceError`. */
export const isResourceError = (error: unknown): error is ResourceError =>
  error instanceof ResourceError;
/** `error instanceof ServerError`; the docs' `error.isServerError`. */
export const isServerError = (error: unknown): error is ServerError => error instanceof ServerError;
/** `error instanceof UnknownError`; the docs' `error.isUnknownError`. */
export const isUnknownError = (error: unknown): error is UnknownError =>
  error instanceof UnknownError;
/** `error instanceof RequestError`; the official SDK's `error.isRequestError`. */
export const isRequestError = (error: unknown): error is RequestError =>
  error instanceof RequestError;

export interface FormatValidationErrorsOptions {
  /** `1.`, `2.`... before each error; `•` when false. Default true. */
  numbered?: boolean;
  /** Spaces before each line. Default 2. */
  indent?: number;
  /** `field: ` before each message (when the error names a field). Default true. */
  showFields?: boolean;
}

/**
 * One line per validation error, e.g. `  1. name: String should have at least 4
 * characters`. Reads `UnprocessableEntityError.validationErrors` (or any list of
 * `{ field, message }`).
 */
export function formatValidationErrors(
  errors: readonly { field: string; message: string }[],
  options: FormatValidationErrorsOptions = {},
): string {
  const { numbered = true, indent = 2, showFields = true } = options;
  const pad = " ".repeat(Math.max(0, indent));
  return errors
    .map((error, index) => {
      const bullet = numbered ? `${index + 1}. ` : "• ";
      // An error of the whole body has no field: its message alone.
      const field = showFields && error.field ? `${error.field}: ` : "";
      return `${pad}${bullet}${field}${error.message}`;
    })
    .join("\n");
}

export interface FormatErrorMessageOptions {
  /** Field names in the list of validation errors. Default true. */
  showFields?: boolean;
  /** The error's class name, upper case in brackets, on a first line. Default false. */
  showType?: boolean;
}

/**
 * The error's message, and for a `ValidationError` a blank line and the list
 * of `formatValidationErrors`.
 */
export function formatErrorMessage(
  error: PhalaCloudError,
  options: FormatErrorMessageOptions = {},
): string {
  const { showFields = true, showType = false } = options;
  // `name`, not `constructor.name`: the names are literals that survive minification.
  const parts = showType ? [`[${error.name.toUpperCase()}]`, error.message] : [error.message];
  if (error instanceof ValidationError && error.validationErrors.length > 0) {
    parts.push("", formatValidationErrors(error.validationErrors, { showFields }));
  }
  return parts.join("\n");
}

export interface FormatStructuredErrorOptions {
  /** `Error [ERR-xx-xxx]: ` before the message, when the API sent a code. Default true. */
  showErrorCode?: boolean;
  /** The API's suggestions, under `Suggestions:`. Default true. */
  showSuggestions?: boolean;
  /** The API's links, under `Learn more:`. Default true. */
  showLinks?: boolean;
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A structured error for display: code and message, request id, then the
 * API's details, suggestions and links, each under its heading. The message is
 * the API's own (`detail.message`) when it sent one, else `error.message`.
 */
export function formatStructuredError(
  error: PhalaCloudError,
  options: FormatStructuredErrorOptions = {},
): string {
  const { showErrorCode = true, showSuggestions = true, showLinks = true } = options;
  const api = error instanceof APIError ? error : undefined;
  const message = api?.detail?.message || error.message;
  const lines = [
    showErrorCode && error.errorCode ? `Error [${error.errorCode}]: ${message}` : message,
  ];
  if (error.requestId) lines.push(`Request ID: ${error.requestId}`);

  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push("", title, ...items.map((item) => `  - ${item}`));
  };
  const details = Array.isArray(api?.detail?.details) ? api.detail.details : [];
  section(
    "Details:",
    details.flatMap((d) => {
      if (d?.message) return [d.message];
      return d?.field && d.value !== undefined ? [`${d.field}: ${show(d.value)}`] : [];
    }),
  );
  if (showSuggestions) section("Suggestions:", api?.suggestions ?? []);
  if (showLinks) {
    section(
      "Learn more:",
      (api?.links ?? []).map((link) => (link.label ? `${link.label}: ${link.url}` : link.url)),
    );
  }
  return lines.join("\n");
}
