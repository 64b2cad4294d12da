export type {
  Action,
  ActionOutput,
  ActionRecord,
  ActionResponse,
  ActionTypes,
  BoundAction,
  BoundActions,
  CallOptions,
  NoCallOptions,
  RequestPlan,
  SafeResult,
  SameInEveryVersion,
  VersionedResponses,
  VersionTable,
} from "./action";
export {
  defineAction,
  defineVersionedAction,
  invalidArguments,
  requireString,
  safe,
} from "./action";
export * from "./actions";
export { CvmStateWatchError, CvmStateWatchTimeoutError } from "./actions/watch/errors";
export type { AnyClient, BaseClient, Client, ClientConfig, RawRequest } from "./client";
export { createBaseClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from "./client";
export { type CvmIdInput, normalizeCvmId } from "./cvm-id";
export * from "./errors";
export * from "./helpers";
export * from "./paginate";
export { isComposeHashRegistrationRequired } from "./registration";
export { ApiKey, redactApiKey } from "./secret";
export type { FetchLike, HttpMethod, QueryParams } from "./transport";
export * from "./versions";
