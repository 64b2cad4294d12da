// The status service itself: one Hono app, no runtime API. Each entry (node.ts,
// worker.ts, deno.ts) only builds the SDK client and serves `app.fetch`.

import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  type AnyClient,
  getCurrentUser,
  getCvmInfo,
  getCvmList,
  getCvmState,
  PhalaCloudError,
  paginate,
} from "#sdk";
import { renderErrorPage, renderStatusPage } from "./page";
import {
  type AccountResponse,
  type CvmListResponse,
  type CvmResponse,
  toAccount,
  toCvmDetail,
  toCvmState,
  toCvmSummary,
} from "./view";

/**
 * Every call names the version the views are written for, so the server's
 * shapes do not change with the client's default version.
 */
const CALL = { version: "2026-01-21" } as const;

export interface StatusAppOptions {
  /** A client from `createBaseClient` / `createClient` of any SDK entry. */
  client: AnyClient;
  /** Shown in the page footer, e.g. "mock API started in process". Never put the key here. */
  source?: string;
  /** Page size used to walk `GET /cvms/paginated` (1 to 100). Default 100. */
  pageSize?: number;
  /**
   * Strings that must never reach a response (the API key): replaced in error
   * messages. The SDK already keeps the key out of its errors; this is a second lock.
   */
  secrets?: readonly (string | undefined)[];
}

export interface ErrorBody {
  error: {
    /** The SDK error's class name (`NotFoundError`, `AuthenticationError`...). */
    name: string;
    message: string;
    /** The upstream API's HTTP status, when it answered. */
    upstreamStatus?: number;
    /** The API's `x-request-id`, to quote to support. */
    requestId?: string;
    /** The API's `error_code`, e.g. `ERR-03-001`. */
    errorCode?: string;
  };
}

/** The SDK's error names (string literals in the SDK, so they survive bundling and copies). */
const SDK_ERROR_NAMES = new Set([
  "PhalaCloudError",
  "APIError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
  "APIConnectionError",
  "APIConnectionTimeoutError",
  "APIUserAbortError",
  "ResponseValidationError",
  "RequestValidationError",
  "UnsupportedApiVersionError",
]);

interface SdkErrorLike {
  name: string;
  message: string;
  status?: number;
  requestId?: string;
  errorCode?: string;
}

function asSdkError(error: unknown): SdkErrorLike | undefined {
  if (error instanceof PhalaCloudError) return error as SdkErrorLike;
  if (error instanceof Error && SDK_ERROR_NAMES.has(error.name)) return error as SdkErrorLike;
  return undefined;
}

export function isNotFound(error: unknown): boolean {
  return asSdkError(error)?.name === "NotFoundError";
}

/** The status this server answers with for an error of the SDK (or anything else). */
export function statusFor(error: unknown): ContentfulStatusCode {
  const sdk = asSdkError(error);
  if (!sdk) return 500;
  switch (sdk.name) {
    case "RequestValidationError":
      return 400; // the caller's input (a malformed CVM id), refused before sending
    case "APIConnectionTimeoutError":
      return 504;
    default:
      return 502; // the API answered an error, did not answer, or answered nonsense
  }
}

function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

export function errorBody(
  error: unknown,
  secrets: readonly (string | undefined)[] = [],
): ErrorBody {
  const sdk = asSdkError(error);
  if (!sdk) {
    // Not the SDK's: an unexpected bug. Its message may hold anything; keep it in the logs.
    return { error: { name: "InternalError", message: "Unexpected server error" } };
  }
  const body: ErrorBody = { error: { name: sdk.name, message: redact(sdk.message, secrets) } };
  if (typeof sdk.status === "number") body.error.upstreamStatus = sdk.status;
  if (typeof sdk.requestId === "string") body.error.requestId = redact(sdk.requestId, secrets);
  if (typeof sdk.errorCode === "string") body.error.errorCode = sdk.errorCode;
  return body;
}

export function createStatusApp(options: StatusAppOptions): Hono {
  const { client, source = "Phala Cloud API", pageSize = 100 } = options;
  const secrets = options.secrets ?? [];
  const app = new Hono();

  const listCvms = async (): Promise<CvmListResponse> => {
    const cvms = await paginate(getCvmList, client, { page_size: pageSize }, CALL).toArray();
    const summaries = cvms.map(toCvmSummary);
    return { total: summaries.length, cvms: summaries };
  };
  const account = async (): Promise<AccountResponse> =>
    toAccount(await getCurrentUser(client, undefined, CALL));

  app.use(async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cache-Control", "no-store");
  });

  app.get("/healthz", (c) => c.json({ ok: true }));

  app.get("/", async (c) => {
    const [me, list] = await Promise.all([account(), listCvms()]);
    c.header(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    );
    return c.html(
      renderStatusPage({ account: me, cvms: list.cvms, source, generatedAt: new Date() }),
    );
  });

  app.get("/api/me", async (c) => c.json(await account()));

  app.get("/api/cvms", async (c) => c.json(await listCvms()));

  app.get("/api/cvms/:id", async (c) => {
    const id = c.req.param("id");
    try {
      const [cvm, state] = await Promise.all([
        getCvmInfo(client, { id }, CALL),
        // The live state is extra: a CVM without one (or an API without the route) still shows.
        getCvmState(client, { id }, CALL).then(toCvmState, () => null),
      ]);
      const body: CvmResponse = { cvm: toCvmDetail(cvm), state };
      return c.json(body);
    } catch (error) {
      if (isNotFound(error)) return c.json(errorBody(error, secrets), 404);
      throw error;
    }
  });

  app.notFound((c) =>
    c.json({ error: { name: "NotFound", message: `No route ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.onError((error, c) => {
    const status = statusFor(error);
    const body = errorBody(error, secrets);
    if (status === 500) console.error(error);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cache-Control", "no-store");
    if (c.req.path === "/") {
      return c.html(renderErrorPage(status, body.error.name, body.error.message), status);
    }
    return c.json(body, status);
  });

  return app;
}
