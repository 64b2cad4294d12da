/**
 * The canonical in-memory model. It has one shape whatever the API version: the
 * renderers in `versions/` turn it into each version's JSON. Collections are Maps so
 * later features (create, start, stop, delete) can mutate the state in place.
 */

export type UserRole = "admin" | "user";
export type WorkspaceRole = "owner" | "admin" | "member";
export type KmsKind = "phala" | "ethereum" | "base";
export type BillingPeriod = "skip" | "hourly" | "monthly";
export type NodeStatus = "ONLINE" | "OFFLINE" | "MAINTENANCE";
export type CvmStatus = "running" | "stopped" | "starting" | "stopping" | "restarting";

export interface MockUser {
  /** Table id, what the 2025-10-28 API exposes. */
  id: number;
  /** Hashed id, what the 2026-01-21 API exposes. */
  hashedId: string;
  username: string;
  email: string;
  role: UserRole;
  avatarUrl: string;
  emailVerified: boolean;
  totpEnabled: boolean;
  hasBackupCodes: boolean;
  hasPassword: boolean;
}

export interface MockWorkspaceMember {
  userId: number;
  role: WorkspaceRole;
}

export interface MockWorkspace {
  id: string;
  name: string;
  slug: string | null;
  tier: string;
  avatarUrl: string | null;
  members: MockWorkspaceMember[];
  /** Credits are kept in cents so amounts stay exact; the API shows decimal strings. */
  creditsCents: number;
  grantedCreditsCents: number;
  isPostPaid: boolean;
  outstandingCents: number | null;
}

/** Who an API key acts as. */
export interface MockApiKey {
  key: string;
  userId: number;
  workspaceId: string;
}

export interface MockNode {
  /** The teepod id: what `teepod_id` (and `NodeRef.id`) names. */
  id: number;
  /** The node's own id, another number (`NodeRef.node_id`, the list's `node_id` filter). */
  nodeId: number;
  name: string;
  region: string;
  deviceId: string;
  ppid: string;
  /** As the API spells it; a node in maintenance refuses work on it with 503. */
  status: NodeStatus;
  version: string;
  gatewayBaseDomain: string;
  gatewayCname: string;
}

export interface MockKms {
  id: string;
  slug: string;
  kind: KmsKind;
  url: string;
  version: string;
  /** On-chain KMS only. */
  chainId: number | null;
  contractAddress: string | null;
  rpcEndpoint: string | null;
  gatewayAppId: string;
  k256Pubkey: string;
}

export interface MockAppProfile {
  displayName: string | null;
  avatarUrl: string | null;
  description: string | null;
  customDomain: string | null;
}

export interface MockApp {
  /** 40 hex characters, no prefix. */
  appId: string;
  hashedId: string;
  name: string;
  workspaceId: string;
  creatorId: number;
  kmsId: string;
  provisionType: string;
  iconUrl: string | null;
  createdAt: string;
  profile: MockAppProfile | null;
  /** The on-chain app contract and who deployed it; null with the Phala KMS. */
  contractAddress: string | null;
  deployerAddress: string | null;
}

export interface MockOsImage {
  name: string;
  version: string;
  isDev: boolean;
  imageHash: string;
}

export interface MockComposeService {
  name: string;
  image: string;
}

export interface MockGpuConfig {
  slots: { slot: string; productId: string | null }[];
  attachMode: "listed" | "all";
}

export interface MockCvm {
  /** Table id, the legacy `id` of `GET /cvms/{id}` in 2025-10-28. */
  tableId: number;
  /** Hashed id, the `id` of 2026-01-21. */
  id: string;
  name: string;
  vmUuid: string;
  appId: string;
  instanceId: string | null;
  workspaceId: string;
  creatorId: number;
  status: CvmStatus;
  inProgress: boolean;
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpus: number;
  /**
   * Which GPUs are attached, where a GPU update named them; without it the VM
   * has `gpus` GPUs in the node's first slots.
   */
  gpuConfig?: MockGpuConfig | null;
  instanceType: string;
  billingPeriod: BillingPeriod;
  /** Price per hour of compute, a decimal string as the API sends it. */
  hourlyPrice: string;
  nodeId: number;
  os: MockOsImage;
  encryptedEnvPubkey: string;
  composeFile: string;
  services: MockComposeService[];
  composeHash: string;
  dockerComposeHash: string;
  preLaunchScriptHash: string | null;
  /** The container port published through the gateway. */
  publicPort: number;
  publicLogs: boolean;
  publicSysinfo: boolean;
  publicTcbinfo: boolean;
  gatewayEnabled: boolean;
  secureTime: boolean;
  listed: boolean;
  allowUpgrade: boolean;
  storageFs: string;
  projectType: string | null;
  features: string[];
  runner: string;
  manifestVersion: string;
  createdAt: string;
  updatedAt: string;
  /** When the VM last booted; null when it is not running. */
  startedAt: string | null;
  exitedAt: string | null;
  deletedAt: string | null;
  scheduledDeleteAt: string | null;
}

export interface MockState {
  users: Map<number, MockUser>;
  workspaces: Map<string, MockWorkspace>;
  apiKeys: Map<string, MockApiKey>;
  nodes: Map<number, MockNode>;
  kms: Map<string, MockKms>;
  /** Keyed by app id (40 hex). */
  apps: Map<string, MockApp>;
  /** Keyed by hashed CVM id. */
  cvms: Map<string, MockCvm>;
  /** The identity of a key the state does not list, when the server accepts any key. */
  defaultApiKey: string;
  /** How the mock behaves over time; tests make it fast. */
  settings: MockSettings;
  /**
   * State that a resource module keeps for itself (SSH keys, quotas, revisions...),
   * created on first use by `resourceState`, so each module owns its own data.
   */
  resources: Map<string, unknown>;
}

export interface MockSettings {
  /** How long a CVM spends in a transitional status (starting, stopping, ...), in ms. */
  transitionMs: number;
  /**
   * How long one second of the state stream's `interval` and `timeout` lasts, in
   * ms (default 1000): tests ask for the API's 5 s interval and wait 5 of these.
   */
  streamSecondMs?: number;
  /**
   * Operations that answer 428 (step-up authentication required) until removed,
   * named as the contract names them: `"DELETE /cvms/{cvm_id}"`.
   */
  stepUpRequired?: string[];
}

/** The data a resource module keeps in this state, seeded by `init` on first use. */
export function resourceState<T>(state: MockState, key: string, init: (state: MockState) => T): T {
  if (!state.resources.has(key)) state.resources.set(key, init(state));
  return state.resources.get(key) as T;
}

/** The user and workspace a request acts as. */
export interface Caller {
  user: MockUser;
  workspace: MockWorkspace;
  workspaceRole: WorkspaceRole;
}

/** An entity the model should hold but does not: a seeding or mutation bug, not a 404. */
export class MockModelError extends Error {
  override name = "MockModelError";
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MockModelError(`mock model has no ${what}`);
  return value;
}

export function getUser(state: MockState, id: number): MockUser {
  return required(state.users.get(id), `user ${id}`);
}

export function getWorkspace(state: MockState, id: string): MockWorkspace {
  return required(state.workspaces.get(id), `workspace ${id}`);
}

export function getNode(state: MockState, id: number): MockNode {
  return required(state.nodes.get(id), `node ${id}`);
}

export function getKms(state: MockState, id: string): MockKms {
  return required(state.kms.get(id), `KMS ${id}`);
}

export function getApp(state: MockState, appId: string): MockApp {
  return required(state.apps.get(appId), `app ${appId}`);
}

export function getCvm(state: MockState, id: string): MockCvm {
  return required(state.cvms.get(id), `CVM ${id}`);
}

/** The caller an API key acts as; a key the state does not know acts as the default key. */
export function callerForApiKey(state: MockState, key: string): Caller {
  const record = required(
    state.apiKeys.get(key) ?? state.apiKeys.get(state.defaultApiKey),
    `API key ${state.defaultApiKey}`,
  );
  const user = getUser(state, record.userId);
  const workspace = getWorkspace(state, record.workspaceId);
  const membership = workspace.members.find((member) => member.userId === user.id);
  return { user, workspace, workspaceRole: membership?.role ?? "member" };
}
