export { API_BASE_PATH, createMockApp, type MockAppOptions, type ObservedExchange } from "./app";
export type { MockEnv } from "./internal/env";
export {
  type ErrorDetailItem,
  type ErrorLink,
  MockApiError,
  type PhalaErrorBody,
  type ValidationIssue,
} from "./internal/errors";
export type {
  BodyBytesFault,
  ContentTypeFault,
  DelayFault,
  DropFault,
  EmptyFault,
  FaultHit,
  FaultKind,
  FaultRule,
  FaultStep,
  HangFault,
  HtmlFault,
  PassFault,
  RedirectFault,
  StatusFault,
  TruncateFault,
  WrongVersionFault,
} from "./internal/faults";
export { FaultInjector, faultKind } from "./internal/faults";
export { normalizeAppId, resolveCvm } from "./internal/lookup";
export { resolveApiVersion, type VersionResolution } from "./internal/negotiation";
export { type KeyTrap, startKeyTrap, type TrapRequest } from "./internal/second-origin";
export type {
  BillingPeriod,
  Caller,
  CvmStatus,
  KmsKind,
  MockApiKey,
  MockApp,
  MockAppProfile,
  MockComposeService,
  MockCvm,
  MockGpuConfig,
  MockKms,
  MockNode,
  MockOsImage,
  MockSettings,
  MockState,
  MockUser,
  MockWorkspace,
  MockWorkspaceMember,
  NodeStatus,
  UserRole,
  WorkspaceRole,
} from "./model";
export { callerForApiKey, MockModelError, resourceState } from "./model";
export { OFFICIAL_PRE_LAUNCH_SCRIPTS } from "./routes/cvms/pre-launch-upgrade";
export { PROVISION_TTL_MS, provisionPrivateKeyFor } from "./routes/cvms/provision-store";
export { disallowComposeHash } from "./routes/cvms/registration";
export { currentCvmOperation, currentCvmStatus } from "./routes/cvms/status-machine";
export { kmsPrivateKeyFor } from "./routes/kms/keys";
export { type CreateMockStateOptions, createMockState, SEED } from "./seed";
export { type RunningMockApi, type StartMockApiOptions, startMockApi } from "./server";
export {
  API_VERSIONS,
  type ApiVersion,
  BASE_API_VERSION,
  createVersionChain,
  DEFAULT_API_VERSION,
  LATEST_API_VERSION,
  type MockVersionChangeSet,
  OWN_CHANGES,
  RENDER_VERSION,
  RENDERED_ENDPOINTS,
  sdkVersionChain,
  VERSION_CHANGES,
  type VersionChain,
  VersionChainError,
} from "./versions/chain";
export type { Downgrade, FieldDowngrade, VersionChange } from "./versions/change";
export type { RenderContext } from "./versions/context";
export { type BodyPath, type MockEndpoint, SHAPE_LOCATIONS } from "./versions/endpoints";
export { numericIdOf, TABLE_IDS_HIDDEN_FROM } from "./versions/field-rules";
