/**
 * Scriptable faults, for tests only. Off by default: the fault middleware exists
 * only when `createMockApp({ faults })` or `startMockApi({ faults })` is given a
 * rule list (`faults: []` enables the machinery with no rule, for `setFaults`
 * later). No header, query parameter or route turns a fault on from the wire.
 *
 * A rule matches requests by method (optional) and path under `/api/v1`; each
 * matching request consumes the rule's next step. When the steps are used up the
 * rule lets requests through, unless `repeat: true` keeps applying the last step.
 * Rules are tried in order: the first matching rule with a step left applies.
 *
 * Faults run after version negotiation (a request naming an unknown version still
 * gets the mock's 400) and before authentication, so a fault fires whatever the key.
 *
 * Runtime: everything works on any runtime Hono serves, except `drop` (and the
 * socket close at the end of a `hang`), which need the raw Node socket of
 * `@hono/node-server` (`c.env.incoming` / `c.env.outgoing`, as `startMockApi`
 * serves it). Elsewhere a `drop` answers 500 with a note saying so.
 */
import type { Context, MiddlewareHandler, Next } from "hono";
import { API_VERSIONS, type ApiVersion, isApiVersion } from "../versions/chain";
import type { MockEnv } from "./env";

/** `{ status: 503, retryAfter: 1 }`: answer with this status, headers and body. */
export interface StatusFault {
  /** 200 to 599 (non-standard ones such as 465 included). */
  status: number;
  /** A string is sent as is (text/plain unless `headers` say otherwise), anything else as JSON. Default `{ detail: "<reason>" }`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sets `Retry-After`: seconds (a number) or an HTTP date (a Date). */
  retryAfter?: number | Date;
}

/** Waits, then lets the request through (the wait ends early if the client goes away). */
export interface DelayFault {
  delayMs: number;
}

/**
 * Accepts the request and never answers: the socket stays open until the client
 * aborts or the server closes (`close()` ends every hang; no timer is involved).
 */
export interface HangFault {
  hang: true;
}

/**
 * Node only. `before-response`: destroys the socket before a byte of response.
 * `mid-body`: sends the route's status, headers and a `Content-Length` of the
 * full body, then half of the body, then destroys the socket (a premature close
 * the client sees as a socket error after partial data).
 */
export interface DropFault {
  drop: "before-response" | "mid-body";
}

/**
 * Runs the route and sends the first half of its body, with the route's status
 * and a `Content-Length` of the half: a well-framed HTTP response whose JSON is
 * cut, so the client reads it completely and then fails to parse it.
 */
export interface TruncateFault {
  truncate: true;
}

/** An HTML error page, as a proxy or load balancer sends it (status default 502). */
export interface HtmlFault {
  html: true;
  status?: number;
}

/** Runs the route and relabels its body (or sends `body`) with this Content-Type. */
export interface ContentTypeFault {
  contentType: string;
  body?: string;
  status?: number;
}

/** An empty body labelled `application/json` (status default 200). */
export interface EmptyFault {
  empty: true;
  status?: number;
}

/**
 * Renders the route as if the request had asked for this version, while the
 * `X-Phala-Version` response header still names the version it asked for.
 */
export interface WrongVersionFault {
  wrongVersion: ApiVersion;
}

/**
 * A 200 JSON body `{"padding":"aaaa…"}` of exactly `bodyBytes` bytes (at least 14),
 * streamed in 64 KiB chunks without a Content-Length, unless `contentLength: true`.
 */
export interface BodyBytesFault {
  bodyBytes: number;
  contentLength?: boolean;
}

/** A redirect (default 302) to `location`, taken as given (e.g. another origin). */
export interface RedirectFault {
  redirect: { location: string; status?: 301 | 302 | 303 | 307 | 308 };
}

/** Lets this request through untouched (for sequences such as 503, 200, 503). */
export interface PassFault {
  pass: true;
}

export type FaultStep =
  | StatusFault
  | DelayFault
  | HangFault
  | DropFault
  | TruncateFault
  | HtmlFault
  | ContentTypeFault
  | EmptyFault
  | WrongVersionFault
  | BodyBytesFault
  | RedirectFault
  | PassFault;

export type FaultKind =
  | "status"
  | "delay"
  | "hang"
  | "drop"
  | "truncate"
  | "html"
  | "contentType"
  | "empty"
  | "wrongVersion"
  | "bodyBytes"
  | "redirect"
  | "pass";

export interface FaultRule {
  /** Shown in the fault log. */
  name?: string;
  /** Case-insensitive; every method when omitted. */
  method?: string | readonly string[];
  /**
   * The path under `/api/v1`, without the query: an exact string (`"/auth/me"`;
   * a leading `/api/v1` is accepted too) or a RegExp tested against it.
   */
  path: string | RegExp;
  /** Consumed one per matching request. */
  steps: readonly FaultStep[];
  /** Keeps applying the last step once the others are used up. */
  repeat?: boolean;
}

/** One request a fault was applied to. */
export interface FaultHit {
  /** Index of the rule in the current rule list. */
  rule: number;
  name?: string;
  /** Index of the step applied. */
  step: number;
  kind: FaultKind;
  method: string;
  /** The path under `/api/v1`. */
  path: string;
  /** `Date.now()` when the request arrived. */
  at: number;
}

const API_PREFIX = "/api/v1";

/** The keys that name a step's kind, in the order they are looked for; `status` alone is a StatusFault. */
const KIND_KEYS: readonly [string, FaultKind][] = [
  ["delayMs", "delay"],
  ["hang", "hang"],
  ["drop", "drop"],
  ["truncate", "truncate"],
  ["html", "html"],
  ["contentType", "contentType"],
  ["empty", "empty"],
  ["wrongVersion", "wrongVersion"],
  ["bodyBytes", "bodyBytes"],
  ["redirect", "redirect"],
  ["pass", "pass"],
];

const ALLOWED_KEYS: Record<FaultKind, readonly string[]> = {
  status: ["status", "body", "headers", "retryAfter"],
  delay: ["delayMs"],
  hang: ["hang"],
  drop: ["drop"],
  truncate: ["truncate"],
  html: ["html", "status"],
  contentType: ["contentType", "body", "status"],
  empty: ["empty", "status"],
  wrongVersion: ["wrongVersion"],
  bodyBytes: ["bodyBytes", "contentLength"],
  redirect: ["redirect"],
  pass: ["pass"],
};

const BODY_BYTES_OVERHEAD = '{"padding":""}'.length;
const CHUNK_BYTES = 64 * 1024;

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const reason = (status: number) => REASONS[status] ?? "Error";

/** The kind of a step, or a TypeError naming what is wrong with it. */
export function faultKind(step: FaultStep): FaultKind {
  if (typeof step !== "object" || step === null) throw new TypeError("a fault step is an object");
  const keys = Object.keys(step);
  const named = KIND_KEYS.filter(([key]) => key in step).map(([, kind]) => kind);
  if (named.length > 1) {
    throw new TypeError(`a fault step has one kind, got ${named.join(" and ")}`);
  }
  const kind = named[0] ?? ("status" in step ? "status" : undefined);
  if (!kind) throw new TypeError(`unknown fault step ${JSON.stringify(step)}`);
  const unknown = keys.filter((key) => !ALLOWED_KEYS[kind].includes(key));
  if (unknown.length > 0) {
    throw new TypeError(`fault step "${kind}": unknown key(s) ${unknown.join(", ")}`);
  }
  return kind;
}

function checkStatus(status: unknown, what: string) {
  if (!Number.isInteger(status) || (status as number) < 200 || (status as number) > 599) {
    throw new TypeError(`${what}: status must be an integer from 200 to 599, got ${status}`);
  }
}

function validateStep(step: FaultStep, where: string): FaultKind {
  let kind: FaultKind;
  try {
    kind = faultKind(step);
  } catch (error) {
    throw new TypeError(`${where}: ${(error as Error).message}`);
  }
  const s = step as unknown as Record<string, any>;
  switch (kind) {
    case "status":
    case "html":
    case "contentType":
    case "empty":
      if (s.status !== undefined || kind === "status") checkStatus(s.status, where);
      break;
    case "delay":
      if (!Number.isFinite(s.delayMs) || s.delayMs < 0) {
        throw new TypeError(`${where}: delayMs must be a finite number >= 0`);
      }
      break;
    case "drop":
      if (s.drop !== "before-response" && s.drop !== "mid-body") {
        throw new TypeError(`${where}: drop is "before-response" or "mid-body"`);
      }
      break;
    case "wrongVersion":
      if (typeof s.wrongVersion !== "string" || !isApiVersion(s.wrongVersion)) {
        throw new TypeError(
          `${where}: unknown API version ${JSON.stringify(s.wrongVersion)} (known: ${API_VERSIONS.join(", ")})`,
        );
      }
      break;
    case "bodyBytes":
      if (!Number.isSafeInteger(s.bodyBytes) || s.bodyBytes < BODY_BYTES_OVERHEAD) {
        throw new TypeError(`${where}: bodyBytes must be an integer >= ${BODY_BYTES_OVERHEAD}`);
      }
      break;
    case "redirect": {
      const status = s.redirect?.status ?? 302;
      if (typeof s.redirect?.location !== "string" || s.redirect.location === "") {
        throw new TypeError(`${where}: redirect.location must be a non-empty string`);
      }
      if (![301, 302, 303, 307, 308].includes(status)) {
        throw new TypeError(`${where}: redirect.status must be 301, 302, 303, 307 or 308`);
      }
      break;
    }
    default:
      break;
  }
  if (kind === "status" && s.retryAfter !== undefined) {
    const ok =
      (typeof s.retryAfter === "number" && Number.isFinite(s.retryAfter) && s.retryAfter >= 0) ||
      (s.retryAfter instanceof Date && !Number.isNaN(s.retryAfter.getTime()));
    if (!ok) throw new TypeError(`${where}: retryAfter is seconds >= 0 or a valid Date`);
  }
  return kind;
}

interface CompiledRule {
  index: number;
  rule: FaultRule;
  methods: Set<string> | undefined;
  kinds: FaultKind[];
  next: number;
}

function compile(rules: readonly FaultRule[]): CompiledRule[] {
  if (!Array.isArray(rules)) throw new TypeError("faults: expected an array of rules");
  return (rules as readonly FaultRule[]).map((rule, index): CompiledRule => {
    const where = `faults[${index}]${rule?.name ? ` (${rule.name})` : ""}`;
    if (typeof rule !== "object" || rule === null) throw new TypeError(`${where}: not a rule`);
    if (
      !(rule.path instanceof RegExp) &&
      !(typeof rule.path === "string" && rule.path[0] === "/")
    ) {
      throw new TypeError(`${where}: path is a string starting with "/" or a RegExp`);
    }
    const steps: readonly FaultStep[] = rule.steps;
    if (!Array.isArray(steps) || steps.length === 0) {
      throw new TypeError(`${where}: steps is a non-empty array`);
    }
    const kinds = steps.map((step, i) => validateStep(step, `${where}.steps[${i}]`));
    const methods =
      rule.method === undefined
        ? undefined
        : new Set<string>(
            (typeof rule.method === "string" ? [rule.method] : rule.method).map(upper),
          );
    return { index, rule, methods, kinds, next: 0 };
  });
}

const upper = (method: string) => method.toUpperCase();

/** The path relative to `/api/v1`, or undefined for a path outside it. */
function apiPath(pathname: string): string | undefined {
  if (pathname === API_PREFIX) return "/";
  return pathname.startsWith(`${API_PREFIX}/`) ? pathname.slice(API_PREFIX.length) : undefined;
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (typeof pattern === "string") {
    const wanted = pattern.startsWith(`${API_PREFIX}/`)
      ? pattern.slice(API_PREFIX.length)
      : pattern;
    return wanted === path;
  }
  pattern.lastIndex = 0;
  return pattern.test(path);
}

/** What `@hono/node-server` hands the app as `c.env` (typed locally: the app imports no Node API). */
interface NodeBindings {
  incoming?: { socket?: { destroyed?: boolean; destroy(): void } };
  outgoing?: {
    headersSent?: boolean;
    writeHead(status: number, headers: Record<string, string | number>): unknown;
    write(chunk: Uint8Array, callback: (error?: Error | null) => void): boolean;
  };
}

/** Tells `@hono/node-server` that the response was written (or abandoned) on the socket itself. */
function alreadySent(): Response {
  return new Response(null, { headers: { "x-hono-already-sent": "true" } });
}

function nodeBindings(c: Context<MockEnv>): Required<NodeBindings> | undefined {
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket && env.outgoing ? (env as Required<NodeBindings>) : undefined;
}

const jsonHeaders = { "Content-Type": "application/json" };

/**
 * The fault state of one mock: the rules, how far each has got, and the log of
 * applied faults. `createMockApp` installs `middleware` only when it is given one.
 */
export class FaultInjector {
  #rules: CompiledRule[];
  readonly #log: FaultHit[] = [];
  /** Ends every pending wait (hangs and delays). */
  readonly #pending = new Set<() => void>();
  #disposed = false;

  constructor(rules: readonly FaultRule[] = []) {
    this.#rules = compile(rules);
  }

  /** Every fault applied since the last `setFaults`, oldest first. */
  get log(): readonly FaultHit[] {
    return this.#log;
  }

  /** Replaces the rules (their steps start over) and empties the log. */
  setFaults(rules: readonly FaultRule[]): void {
    const compiled = compile(rules);
    this.#rules = compiled;
    this.#log.length = 0;
  }

  /** Ends every hang and delay now, and any started later at once: call it when the server closes. */
  dispose(): void {
    this.#disposed = true;
    for (const end of [...this.#pending]) end();
  }

  /** The next step for this request, consuming it. */
  #take(method: string, path: string): { step: FaultStep; hit: FaultHit } | undefined {
    for (const compiled of this.#rules) {
      const { rule } = compiled;
      if (compiled.methods && !compiled.methods.has(method)) continue;
      if (!pathMatches(rule.path, path)) continue;
      let index: number;
      if (compiled.next < rule.steps.length) index = compiled.next++;
      else if (rule.repeat) index = rule.steps.length - 1;
      else continue;
      const hit: FaultHit = {
        rule: compiled.index,
        ...(rule.name !== undefined ? { name: rule.name } : {}),
        step: index,
        kind: compiled.kinds[index]!,
        method,
        path,
        at: Date.now(),
      };
      return { step: rule.steps[index]!, hit };
    }
    return undefined;
  }

  /** Resolves after `ms` (never when undefined), when `signal` aborts, or on dispose. */
  #wait(ms: number | undefined, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      if (this.#disposed || signal?.aborted) {
        resolve();
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const end = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", end);
        this.#pending.delete(end);
        resolve();
      };
      this.#pending.add(end);
      signal?.addEventListener("abort", end, { once: true });
      if (ms !== undefined) timer = setTimeout(end, ms);
    });
  }

  readonly middleware: MiddlewareHandler<MockEnv> = async (c, next) => {
    const path = apiPath(new URL(c.req.url).pathname);
    if (path === undefined) return next();
    const taken = this.#take(upper(c.req.method), path);
    if (!taken) return next();
    this.#log.push(taken.hit);
    return this.#apply(c, next, taken.step, taken.hit.kind);
  };

  async #apply(
    c: Context<MockEnv>,
    next: Next,
    step: FaultStep,
    kind: FaultKind,
  ): Promise<Response | undefined> {
    const s = step as unknown as Record<string, any>;
    switch (kind) {
      case "pass":
        await next();
        return undefined;

      case "status":
        return statusResponse(step as StatusFault);

      case "delay":
        await this.#wait(s.delayMs, c.req.raw.signal);
        await next();
        return undefined;

      case "hang": {
        await this.#wait(undefined, c.req.raw.signal);
        const node = nodeBindings(c);
        if (!node) return new Response(null, { status: 503 });
        if (!node.incoming.socket?.destroyed) node.incoming.socket?.destroy();
        return alreadySent();
      }

      case "drop":
        return s.drop === "mid-body" ? dropMidBody(c, next) : dropBeforeResponse(c);

      case "truncate": {
        await next();
        const bytes = new Uint8Array(await c.res.arrayBuffer());
        const half = bytes.slice(0, Math.floor(bytes.length / 2));
        return replaceResponse(c, half, c.res.status, c.res.headers);
      }

      case "html": {
        const status = s.status ?? 502;
        return new Response(htmlErrorPage(status), {
          status,
          headers: { "Content-Type": "text/html; charset=utf-8" },
        });
      }

      case "contentType": {
        await next();
        const body = s.body ?? (await c.res.text());
        const headers = new Headers(c.res.headers);
        headers.set("Content-Type", s.contentType);
        return replaceResponse(c, body, s.status ?? c.res.status, headers);
      }

      case "empty":
        return new Response("", { status: s.status ?? 200, headers: jsonHeaders });

      case "wrongVersion": {
        const asked = c.get("apiVersion");
        c.set("apiVersion", s.wrongVersion);
        try {
          await next();
        } finally {
          // The outer middleware labels the response with the version asked for.
          c.set("apiVersion", asked);
        }
        return undefined;
      }

      case "bodyBytes":
        return paddedBody(s.bodyBytes, s.contentLength === true);

      case "redirect":
        return new Response(null, {
          status: s.redirect.status ?? 302,
          headers: { Location: s.redirect.location },
        });
    }
  }
}

/** Swaps the route's response for a new one, without Hono carrying the old headers over. */
function replaceResponse(
  c: Context<MockEnv>,
  body: BodyInit,
  status: number,
  from: Headers,
): undefined {
  const headers = new Headers(from);
  headers.delete("Content-Length");
  headers.delete("Transfer-Encoding");
  c.res = undefined;
  c.res = new Response(body, { status, headers });
  return undefined;
}

function statusResponse(step: StatusFault): Response {
  const headers = new Headers(step.headers);
  if (step.retryAfter !== undefined) {
    headers.set(
      "Retry-After",
      step.retryAfter instanceof Date
        ? step.retryAfter.toUTCString()
        : String(Math.ceil(step.retryAfter)),
    );
  }
  let body: string;
  if (typeof step.body === "string") {
    body = step.body;
    if (!headers.has("Content-Type")) headers.set("Content-Type", "text/plain; charset=utf-8");
  } else {
    body = JSON.stringify(step.body === undefined ? { detail: reason(step.status) } : step.body);
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  }
  return new Response(body, { status: step.status, headers });
}

function htmlErrorPage(status: number): string {
  const title = `${status} ${reason(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function paddedBody(total: number, withLength: boolean): Response {
  const encoder = new TextEncoder();
  const head = encoder.encode('{"padding":"');
  const tail = encoder.encode('"}');
  const fill = new Uint8Array(CHUNK_BYTES).fill(0x61); // "a"
  let padding = total - head.length - tail.length;
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        return;
      }
      if (padding > 0) {
        const size = Math.min(padding, CHUNK_BYTES);
        padding -= size;
        controller.enqueue(size === CHUNK_BYTES ? fill.slice() : fill.slice(0, size));
        return;
      }
      controller.enqueue(tail);
      controller.close();
    },
  });
  const headers: Record<string, string> = { ...jsonHeaders };
  if (withLength) headers["Content-Length"] = String(total);
  return new Response(stream, { status: 200, headers });
}

function notOnNode(): Response {
  return new Response(
    JSON.stringify({ detail: "mock fault: drop needs the Node server (startMockApi)" }),
    { status: 500, headers: jsonHeaders },
  );
}

function dropBeforeResponse(c: Context<MockEnv>): Response {
  const node = nodeBindings(c);
  if (!node) return notOnNode();
  node.incoming.socket?.destroy();
  return alreadySent();
}

async function dropMidBody(c: Context<MockEnv>, next: Next): Promise<Response> {
  const node = nodeBindings(c);
  if (!node) return notOnNode();
  await next();
  const bytes = new Uint8Array(await c.res.arrayBuffer());
  const headers: Record<string, string | number> = {};
  c.res.headers.forEach((value, key) => {
    if (key !== "content-length" && key !== "transfer-encoding") headers[key] = value;
  });
  headers["content-length"] = bytes.length;
  const socket = node.incoming.socket!;
  if (!socket.destroyed) {
    node.outgoing.writeHead(c.res.status, headers);
    // The callback runs once the half is handed to the kernel: the client gets it before the close.
    await new Promise<void>((resolve) => {
      node.outgoing.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => resolve());
    });
    socket.destroy();
  }
  // The route ran, so the context is finalized: a returned response would be ignored.
  c.res = undefined;
  c.res = alreadySent();
  return c.res;
}
