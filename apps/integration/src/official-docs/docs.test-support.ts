// Shared by the tests of Phala's official JS SDK reference (one file per page of
// `phala-cloud/references/cloud-js-sdk/`, see docs/official-docs.md): one mock
// per file, its answers checked against the API contract, and the environment a
// docs reader's `createClient()` reads pointed at it.
import {
  AuthError,
  BusinessError,
  RequestError,
  ResourceError,
  ServerError,
  UnknownError,
  ValidationError,
} from "@phala/cloud";
import {
  type RunningMockApi,
  SEED,
  type StartMockApiOptions,
  startMockApi,
} from "@phala/cloud-mock-api";
import { afterAll, beforeAll, beforeEach, expect, vi } from "vitest";
import { contractCheck, type SentRequest, suiteName } from "../harness";

export { SEED };

/** The mock of one test file, the requests it received in the current test, and its URL. */
export interface DocsMock {
  /** The running mock (its `state` and `setFaults`); set once `beforeAll` has run. */
  readonly api: RunningMockApi;
  /** The base URL, ending in `/api/v1`. */
  readonly url: string;
  /** The requests of the current test, in order. */
  readonly sent: SentRequest[];
}

/**
 * Starts the mock API for a test file (faults enabled with no rule, so a test
 * can script one) and checks each of its answers against the contract. Before
 * each test, `PHALA_CLOUD_API_PREFIX` points at it and `PHALA_CLOUD_API_KEY`
 * holds the demo key: a bare `createClient()` reaches it as the docs' does.
 */
export function useDocsMock(options: StartMockApiOptions = {}): DocsMock {
  const sent: SentRequest[] = [];
  const contract = contractCheck();
  let api: RunningMockApi | undefined;
  let file = "";

  beforeAll(async () => {
    file = expect.getState().testPath ?? "";
    api = await startMockApi({
      faults: [],
      ...options,
      onRequest: (request) => sent.push(request),
      onResponse: contract.onResponse,
    });
  });
  afterAll(async () => {
    await api?.close();
    contract.verify(`official-docs-${suiteName(file)}`);
  });
  beforeEach(() => {
    sent.length = 0;
    api?.setFaults([]);
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", api?.url ?? "");
    vi.stubEnv("PHALA_CLOUD_API_KEY", SEED.apiKeys.demo);
    return () => {
      vi.unstubAllEnvs();
    };
  });

  return {
    get api() {
      if (!api) throw new Error("the mock starts in beforeAll");
      return api;
    },
    get url() {
      return this.api.url;
    },
    sent,
  };
}

/** The path (under `/api/v1`) and query of a request the mock received. */
export function pathOf(request: SentRequest | undefined): string {
  if (!request) throw new Error("no request was sent");
  const url = new URL(request.url);
  return `${url.pathname.replace(/^\/api\/v1/, "")}${url.search}`;
}

/** What the promise rejected with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject");
}

const DOCUMENTED_CATEGORIES = {
  RequestError,
  ValidationError,
  AuthError,
  BusinessError,
  ResourceError,
  ServerError,
  UnknownError,
} as const;

export type DocumentedCategory = keyof typeof DOCUMENTED_CATEGORIES;

/**
 * The error classes of the docs' error-handling page the error is an
 * `instanceof`, in the page's order (RequestError, ValidationError, AuthError,
 * BusinessError, ResourceError, ServerError, UnknownError).
 */
export function categoriesOf(error: unknown): DocumentedCategory[] {
  return (Object.keys(DOCUMENTED_CATEGORIES) as DocumentedCategory[]).filter(
    (name) => error instanceof DOCUMENTED_CATEGORIES[name],
  );
}

/** A compose file of one service, for provisions. */
export function composeOf(image: string, port = 8080): string {
  return `services:\n  app:\n    image: ${image}\n    ports:\n      - "${port}:${port}"\n`;
}

/** One request as the SDK handed it to fetch. */
export interface FetchedRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The body, parsed when it is JSON. */
  body: unknown;
}

/**
 * A fetch for `createClient({ fetch })` that records what the SDK sends (the
 * mock's request log has no bodies), then sends it unchanged.
 */
export function recordingFetch() {
  const requests: FetchedRequest[] = [];
  const fetchAndRecord = (input: string, init: RequestInit): Promise<Response> => {
    const raw = init.body;
    let body: unknown = raw ?? undefined;
    if (typeof raw === "string") {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    requests.push({
      method: init.method ?? "GET",
      url: input,
      headers: new Headers(init.headers),
      body,
    });
    return fetch(input, init);
  };
  return { fetch: fetchAndRecord, requests };
}
