// The fault matrix: each fault of issue 5, with what GET and POST must end in.
// Timing: `Math.random` is mocked to 0 during every call, so full-jitter
// backoff waits 0 ms; only `Retry-After` and timeouts make a call wait.
import type { FaultStep } from "@phala/cloud-mock-api";
import type { ErrorName } from "./adapters";

export type Method = "GET" | "POST";
export const METHODS: readonly Method[] = ["GET", "POST"];

/** The path each method's call hits, under /api/v1. */
export const PATHS: Record<Method, string> = {
  // getCvmInfo({ name: "cvm-abc123" })
  GET: "/cvms/cvm-abc123",
  // getCvmStatusBatch({ vmUuids }): a read, no side effect, yet a POST
  POST: "/status/batch",
};

/** Per-attempt timeout of the hang case. */
export const HANG_TIMEOUT_MS = 300;
/** The client's body limit in the matrix; the bodyBytes fault sends 1 MiB. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
const ONE_MIB = 1024 * 1024;

export interface RetrySeen {
  attempt: number;
  retryReason: string | undefined;
  delayMs: number | undefined;
}

export interface Outcome {
  /** "ok", or the name of the error class (checked with instanceof and `name`). */
  result: "ok" | ErrorName;
  /** Requests the server saw on the path (= attempts the SDK made). */
  attempts: number;
  /** What `hooks.onRetry` saw, in order: [reason, delayMs]. */
  retries: readonly (readonly [string, number])[];
  /** Lower bound on the call's duration, where a wait is required. */
  minMs?: number;
  /** Upper bound (default 15 s): a bound, not a speed test. */
  maxMs?: number;
  /** Extra checks on the error. */
  check?: (error: Record<string, unknown>) => void;
}

export interface CaseContext {
  method: Method;
  path: string;
  /** The key trap's origin, for redirects to another origin. */
  trapUrl: string;
}

export interface FaultCase {
  name: string;
  steps: (ctx: CaseContext) => FaultStep[];
  repeat?: boolean;
  /** Per-call options added to the call. */
  call?: { timeout?: number; retryNonIdempotent?: boolean; maxRetryTime?: number };
  /** After the call: the key trap must have received nothing. */
  trapMustStayEmpty?: boolean;
  expect: Partial<Record<Method, Outcome>>;
}

const hasStatus =
  (status: number) =>
  (error: Record<string, unknown>): void => {
    if (error.status !== status) throw new Error(`expected status ${status}, got ${error.status}`);
  };

const none: Outcome["retries"] = [];
const twice = (reason: string, delayMs = 0) =>
  [
    [reason, delayMs],
    [reason, delayMs],
  ] as const;

export const CASES: readonly FaultCase[] = [
  {
    name: "503, 503, 200",
    steps: () => [{ status: 503 }, { status: 503 }, { pass: true }],
    expect: {
      GET: { result: "ok", attempts: 3, retries: twice("http_503") },
      POST: {
        result: "ServiceUnavailableError",
        attempts: 1,
        retries: none,
        check: hasStatus(503),
      },
    },
  },
  {
    name: "503, 503, 200 with retryNonIdempotent: true",
    steps: () => [{ status: 503 }, { status: 503 }, { pass: true }],
    call: { retryNonIdempotent: true },
    expect: { POST: { result: "ok", attempts: 3, retries: twice("http_503") } },
  },
  {
    name: "429 Retry-After: 1, then 200",
    steps: () => [{ status: 429, retryAfter: 1 }, { pass: true }],
    expect: {
      GET: { result: "ok", attempts: 2, retries: [["http_429", 1000]], minMs: 900 },
      POST: {
        result: "RateLimitError",
        attempts: 1,
        retries: none,
        maxMs: 900,
        check: (error) => {
          if (error.retryAfter !== 1) throw new Error(`retryAfter ${error.retryAfter}`);
        },
      },
    },
  },
  {
    name: "429 Retry-After: 120 (over the 60 s cap)",
    steps: () => [{ status: 429, retryAfter: 120 }],
    repeat: true,
    expect: Object.fromEntries(
      METHODS.map((method) => {
        const outcome: Outcome = {
          result: "RateLimitError",
          attempts: 1,
          retries: none,
          // Fails at once: no wait of 120 s, nor of 60 s.
          maxMs: 5_000,
          check: (error) => {
            if (error.retryAfter !== 120) throw new Error(`retryAfter ${error.retryAfter}`);
          },
        };
        return [method, outcome];
      }),
    ),
  },
  {
    name: "502 HTML error page",
    steps: () => [{ html: true }],
    repeat: true,
    expect: Object.fromEntries(
      METHODS.map((method) => {
        const outcome: Outcome = {
          result: "InternalServerError",
          attempts: method === "GET" ? 3 : 1,
          retries: method === "GET" ? twice("http_502") : none,
          check: (error) => {
            hasStatus(502)(error);
            const excerpt = String(error.bodyExcerpt ?? "");
            if (!excerpt.includes("Bad Gateway")) throw new Error(`bodyExcerpt: ${excerpt}`);
            if (excerpt.length > 512) throw new Error(`bodyExcerpt of ${excerpt.length} chars`);
          },
        };
        return [method, outcome];
      }),
    ),
  },
  ...(
    [
      ["empty 200 body", { empty: true }],
      ["truncated JSON", { truncate: true }],
      [
        "200 HTML page labelled text/html",
        { contentType: "text/html", body: "<!doctype html><title>Maintenance</title>" },
      ],
      // The mock's default contentType fault: the route's own JSON, relabelled.
      // Issue 5 lists "a body with the wrong content type" as a typed error;
      // the SDK accepts a JSON body under a non-JSON label (see the report).
      ["route's JSON relabelled text/plain", { contentType: "text/plain" }],
      // A 200 whose JSON does not match the response schema (the POST's
      // stand-in for a wrong-version body: /status/batch has one shape in all versions).
      ["200 JSON body of the wrong shape", { status: 200, body: { unexpected: [1, 2, 3] } }],
    ] as const
  ).map(
    ([name, step]): FaultCase => ({
      name,
      steps: () => [step],
      repeat: true,
      expect: {
        GET: { result: "ResponseValidationError", attempts: 1, retries: none },
        POST: { result: "ResponseValidationError", attempts: 1, retries: none },
      },
    }),
  ),
  {
    name: "2025-10-28 body to a 2026-01-21 client (wrongVersion)",
    steps: () => [{ wrongVersion: "2025-10-28" }],
    repeat: true,
    expect: {
      GET: { result: "ResponseValidationError", attempts: 1, retries: none },
      // No version change touches /status/batch: the old body is the new one.
      POST: { result: "ok", attempts: 1, retries: none },
    },
  },
  ...([false, true] as const).map(
    (contentLength): FaultCase => ({
      name: `1 MiB body over maxResponseBytes 64 KiB (${contentLength ? "Content-Length" : "streamed"})`,
      steps: () => [{ bodyBytes: ONE_MIB, contentLength }],
      repeat: true,
      expect: Object.fromEntries(
        METHODS.map((method) => {
          const outcome: Outcome = {
            result: "ResponseTooLargeError",
            attempts: 1,
            retries: none,
            check: (error) => {
              if (error.limit !== MAX_RESPONSE_BYTES) throw new Error(`limit ${error.limit}`);
            },
          };
          return [method, outcome];
        }),
      ),
    }),
  ),
  ...(["before-response", "mid-body"] as const).map(
    (drop): FaultCase => ({
      name: `connection dropped ${drop}`,
      steps: () => [{ drop }],
      repeat: true,
      expect: {
        GET: { result: "APIConnectionError", attempts: 3, retries: twice("connection_error") },
        POST: { result: "APIConnectionError", attempts: 1, retries: none },
      },
    }),
  ),
  {
    name: `hang (timeout ${HANG_TIMEOUT_MS} ms per attempt)`,
    steps: () => [{ hang: true }],
    repeat: true,
    call: { timeout: HANG_TIMEOUT_MS },
    expect: {
      // 3 attempts x 300 ms, backoff 0 (jitter mocked).
      GET: {
        result: "APIConnectionTimeoutError",
        attempts: 3,
        retries: twice("timeout"),
        minMs: 3 * HANG_TIMEOUT_MS - 50,
        check: (error) => {
          if (error.timeout !== HANG_TIMEOUT_MS) throw new Error(`timeout ${error.timeout}`);
        },
      },
      POST: {
        result: "APIConnectionTimeoutError",
        attempts: 1,
        retries: none,
        minMs: HANG_TIMEOUT_MS - 20,
        maxMs: 3 * HANG_TIMEOUT_MS,
      },
    },
  },
  {
    name: "hang bounded by maxRetryTime 500 ms (timeout 300 ms)",
    steps: () => [{ hang: true }],
    repeat: true,
    call: { timeout: HANG_TIMEOUT_MS, maxRetryTime: 500 },
    expect: {
      // 300 ms, then a second attempt cut to the 200 ms left, then no time for a third.
      GET: {
        result: "APIConnectionTimeoutError",
        attempts: 2,
        retries: [["timeout", 0]],
        minMs: 450,
        maxMs: 5_000,
      },
    },
  },
  {
    name: "465 where not expected",
    steps: () => [{ status: 465 }],
    repeat: true,
    expect: {
      GET: { result: "APIError", attempts: 1, retries: none, check: hasStatus(465) },
      POST: { result: "APIError", attempts: 1, retries: none, check: hasStatus(465) },
    },
  },
  {
    name: "redirect to another origin (key trap)",
    steps: ({ method, path, trapUrl }) => [
      // 307 keeps the method and body: a follower would re-send the POST, key and all.
      { redirect: { location: `${trapUrl}/api/v1${path}`, status: method === "POST" ? 307 : 302 } },
    ],
    repeat: true,
    trapMustStayEmpty: true,
    expect: Object.fromEntries(
      METHODS.map((method) => {
        const outcome: Outcome = {
          result: "APIConnectionError",
          attempts: 1,
          retries: none,
          check: (error) => {
            if (!String(error.message).includes("Refused a redirect to another origin")) {
              throw new Error(`message: ${error.message}`);
            }
          },
        };
        return [method, outcome];
      }),
    ),
  },
];
