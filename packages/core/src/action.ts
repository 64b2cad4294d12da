import type { ResponseMap, ResponseSchemasFor, VersionedEndpoint } from "@phala/cloud-schemas";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { APIPromise, type WithResponse } from "./api-promise";
import { type AnyClient, getClientState, type RawRequest } from "./client-state";
import {
  PhalaCloudError,
  RequestValidationError,
  ResponseValidationError,
  UnsupportedApiVersionError,
  type ValidationIssue,
} from "./errors";
import { bodyExcerpt, scrubValue } from "./secret";
import {
  type HttpMethod,
  type QueryParams,
  sendRequest,
  type TransportResponse,
  type TransportState,
} from "./transport";
import {
  type ApiVersion,
  type KnownApiVersion,
  type ResolveApiVersion,
  resolveApiVersion,
} from "./versions";

/** Options every action takes as its last argument. */
export interface CallOptions {
  /** Send this version for this call alone; the result is typed by it. */
  version?: ApiVersion;
  /** `false`: return the body unvalidated (`unknown`); a Standard Schema: validate with it instead. */
  schema?: false | StandardSchemaV1;
  signal?: AbortSignal;
  /** Milliseconds per attempt before it fails with `APIConnectionTimeoutError`. */
  timeout?: number;
  /** Extra headers for this call. `X-Phala-Version` and `X-API-Key` are the SDK's own. */
  headers?: Record<string, string>;
  /** Retries after the first attempt for this call; `0` turns them off. Default: the client's (2). */
  maxRetries?: number;
  /** Milliseconds all attempts and waits of this call may take. Default: the client's (60000). */
  maxRetryTime?: number;
  /**
   * Retry this POST or PATCH like a GET: only when repeating it is safe (the
   * endpoint is idempotent, or the call carries its own idempotency guard).
   */
  retryNonIdempotent?: boolean;
  /** Largest response body read, in bytes. Default: the client's (10 MiB). */
  maxResponseBytes?: number;
}

/** The options type of a call that passed none. */
export type NoCallOptions = Record<never, never>;

/** A response type for each known version. */
export type VersionTable = { readonly [V in KnownApiVersion]: unknown };

/**
 * What a `finish` adds when it depends on the answer: an interface extending
 * this whose `result` is written with `this["answer"]` (the usual encoding of a
 * type-level function). It is applied to each branch of each version's answer,
 * so a union gets a field per branch (`patchCvm`'s `requiresOnChainHash: true`
 * beside `precondition_required` only) and a nested object its own (the items
 * of `getKmsList`), in the shape that version answers.
 */
export interface AnswerCompletion {
  readonly answer: unknown;
  readonly result: unknown;
}

/** An answer `R` as `finish` leaves it: `R & Added`, or an `AnswerCompletion` applied to each branch of `R`. */
export type Completed<R, Added> = [Added] extends [AnswerCompletion]
  ? R extends unknown
    ? (Added & { readonly answer: R })["result"]
    : never
  : R & Added;

/**
 * The response types of an endpoint, looked up in the one response map; with
 * `Added`, what an action's `finish` adds to the answer (the values it just set,
 * or an `AnswerCompletion`).
 */
export type VersionedResponses<E extends VersionedEndpoint, Added = unknown> = {
  [V in KnownApiVersion]: Completed<ResponseMap[V][E], Added>;
};

/** What a call returns: the caller's schema wins, then the call's version, then the client's. */
export type ActionOutput<R extends VersionTable, V, O> = O extends { schema: false }
  ? unknown
  : O extends { schema: StandardSchemaV1<any, infer Out> }
    ? Out
    : // No `& KnownApiVersion` here: ResolveApiVersion already yields a known
      // version, and the intersection made bench/types instantiate ~40% more types.
      R[ResolveApiVersion<O extends { version: infer W } ? W : V>];

/**
 * What a `safe*` twin resolves: the data, or the error it did not throw. `E`
 * (default `PhalaCloudError`, the docs' `SafeError`) lets a caller name a
 * narrower error type, as the official SDK's `SafeResult<T, E>` does.
 */
export type SafeResult<T, E = PhalaCloudError> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: E };

/** Type-level description of an action, carried by the action so `extend` can rebind it. */
export interface ActionTypes {
  args: unknown;
  responses: VersionTable;
  optionalArgs: boolean;
  safe: boolean;
}

/** The arguments of an action that takes none: only the options may be given. */
export type NoArgs = Record<string, never>;

type ArgsAndOptions<T extends ActionTypes, O> = T["optionalArgs"] extends true
  ? [T["args"]] extends [NoArgs]
    ? // The options in the arguments' place (`getCurrentUser(client, { schema })`), as the
      // official SDK takes them, or after an empty argument.
      [options?: O] | [args: NoArgs | undefined, options?: O]
    : [args?: T["args"], options?: O]
  : [args: T["args"], options?: O];

/** An action returns an `APIPromise` (`.withResponse()`); its `safe` twin a plain promise. */
export type Settle<T extends ActionTypes, Out> = T["safe"] extends true
  ? Promise<SafeResult<Out>>
  : APIPromise<Out>;

export type Action<T extends ActionTypes> = {
  <C extends AnyClient, const O extends CallOptions = NoCallOptions>(
    client: C,
    ...params: ArgsAndOptions<T, O>
  ): Settle<T, ActionOutput<T["responses"], C["version"], O>>;
  readonly actionName: string;
  /** Phantom: never set at run time. */
  readonly "~types"?: T;
};

/** An action as a method of a client of version V. */
export type BoundAction<T extends ActionTypes, V> = <const O extends CallOptions = NoCallOptions>(
  ...params: ArgsAndOptions<T, O>
) => Settle<T, ActionOutput<T["responses"], V, O>>;

export type { ActionRecord } from "./client-state";

export type BoundActions<A, V> = {
  [K in keyof A]: A[K] extends { readonly "~types"?: infer T extends ActionTypes }
    ? BoundAction<T, V>
    : A[K] extends (client: any, ...rest: infer P) => infer R
      ? (...rest: P) => R
      : never;
};

/** Where and how to send one call, worked out from its arguments. */
export interface RequestPlan {
  method: HttpMethod;
  path: string;
  query?: QueryParams;
  body?: unknown;
  /** Headers this call needs (e.g. `X-Compose-Hash`); the caller's per-call headers add to them. */
  headers?: Record<string, string>;
  /**
   * Non-2xx statuses that are an answer, not a failure, for this endpoint (the
   * API's 465 "register the compose hash on-chain first"). Their bodies go to
   * `shape` like a success.
   */
  acceptStatus?: readonly number[];
}

/** What `shape` sees of a response before validation. */
export interface ActionResponse {
  status: number;
  headers: Headers;
  data: unknown;
}

interface ActionSpecBase<Name extends string, Args, Opt extends boolean> {
  name: Name;
  /** True when the action may be called without arguments. */
  optionalArgs?: Opt;
  /**
   * True when the action takes no arguments at all (`Args` is `NoArgs`): an
   * object in the arguments' place is its options, which `plan` also gets, to
   * refuse with `onlyOptions` whatever is not an option.
   */
  noArgs?: boolean;
  /** Checks the arguments (throw `invalidArguments`) and plans the request. */
  plan: (args: Args) => RequestPlan;
  /**
   * Turns the raw response into the value the schema checks, for endpoints whose
   * answer is more than the body (a 204, a status that carries meaning).
   */
  shape?: (response: ActionResponse) => unknown;
  /**
   * Completes the validated result with what the call itself knows (the values
   * it just set, which the answer does not repeat). Not applied when the caller
   * passes `schema` (`false` or their own): the result is then theirs.
   */
  finish?: (data: any, args: Args) => unknown;
  /**
   * The API documents this POST/PATCH endpoint as safe to repeat: it is retried
   * like a GET. None is marked by default.
   */
  idempotent?: boolean;
}

/** An answer of the endpoint E, in any version. */
type AnyVersionResponse<E extends VersionedEndpoint> = ResponseMap[KnownApiVersion][E];

interface VersionedActionSpec<E extends VersionedEndpoint, Args, Opt extends boolean, Added>
  extends Omit<ActionSpecBase<E, Args, Opt>, "finish"> {
  /** The endpoint's generated table (`<action>ResponseSchemas`): a schema per API version. */
  responses: ResponseSchemasFor<E>;
  /**
   * For an endpoint pinned to another version (`ENDPOINT_VERSION_PINS`), its
   * generated `<action>VersionPins`: the version sent, by client version.
   */
  versionPins?: Readonly<Record<string, string>>;
  /** As `ActionSpecBase.finish`; what it adds to the answer is typed by `Added`. */
  finish?: (data: AnyVersionResponse<E>, args: Args) => Completed<AnyVersionResponse<E>, Added>;
}

interface ActionSpec<Name extends string, Args, Out, Opt extends boolean>
  extends ActionSpecBase<Name, Args, Opt> {
  /** The response schema; the endpoint's shape is the same in every API version. */
  response: StandardSchemaV1<unknown, Out>;
}

/** The same response type in every version. */
export type SameInEveryVersion<T> = { [V in KnownApiVersion]: T };

function issuePath(path: StandardSchemaV1.Issue["path"]): string {
  if (!path) return "";
  return path
    .map((segment) => String(typeof segment === "object" ? segment.key : segment))
    .join(".");
}

type PathSegment = NonNullable<StandardSchemaV1.Issue["path"]>[number];

/**
 * The issues to report. A union that matched no branch is one issue at the
 * union's path; where the validator lists each branch's own issues beside it
 * (an `errors` array per branch, as zod does), the branch that came closest
 * (fewest issues) is reported instead, with full paths: `items.0.cvms.0.vcpu`,
 * not `items.0`.
 */
export function readableIssues(issues: readonly StandardSchemaV1.Issue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const visit = (issue: StandardSchemaV1.Issue, prefix: readonly PathSegment[], depth: number) => {
    const path = [...prefix, ...(issue.path ?? [])];
    const branches = (issue as { errors?: unknown }).errors;
    if (depth < 8 && Array.isArray(branches) && branches.length > 0) {
      let closest: StandardSchemaV1.Issue[] | undefined;
      for (const branch of branches) {
        if (!Array.isArray(branch) || branch.length === 0) continue;
        if (!closest || branch.length < closest.length) closest = branch;
      }
      if (closest) {
        for (const inner of closest) visit(inner, path, depth + 1);
        return;
      }
    }
    out.push({ path: issuePath(path), message: issue.message });
  };
  for (const issue of issues) visit(issue, [], 0);
  return out;
}

interface ValidationContext {
  endpoint: string | undefined;
  method: string;
  path: string;
  apiVersion: string;
  status: number;
  requestId: string | undefined;
}

async function validateResponse(
  schema: StandardSchemaV1,
  value: unknown,
  response: TransportResponse,
  state: TransportState,
  context: ValidationContext,
): Promise<unknown> {
  const fail = (issues: ValidationIssue[]): never => {
    throw new ResponseValidationError({
      ...context,
      body: scrubValue(value, state.apiKey),
      bodyExcerpt: bodyExcerpt(response.text, state.apiKey),
      issues,
    });
  };
  // The transport judged the body when it read it: broken JSON, or a type nobody asked for.
  if (response.problem) fail([{ path: "", message: response.problem }]);
  let result = schema["~standard"].validate(value);
  if (result instanceof Promise) result = await result;
  if (result.issues) {
    // An empty body where the schema wants one says more than "expected object".
    if (response.text.length === 0 && response.status !== 204) {
      fail([{ path: "", message: "empty body" }]);
    }
    fail(readableIssues(result.issues));
  }
  return (result as StandardSchemaV1.SuccessResult<unknown>).value;
}

/** Throws the typed error for wrong arguments; nothing has been sent yet. */
export function invalidArguments(endpoint: string, issues: ValidationIssue[]): never {
  throw new RequestValidationError({ endpoint, issues });
}

/** Reads one required, non-empty string argument. */
export function requireString(endpoint: string, args: unknown, key: string): string {
  const value =
    typeof args === "object" && args !== null ? (args as Record<string, unknown>)[key] : undefined;
  if (typeof value !== "string" || value.trim() === "") {
    invalidArguments(endpoint, [{ path: key, message: "expected a non-empty string" }]);
  }
  return value;
}

function createRunner<Args>(
  // No name for a raw request: its errors name the method and path instead.
  spec: Omit<ActionSpecBase<string, Args, boolean>, "name"> & { name?: string },
  schemaFor: (version: KnownApiVersion) => StandardSchemaV1 | undefined,
  /** The version sent for a call of `version` (an endpoint pinned to another one). */
  sendVersion: (version: KnownApiVersion) => KnownApiVersion = (version) => version,
) {
  const run = async (
    client: AnyClient,
    args: Args | undefined,
    options: CallOptions,
  ): Promise<WithResponse<unknown>> => {
    const state = getClientState(client);
    // `LATEST` stands for the newest version: its date is sent and its schema used.
    const schemaVersion = resolveApiVersion(options.version ?? client.version);
    // What goes in `X-Phala-Version`, and what errors and hooks report. The
    // schema stays the call's version's: its table entry already describes what
    // a pinned endpoint answers.
    const wireVersion = sendVersion(schemaVersion);
    const plan = spec.plan((args ?? {}) as Args);
    // Chosen before sending: a version this build has no schema for fails here, not after the call.
    const schema =
      options.schema === false
        ? undefined
        : (options.schema ?? (state.validateResponses ? schemaFor(schemaVersion) : undefined));
    // Every field named (no spread): one object shape for every call.
    const response = await sendRequest(state, {
      method: plan.method,
      path: plan.path,
      query: plan.query,
      body: plan.body,
      acceptStatus: plan.acceptStatus,
      apiVersion: wireVersion,
      endpoint: spec.name,
      headers:
        plan.headers && options.headers
          ? { ...plan.headers, ...options.headers }
          : (options.headers ?? plan.headers),
      signal: options.signal,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
      maxRetryTime: options.maxRetryTime,
      retryNonIdempotent: options.retryNonIdempotent ?? spec.idempotent,
      maxResponseBytes: options.maxResponseBytes,
    });
    const value = spec.shape ? spec.shape(response) : response.data;
    const checked = schema
      ? await validateResponse(schema, value, response, state, {
          endpoint: spec.name,
          method: plan.method,
          path: plan.path,
          apiVersion: wireVersion,
          status: response.status,
          requestId: response.requestId,
        })
      : value;
    const data =
      spec.finish && options.schema === undefined
        ? spec.finish(checked, (args ?? {}) as Args)
        : checked;
    return { data, response: response.response, requestId: response.requestId };
  };
  return (client: AnyClient, args?: Args, options?: CallOptions) =>
    // An action without arguments takes its options in their place; its plan
    // (`onlyOptions`) refuses whatever is not an option.
    new APIPromise(
      run(client, args, (spec.noArgs && options === undefined ? args : options) ?? {}),
    );
}

/** A bundle built for one API version (`__PHALA_CLOUD_API_VERSION__`) has no schema for the others. */
function versionLeftOut(
  endpoint: string,
  version: string,
  responses: Partial<Record<string, StandardSchemaV1>>,
): never {
  const kept = Object.keys(responses).filter((key) => responses[key] !== undefined);
  throw new UnsupportedApiVersionError(version, kept, { endpoint });
}

/**
 * A standalone action for an endpoint of the API: `fn(client, args?, options?)`.
 * It sends the client's version (or the call's; `LATEST` as the newest date),
 * validates the body with that version's entry of the endpoint's table (or the
 * caller's schema), and is typed by the same version. An endpoint that a later
 * version gave another meaning (or that exists only from a later version) is
 * pinned: its request sends the version `endpointWireVersion` names, and its
 * table maps each client version to what that pinned request answers.
 *
 * `Added` types what `finish` adds to every version's answer (an
 * `AnswerCompletion` when that depends on the answer's branch); give it (with
 * the other type arguments) only for an action that has a `finish`.
 */
export function defineVersionedAction<
  E extends VersionedEndpoint,
  Args,
  Opt extends boolean = false,
  Added = unknown,
>(
  spec: VersionedActionSpec<E, Args, Opt, Added>,
): Action<{
  args: Args;
  responses: VersionedResponses<E, Added>;
  optionalArgs: Opt;
  safe: false;
}> {
  const run = createRunner(
    spec,
    (version) => spec.responses[version] ?? versionLeftOut(spec.name, version, spec.responses),
    // The version the request sends: the client's, except where a later version
    // gave the endpoint's path another meaning and the action keeps the one it was
    // written for (`getKmsList` sends 2026-05-22 from a 2026-06-23 client), or
    // where the endpoint exists only from a later version (`listKmsContracts`
    // always sends 2026-06-23): its entry of `ENDPOINT_VERSION_PINS`.
    (version) => (spec.versionPins?.[version] ?? version) as KnownApiVersion,
  );
  return Object.assign(run, { actionName: spec.name }) as never;
}

/**
 * A standalone action for an endpoint whose shape does not depend on the API
 * version. It still sends `X-Phala-Version` and takes the same options.
 */
export function defineAction<Name extends string, Args, Out, Opt extends boolean = false>(
  spec: ActionSpec<Name, Args, Out, Opt>,
): Action<{ args: Args; responses: SameInEveryVersion<Out>; optionalArgs: Opt; safe: false }> {
  const run = createRunner(spec, () => spec.response);
  return Object.assign(run, { actionName: spec.name }) as never;
}

/**
 * `client.request(request)`: the action pipeline with the plan taken from the
 * request and no schema. The request is its own options (version, headers, signal...).
 */
export const sendRawRequest = /* @__PURE__ */ createRunner<RawRequest>(
  {
    plan: (request) => ({
      method: request.method ?? "GET",
      path: request.path,
      query: request.query,
      body: request.body,
    }),
  },
  () => undefined,
);

/** What a `safe` twin resolves as its error: the SDK's own, or anything else wrapped in one. */
export function toPhalaCloudError(error: unknown, endpoint: string): PhalaCloudError {
  if (error instanceof PhalaCloudError) return error;
  return new PhalaCloudError(
    `Unexpected error in ${endpoint}: ${error instanceof Error ? error.message : String(error)}`,
    { endpoint, cause: error },
  );
}

/** The `safe` twin of an action: never throws, resolves `{ success, data | error }`. */
export function safe<T extends ActionTypes>(
  action: Action<T>,
): Action<Omit<T, "safe"> & { safe: true }> {
  const name = `safe${action.actionName[0]?.toUpperCase()}${action.actionName.slice(1)}`;
  const run = async (client: AnyClient, ...params: unknown[]) => {
    try {
      const data = await (action as unknown as (...a: unknown[]) => Promise<unknown>)(
        client,
        ...params,
      );
      return { success: true, data };
    } catch (error) {
      return { success: false, error: toPhalaCloudError(error, action.actionName) };
    }
  };
  return Object.assign(run, { actionName: name }) as never;
}
