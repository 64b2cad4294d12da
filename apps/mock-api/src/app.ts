import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { MockEnv } from "./internal/env";
import {
  INTERNAL_ERROR_BODY,
  invalidApiKeyError,
  MockApiError,
  ROUTE_NOT_FOUND_BODY,
  stepUpRequiredError,
  unsupportedVersionError,
} from "./internal/errors";
import { FaultInjector, type FaultRule } from "./internal/faults";
import { resolveApiVersion } from "./internal/negotiation";
import { callerForApiKey, type MockState } from "./model";
import { registerAppRoutes } from "./routes/apps";
import { registerAttestationsRoutes } from "./routes/attestations";
import { registerAuthRoutes } from "./routes/auth";
import { isRevokedApiKey } from "./routes/auth/tokens";
import { registerCvmRoutes } from "./routes/cvms";
import { settleScheduledDeletes } from "./routes/cvms/scheduled-delete";
import { registerInstanceTypeRoutes } from "./routes/instance-types";
import { registerKmsRoutes } from "./routes/kms";
import { registerSshKeyRoutes } from "./routes/ssh-keys";
import { registerWebhookRoutes } from "./routes/webhooks";
import { registerWorkspaceRoutes } from "./routes/workspaces";
import { createMockState } from "./seed";
import {
  type ApiVersion,
  createVersionChain,
  type MockVersionChangeSet,
  type VersionChain,
} from "./versions/chain";

export const API_BASE_PATH = "/api/v1";

export interface MockAppOptions {
  /** The model to serve; a fresh seeded one when omitted. */
  state?: MockState;
  /**
   * The accepted API keys, each with its own default version (or none). Without
   * it, any non-empty key is accepted and has no default version.
   */
  apiKeys?: Record<string, ApiVersion | (string & {}) | undefined>;
  /** The clock (VM uptimes are computed from it). */
  now?: () => Date;
  /** Sees each request as it arrives (tests record what an SDK sent). */
  onRequest?: (request: { method: string; url: string; headers: Headers }) => void;
  /**
   * Test hook: sees a copy of every response as it leaves (tests check the mock's
   * answers against the API contract). Absent, nothing is copied. A JSON or text
   * body is read in full before it is sent; an event stream is reported with its
   * status and headers and an empty `text`, never buffered. An error thrown by the
   * hook is logged; the response goes out unchanged.
   */
  onResponse?: (exchange: ObservedExchange) => void;
  /** For a fresh state: ms a CVM stays in a transitional status (default 2000). */
  transitionMs?: number;
  /** For a fresh state: extra CVMs seeded into the main workspace. */
  extraCvms?: number;
  /**
   * For a fresh state: ms one second of the state stream lasts (default 1000), so a
   * test can ask for the API's 5 s interval and not wait 5 s.
   */
  streamSecondMs?: number;
  /**
   * Tests only: scripted faults (see `internal/faults.ts`). Without it the fault middleware
   * is not installed at all; `[]` installs it with no rule.
   */
  faults?: readonly FaultRule[] | FaultInjector;
  /**
   * Tests only: versions served besides the SDK's (`VERSION_CHANGES` of
   * `@phala/cloud-schemas`), each with its changes against the version before,
   * in the SDK's form. A version newer than the mock's render version takes
   * field changes only (added, removed, renamed, retyped), which the mock applies
   * from their data. A change it cannot render makes `createMockApp` throw.
   */
  versionChanges?: readonly MockVersionChangeSet[];
}

/** One answer of the mock, as `onResponse` sees it. */
export interface ObservedExchange {
  method: string;
  /** The request's full URL. */
  url: string;
  status: number;
  /** A copy: changing it changes nothing that is sent. */
  headers: Headers;
  /** The body as text; `""` for an event stream or no body. */
  text: string;
  /**
   * The endpoint (the SDK action calling it) whose shape the body has, where the
   * answer was rendered through the version chain; absent otherwise.
   */
  endpoint?: string;
}

/** Reports a copy of the response to the hook without consuming the one that is sent. */
async function observe(
  c: Context<MockEnv>,
  onResponse: NonNullable<MockAppOptions["onResponse"]>,
): Promise<void> {
  const response = c.res;
  const headers = new Headers(response.headers);
  const streamed = (headers.get("content-type") ?? "").includes("text/event-stream");
  const text = streamed || response.body === null ? "" : await response.clone().text();
  try {
    const endpoint = c.get("endpoint");
    onResponse({
      method: c.req.method,
      url: c.req.url,
      status: response.status,
      headers,
      text,
      ...(endpoint === undefined ? {} : { endpoint }),
    });
  } catch (error) {
    console.error("[mock-api] onResponse hook failed:", error);
  }
}

/** `DELETE /cvms/{cvm_id}` and `DELETE /cvms/:cvm_id` name the same operation. */
function sameOperation(a: string, b: string): boolean {
  const shape = (operation: string) =>
    operation
      .trim()
      .replace(/^(\w+)\s+(\/api\/v1)?/, (_, method: string) => `${method.toUpperCase()} `)
      .replace(/\{[^}]+\}|:\w+/g, "{}");
  return shape(a) === shape(b);
}

/** The API key policy: which keys pass and what version each defaults to. */
interface KeyPolicy {
  accepts(key: string): boolean;
  defaultVersion(key: string): string | undefined;
}

function keyPolicy(apiKeys: MockAppOptions["apiKeys"], chain: VersionChain): KeyPolicy {
  if (apiKeys === undefined) {
    return { accepts: (key) => key.length > 0, defaultVersion: () => undefined };
  }
  const keys = new Map(Object.entries(apiKeys));
  for (const [key, version] of keys) {
    // JavaScript callers get no compile-time check; a typo here would otherwise
    // label that key's responses with a version the mock cannot render.
    if (version !== undefined && !chain.isVersion(version)) {
      throw new TypeError(
        `apiKeys[${JSON.stringify(key)}]: unknown API version ${JSON.stringify(version)} (known: ${chain.versions.join(", ")})`,
      );
    }
  }
  return { accepts: (key) => keys.has(key), defaultVersion: (key) => keys.get(key) };
}

let requestCounter = 0;

/** Unique per process; the counter keeps ids distinct even where randomUUID is missing. */
function newRequestId(): string {
  requestCounter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(16).slice(2);
  return `req_${requestCounter.toString(36)}_${random.replaceAll("-", "").slice(0, 16)}`;
}

/**
 * The Hono app of the mock, runtime-neutral (no Node API), so it can be served by
 * `startMockApi` on Node or handed to any runtime Hono supports.
 */
export function createMockApp(options: MockAppOptions = {}): Hono<MockEnv> {
  // First: a change the mock cannot render stops it here, before it serves anything.
  const chain = createVersionChain(options.versionChanges);
  const state =
    options.state ??
    createMockState({
      transitionMs: options.transitionMs,
      extraCvms: options.extraCvms,
      streamSecondMs: options.streamSecondMs,
    });
  const now = options.now ?? (() => new Date());
  const keys = keyPolicy(options.apiKeys, chain);

  const apiKeyOf = (header: string | undefined) => header?.trim() ?? "";

  const requireApiKey: MiddlewareHandler<MockEnv> = async (c, next) => {
    const key = apiKeyOf(c.req.header("X-API-Key"));
    // A key revoked by DELETE /tokens/self is refused like an unknown one.
    if (!keys.accepts(key) || isRevokedApiKey(state, key)) throw invalidApiKeyError();
    const requestNow = now();
    c.set("render", {
      state,
      caller: callerForApiKey(state, key),
      now: requestNow,
      version: c.get("apiVersion"),
    });
    // A CVM whose scheduled delete is due is gone before this request reads anything.
    settleScheduledDeletes(state, requestNow);
    const stepUp = state.settings.stepUpRequired;
    if (stepUp && stepUp.length > 0) {
      const operation = `${c.req.method} ${c.req.routePath.slice(API_BASE_PATH.length)}`;
      if (stepUp.some((entry) => sameOperation(entry, operation))) {
        throw stepUpRequiredError(operation.replace(/:(\w+)/g, "{$1}"));
      }
    }
    await next();
  };

  const app = new Hono<MockEnv>();

  // Runs first so that every response, errors included, carries these headers.
  app.use("*", async (c, next) => {
    options.onRequest?.({
      method: c.req.method,
      url: c.req.url,
      headers: new Headers(c.req.raw.headers),
    });
    const requestId = newRequestId();
    c.set("chain", chain);
    c.set("apiVersion", chain.defaultVersion);
    await next();
    c.header("X-Phala-Version", c.get("apiVersion"));
    c.header("x-request-id", requestId);
    if (options.onResponse) await observe(c, options.onResponse);
  });

  app.use("*", async (c, next) => {
    const key = apiKeyOf(c.req.header("X-API-Key"));
    const keyDefault = keys.accepts(key) ? keys.defaultVersion(key) : undefined;
    const resolution = resolveApiVersion(c.req.header("X-Phala-Version"), keyDefault, chain);
    c.set("apiVersion", resolution.version);
    if (!resolution.ok) {
      throw unsupportedVersionError(resolution.requested, chain.versions, chain.defaultVersion);
    }
    await next();
  });

  // After negotiation (wrongVersion swaps the negotiated version), before auth.
  if (options.faults !== undefined) {
    const faults =
      options.faults instanceof FaultInjector ? options.faults : new FaultInjector(options.faults);
    app.use("*", faults.middleware);
  }

  // Auth is per route, not a prefix middleware: like FastAPI dependencies, an
  // unknown path is a 404 whether or not the key is valid.
  // One module per tag of the API reference; within a tag, fixed paths before the
  // patterns that would take them for ids (see each tag's index.ts).
  const api = new Hono<MockEnv>();
  registerAuthRoutes(api, requireApiKey);
  registerSshKeyRoutes(api, requireApiKey);
  registerWebhookRoutes(api, requireApiKey); // before the CVM routes: it wraps them
  registerWorkspaceRoutes(api, requireApiKey);
  registerInstanceTypeRoutes(api, requireApiKey);
  registerKmsRoutes(api, requireApiKey);
  registerCvmRoutes(api, requireApiKey);
  registerAppRoutes(api, requireApiKey);
  registerAttestationsRoutes(api, { state, now });
  app.route(API_BASE_PATH, api);

  app.notFound((c) => c.json(ROUTE_NOT_FOUND_BODY, 404));
  app.onError((error, c) => {
    if (error instanceof MockApiError) {
      return c.json(error.body, error.status as ContentfulStatusCode, error.headers);
    }
    console.error("[mock-api] unhandled error:", error);
    return c.json(INTERNAL_ERROR_BODY, 500);
  });

  return app;
}
