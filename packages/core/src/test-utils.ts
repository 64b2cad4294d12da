/**
 * Test helpers: a fake fetch that records each call, and realistic response
 * bodies for every version-aware endpoint in both API versions. Not exported
 * from the package entry points.
 */
import type { CallOptions } from "./action";
import {
  getAppCvms,
  getAppInfo,
  getAppList,
  getCurrentUser,
  getCvmInfo,
  getCvmList,
  safeGetAppCvms,
  safeGetAppInfo,
  safeGetAppList,
  safeGetCurrentUser,
  safeGetCvmInfo,
  safeGetCvmList,
} from "./actions";
import type { AnyClient } from "./client";
import type { FetchLike } from "./transport";

export interface RecordedCall {
  url: string;
  method: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The parsed JSON request body, the raw text when not JSON, undefined when none. */
  body: unknown;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect | undefined;
}

export interface FakeReply {
  status?: number;
  /** Serialised as JSON unless `raw` is given. */
  body?: unknown;
  /** Sent as is (null: no body). */
  raw?: string | null;
  headers?: Record<string, string>;
}

export type Responder = (
  call: RecordedCall,
  index: number,
) => FakeReply | Response | Promise<FakeReply | Response>;

export function headersToObject(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function toResponse(reply: FakeReply): Response {
  const status = reply.status ?? 200;
  if (reply.raw !== undefined) {
    return new Response(reply.raw, { status, headers: reply.headers });
  }
  if (reply.body === undefined) return new Response(null, { status, headers: reply.headers });
  return new Response(JSON.stringify(reply.body), {
    status,
    headers: { "content-type": "application/json", ...reply.headers },
  });
}

export interface FakeFetch {
  fetch: FetchLike;
  calls: RecordedCall[];
}

/** A fetch that records every call and answers with `reply` (or what `reply` returns). */
export function fakeFetch(reply: FakeReply | Responder = { body: {} }): FakeFetch {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    let body: unknown;
    if (typeof init.body === "string") {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? "GET",
      headers: headersToObject(init.headers),
      body,
      signal: init.signal ?? undefined,
      redirect: init.redirect,
    };
    calls.push(call);
    const answer = typeof reply === "function" ? await reply(call, calls.length - 1) : reply;
    return answer instanceof Response ? answer : toResponse(answer);
  };
  return { fetch, calls };
}

/** A fetch that waits until its signal aborts, then rejects like a real fetch. */
export function hangingFetch(): FakeFetch {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = (input, init) => {
    calls.push({
      url: String(input),
      method: init.method ?? "GET",
      headers: headersToObject(init.headers),
      body: init.body,
      signal: init.signal ?? undefined,
      redirect: init.redirect,
    });
    return new Promise<Response>((_resolve, reject) => {
      const signal = init.signal;
      if (!signal) return;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  };
  return { fetch, calls };
}

/**
 * Records the "abort" listeners added to and removed from a signal, so a test
 * can prove none is left behind.
 */
export function trackAbortListeners(signal: AbortSignal) {
  const live = new Set<unknown>();
  let added = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: any, options?: any) => {
    if (type === "abort") {
      live.add(listener);
      added++;
    }
    return add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: any, options?: any) => {
    if (type === "abort") live.delete(listener);
    return remove(type, listener, options);
  }) as typeof signal.removeEventListener;
  return {
    get added() {
      return added;
    },
    get live() {
      return live.size;
    },
  };
}

export const TEST_BASE_URL = "https://api.phala.test/api/v1";
export const TEST_API_KEY = "phak_TOPSECRETk3y0123456789wxyz";

// --- Fixtures: the schemas package's test data, one copy for every package's tests ---

export {
  APP_HEX,
  appListV20251028,
  appListV20260121,
  appV20251028,
  appV20260121,
  currentUserV20251028,
  currentUserV20260121,
  cvmBasicV20251028,
  cvmDetailV20251028,
  cvmDetailV20260121,
  cvmListV20251028,
  cvmListV20260121,
  cvmV20251028,
  cvmV20260121,
  INSTANCE_HEX,
  minimalAppV20260121,
  VM_UUID,
} from "../../schemas/src/fixtures.test-support";

import { APP_HEX, validBodies as bodiesByVersion } from "../../schemas/src/fixtures.test-support";

/**
 * The six endpoints' valid bodies for every known version: 2026-05-22 and
 * 2026-06-23 answer them as 2026-01-21 does (a CVM's `id` was already a hashid).
 */
export const validBodies = {
  ...bodiesByVersion,
  "2026-05-22": bodiesByVersion["2026-01-21"],
  "2026-06-23": bodiesByVersion["2026-01-21"],
} as const;

export type EndpointName = keyof (typeof validBodies)["2026-01-21"];

export interface ActionCase {
  name: EndpointName;
  method: "GET";
  /** The path after the base URL, query excluded. */
  path: string;
  call: (client: AnyClient, options?: CallOptions) => Promise<unknown>;
  safeCall: (client: AnyClient, options?: CallOptions) => Promise<unknown>;
}

/** Each of the six actions called with simple valid arguments. */
export const actionCases: readonly ActionCase[] = [
  {
    name: "getCurrentUser",
    method: "GET",
    path: "/auth/me",
    call: (client, options) => getCurrentUser(client, {}, options),
    safeCall: (client, options) => safeGetCurrentUser(client, {}, options),
  },
  {
    name: "getCvmList",
    method: "GET",
    path: "/cvms/paginated",
    call: (client, options) => getCvmList(client, {}, options),
    safeCall: (client, options) => safeGetCvmList(client, {}, options),
  },
  {
    name: "getCvmInfo",
    method: "GET",
    path: "/cvms/cvm_9xK2mQ7tLp",
    call: (client, options) => getCvmInfo(client, { id: "cvm_9xK2mQ7tLp" }, options),
    safeCall: (client, options) => safeGetCvmInfo(client, { id: "cvm_9xK2mQ7tLp" }, options),
  },
  {
    name: "getAppList",
    method: "GET",
    path: "/apps",
    call: (client, options) => getAppList(client, {}, options),
    safeCall: (client, options) => safeGetAppList(client, {}, options),
  },
  {
    name: "getAppInfo",
    method: "GET",
    path: `/apps/${APP_HEX}`,
    call: (client, options) => getAppInfo(client, { appId: APP_HEX }, options),
    safeCall: (client, options) => safeGetAppInfo(client, { appId: APP_HEX }, options),
  },
  {
    name: "getAppCvms",
    method: "GET",
    path: `/apps/${APP_HEX}/cvms`,
    call: (client, options) => getAppCvms(client, { appId: APP_HEX }, options),
    safeCall: (client, options) => safeGetAppCvms(client, { appId: APP_HEX }, options),
  },
];
