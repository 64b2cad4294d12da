import * as zodCore from "@phala/cloud-core";
import * as zodActions from "@phala/cloud-core/actions";
import * as valibotCore from "@phala/cloud-core/valibot";
import * as valibotActions from "@phala/cloud-core/valibot/actions";

// Runs the SDK's real actions against a fetch that records the request and
// answers what the test gives it: the request is checked against the contract,
// the answer is what the SDK must accept.

const CONTRACT_BASE_URL = "https://api.contract.test/api/v1";
const CONTRACT_API_KEY = "phak_contract_test_key";

export type Flavour = "zod" | "valibot";

export interface CapturedRequest {
  method: string;
  /** Relative to `/api/v1`, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The body as sent: text for JSON and text uploads, undefined when none. */
  bodyText: string | undefined;
}

interface CannedResponse {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON (a text file). */
  text?: string;
  contentType?: string;
}

type AnyAction = ((client: unknown, args?: unknown, options?: unknown) => Promise<unknown>) & {
  actionName: string;
};

const flavours = {
  zod: { core: zodCore, actions: zodActions as unknown as Record<string, unknown> },
  valibot: { core: valibotCore, actions: valibotActions as unknown as Record<string, unknown> },
};

/** The SSE watch: an action of its own kind (no `actionName`), checked like the others. */
function watchAction(flavour: Flavour): AnyAction {
  const watch = flavours[flavour].actions.watchCvmState as AnyAction;
  return Object.assign(
    (client: unknown, args?: unknown, options?: unknown) => watch(client, args, options),
    { actionName: "watchCvmState" },
  );
}

function isAction(value: unknown): value is AnyAction {
  return typeof value === "function" && typeof (value as AnyAction).actionName === "string";
}

/**
 * Every action the SDK exports (the `safe` twins and the SSE watch aside: the
 * twins share their action's request, the watch is checked on its own).
 */
export function actionNames(): string[] {
  return Object.keys(zodActions)
    .filter((name) => isAction((zodActions as Record<string, unknown>)[name]))
    .filter((name) => !name.startsWith("safe") && name !== "watchCvmState")
    .sort();
}

function getAction(flavour: Flavour, name: string): AnyAction {
  const action = name === "watchCvmState" ? watchAction(flavour) : flavours[flavour].actions[name];
  if (!isAction(action)) throw new Error(`${flavour}: no action ${name}`);
  return action;
}

function toResponse(canned: CannedResponse): Response {
  if (canned.status === 204 || canned.status === 205 || canned.status === 304) {
    return new Response(null, { status: canned.status });
  }
  if (canned.text !== undefined || canned.contentType === "text/event-stream") {
    return new Response(canned.text, {
      status: canned.status,
      headers: { "content-type": canned.contentType ?? "text/plain; charset=utf-8" },
    });
  }
  return new Response(JSON.stringify(canned.body ?? null), {
    status: canned.status,
    headers: { "content-type": canned.contentType ?? "application/json" },
  });
}

interface ActionRun {
  requests: CapturedRequest[];
  ok: boolean;
  data?: unknown;
  error?: unknown;
}

/**
 * Calls one action with a client of `version` whose fetch records each request
 * and answers `respond(request)`. No retries: one request per call.
 */
export async function runAction(options: {
  flavour: Flavour;
  action: string;
  args: unknown;
  version: string;
  respond: (request: CapturedRequest) => CannedResponse;
  callOptions?: Record<string, unknown>;
}): Promise<ActionRun> {
  const requests: CapturedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? await request.text() : undefined;
    const captured: CapturedRequest = {
      method: request.method,
      path: url.pathname.replace(/^\/api\/v1/, ""),
      query: url.searchParams,
      headers: request.headers,
      bodyText: body,
    };
    requests.push(captured);
    return toResponse(options.respond(captured));
  };
  const { core } = flavours[options.flavour];
  const client = core.createBaseClient({
    apiKey: CONTRACT_API_KEY,
    baseURL: CONTRACT_BASE_URL,
    version: options.version as never,
    fetch,
    maxRetries: 0,
    logLevel: "off",
  });
  const action = getAction(options.flavour, options.action);
  try {
    const data = await action(client, options.args, { ...options.callOptions });
    return { requests, ok: true, data };
  } catch (error) {
    return { requests, ok: false, error };
  }
}
