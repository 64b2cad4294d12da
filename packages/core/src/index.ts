export type {
  Action,
  ActionOutput,
  ActionResponse,
  ActionTypes,
  BoundAction,
  BoundActions,
  CallOptions,
  NoArgs,
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
export {
  CvmStateWatchError,
  CvmStateWatchTimeoutError,
  MaxRetriesExceededError,
  WatchAbortedError,
} from "./actions/internal/watch-errors";
export { APIPromise, type WithResponse } from "./api-promise";
export type {
  ActionRecord,
  AnyClient,
  BaseClient,
  Client,
  ClientConfig,
  RawRequest,
} from "./client";
export { createBaseClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, isLoopbackHost } from "./client";
export {
  type ClientEventListener,
  type ClientEventMap,
  type ClientEventMethods,
  type ClientEventName,
  type ClientWildcardListener,
  clientEvents,
} from "./client-events";
export {
  type AllActions,
  allActions,
  createClient,
  type PhalaCloudClient,
  type RuntimeClients,
  type RuntimePreset,
  withRuntime,
} from "./create-client";
export { type CvmIdInput, normalizeCvmId } from "./cvm-id";
export * from "./error-compat";
export * from "./errors";
export * from "./helpers";
export type {
  ClientHooks,
  DeprecationEvent,
  DeprecationNotice,
  Hook,
  RequestEvent,
} from "./hooks";
export type { Logger, LogLevel } from "./logger";
export * from "./onchain";
export * from "./paginate";
export { isComposeHashRegistrationRequired } from "./registration";
export {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_TIME_MS,
  MAX_RETRY_AFTER_MS,
  type RetryReason,
} from "./retry";
export { ApiKey, redactApiKey } from "./secret";
export type { FetchLike, HttpMethod, QueryParams } from "./transport/types";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./transport/types";
export * from "./versions";
