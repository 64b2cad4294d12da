/**
 * CVM creation and lifecycle in the mock: the provisions waiting for a commit,
 * and the status machine of every CVM.
 *
 * Status is computed lazily, never by a timer: an operation records where the CVM
 * is heading and when it gets there, and the CVM's `status` / `inProgress` are
 * turned into accessors that settle the move when read after that time. Every
 * reader (the existing GET routes, lists, app renderers, the SSE stream) thus sees
 * the current status with no call of its own, and `close()` has no timer to leak.
 * Transitions are timed on the wall clock (`Date.now()`), not on the mock's `now`
 * option, so a test with a frozen clock still sees CVMs reach their state.
 */
import type { CvmVmV20260522Schema } from "@phala/cloud-schemas";
import { deterministicHashid, deterministicHex, deterministicUuid } from "../deterministic-hex";
import { nodeUnderMaintenanceError, operationInProgressError, phalaError } from "../errors";
import { appCvms, normalizeAppId } from "../lookup";
import {
  type Caller,
  type CvmStatus,
  getApp,
  getNode,
  getUser,
  type MockApp,
  type MockCvm,
  type MockKms,
  type MockOsImage,
  type MockState,
  resourceState,
} from "../model";
import type { WireInput } from "../versions/sdk-types";
import {
  appComposeDocument,
  bareHash,
  composeExtras,
  composeHashOf,
  isDeviceRegistered,
} from "./cvm-updates";
import { envKeyPairFor } from "./kms";

/** How long a provision waits for its commit, on the request clock. */
export const PROVISION_TTL_MS = 60 * 60 * 1000;

export interface InstanceTypeSpec {
  name: string;
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpus: number;
  hourlyPrice: string;
}

/** The sizes a CVM may be created or resized to, smallest first. */
export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = [
  { name: "tdx.small", vcpu: 1, memoryMb: 2048, diskGb: 20, gpus: 0, hourlyPrice: "0.058" },
  { name: "tdx.medium", vcpu: 2, memoryMb: 4096, diskGb: 40, gpus: 0, hourlyPrice: "0.116" },
  { name: "tdx.large", vcpu: 4, memoryMb: 8192, diskGb: 80, gpus: 0, hourlyPrice: "0.232" },
  { name: "tdx.xlarge", vcpu: 8, memoryMb: 16384, diskGb: 160, gpus: 0, hourlyPrice: "0.464" },
  { name: "h200.small", vcpu: 24, memoryMb: 196608, diskGb: 500, gpus: 1, hourlyPrice: "3.500" },
];

export const DEFAULT_INSTANCE_TYPE = "tdx.small";

/** Hashes follow the seed's rule, so a seeded CVM's image is found by name. */
function osImage(version: string, isDev = false): MockOsImage {
  return {
    name: `dstack-${isDev ? "dev-" : ""}${version}`,
    version,
    isDev,
    imageHash: deterministicHex(`os:${version}:${isDev}`, 64),
  };
}

/** The OS images the mock offers, newest stable first. */
export const OS_IMAGES: readonly MockOsImage[] = [
  osImage("0.5.4"),
  osImage("0.5.3"),
  osImage("0.5.2"),
  osImage("0.5.4", true),
  osImage("0.5.3", true),
];

export function findOsImage(name: string): MockOsImage | undefined {
  return OS_IMAGES.find((image) => image.name === name);
}

export function findInstanceType(name: string): InstanceTypeSpec | undefined {
  return INSTANCE_TYPES.find((type) => type.name === name);
}

/** The smallest type with at least this much; what a vcpu/memory request is matched to. */
export function smallestInstanceTypeFor(vcpu = 0, memoryMb = 0): InstanceTypeSpec | undefined {
  return INSTANCE_TYPES.find((type) => type.vcpu >= vcpu && type.memoryMb >= memoryMb);
}

/**
 * The size a create or resize asks for: a named instance type, else the
 * smallest type with the vCPUs and memory asked for, else the default.
 */
export function chooseSize(
  instanceType: string | undefined,
  vcpu: number | undefined,
  memory: number | undefined,
): InstanceTypeSpec {
  if (instanceType !== undefined) {
    const type = findInstanceType(instanceType);
    if (!type) {
      throw phalaError(404, {
        errorCode: "ERR-02-001",
        message: `Instance type '${instanceType}' not found`,
        details: [{ field: "instance_type", value: instanceType, message: null }],
        suggestions: ["List the instance types with GET /instance-types"],
      });
    }
    return type;
  }
  if (vcpu === undefined && memory === undefined) {
    return findInstanceType(DEFAULT_INSTANCE_TYPE) as InstanceTypeSpec;
  }
  const type = smallestInstanceTypeFor(vcpu, memory);
  if (!type) {
    throw phalaError(400, {
      errorCode: "ERR-02-002",
      message: "No instance type offers the requested vCPUs and memory",
      details: [
        { field: "vcpu", value: vcpu ?? null, message: null },
        { field: "memory", value: memory ?? null, message: null },
      ],
    });
  }
  return type;
}

/** What a resize asks for, as the API names the fields. */
export interface ResizeRequest {
  vcpu?: number;
  memory?: number;
  diskSize?: number;
  instanceType?: string;
}

/** The sizes a CVM gets from a resize request; throws the API's 400/404 for an impossible one. */
export function planResize(cvm: MockCvm, request: ResizeRequest) {
  const { vcpu, memory, diskSize, instanceType } = request;
  const size =
    instanceType !== undefined || vcpu !== undefined || memory !== undefined
      ? chooseSize(
          instanceType,
          vcpu ?? (instanceType ? undefined : cvm.vcpu),
          memory ?? (instanceType ? undefined : cvm.memoryMb),
        )
      : undefined;
  if (diskSize !== undefined && diskSize < cvm.diskGb) {
    throw phalaError(400, {
      errorCode: "ERR-02-009",
      message: `Disk size cannot be reduced (current ${cvm.diskGb} GB, requested ${diskSize} GB)`,
      details: [{ field: "disk_size", value: diskSize, message: null }],
      suggestions: [`Request ${cvm.diskGb} GB or more`],
    });
  }
  return {
    instanceType: size?.name,
    vcpu: size ? (vcpu ?? size.vcpu) : undefined,
    memoryMb: size ? (memory ?? size.memoryMb) : undefined,
    gpus: size?.gpus,
    hourlyPrice: size?.hourlyPrice,
    diskGb: diskSize,
  };
}

// --- Status machine ---------------------------------------------------------

export type LifecycleOperation =
  | "start"
  | "stop"
  | "shutdown"
  | "restart"
  | "create"
  | "resize"
  | "os-upgrade";

interface Transition {
  operation: LifecycleOperation;
  to: CvmStatus;
  /** Wall-clock ms at which the CVM arrives. */
  untilMs: number;
  /** On the request clock, for the timestamps the API shows. */
  startedAt: string;
  arrivesAt: string;
  correlationId: string;
}

/** The fields a transition changes when it completes; all of them read live. */
const LIVE_FIELDS = [
  "status",
  "inProgress",
  "instanceId",
  "startedAt",
  "exitedAt",
  "updatedAt",
] as const;
type LiveFields = Pick<MockCvm, (typeof LIVE_FIELDS)[number]>;

interface LiveStatus {
  values: LiveFields;
  transition: Transition | null;
}

/** A provision waiting for its commit (`POST /cvms`). */
export interface MockProvision {
  /** SHA-256 of the canonical JSON of `appCompose`, as the SDK's `getComposeHash` computes it. */
  composeHash: string;
  /** The app-compose.json built from the request, what the CVM will boot with. */
  appCompose: Record<string, unknown>;
  /** The app's name in its compose (the compose file's `name`, else the CVM name). */
  appName: string;
  /** Null with an on-chain KMS: the commit brings the app id of the app contract. */
  appId: string | null;
  workspaceId: string;
  creatorId: number;
  name: string;
  nodeId: number;
  kms: MockKms;
  size: InstanceTypeSpec;
  diskGb: number;
  os: MockOsImage;
  composeFile: string;
  preLaunchScript: string | null;
  allowedEnvs: string[];
  envKeys: string[];
  listed: boolean;
  publicLogs: boolean;
  publicSysinfo: boolean;
  publicTcbinfo: boolean;
  gatewayEnabled: boolean;
  secureTime: boolean;
  storageFs: string;
  features: string[];
  /** X25519 key pair the env vars are encrypted to; null with an on-chain KMS. */
  envKeyPair: CryptoKeyPair | null;
  envPublicKeyHex: string | null;
  /** Request-clock ms after which the commit answers 404. */
  expiresAtMs: number;
  /** Set by the commit, so a repeated commit returns the same CVM. */
  committedCvmId: string | null;
  /** What the commit sent, kept for tests that decrypt it. */
  encryptedEnv: string | null;
}

/** A replica waiting for its device's on-chain registration (`/commit-replica`). */
export interface PreparedReplica {
  token: string;
  sourceId: string;
  nodeId: number;
  encryptedEnv: string | null;
}

interface LifecycleStore {
  live: WeakMap<MockCvm, LiveStatus>;
  /** Oldest first. Two provisions of the same app compose share a compose hash. */
  provisions: MockProvision[];
  /** By commit token. */
  preparedReplicas: Map<string, PreparedReplica>;
  nextTableId: number;
  operationCounter: number;
}

function store(state: MockState): LifecycleStore {
  return resourceState(state, "cvm-lifecycle", (initial) => ({
    live: new WeakMap(),
    provisions: [],
    preparedReplicas: new Map(),
    nextTableId: Math.max(0, ...[...initial.cvms.values()].map((cvm) => cvm.tableId)) + 1,
    operationCounter: 0,
  }));
}

/** A fresh id per VM boot, as a node reports it. */
function newInstanceId(cvm: MockCvm): string {
  return deterministicHex(`instance:${cvm.vmUuid}:${cvm.updatedAt}`, 40);
}

function settle(cvm: MockCvm, live: LiveStatus, nowMs: number): void {
  const move = live.transition;
  if (!move || nowMs < move.untilMs) return;
  live.transition = null;
  const values = live.values;
  values.status = move.to;
  values.inProgress = false;
  values.updatedAt = move.arrivesAt;
  if (move.to === "running") {
    values.startedAt = move.arrivesAt;
    values.exitedAt = null;
    // A VM gets its instance id on its first boot.
    values.instanceId ??= newInstanceId(cvm);
  } else if (move.to === "stopped") {
    values.startedAt = null;
    values.exitedAt = move.arrivesAt;
  }
}

/**
 * Makes the fields a transition changes live: read, they settle a finished
 * transition first, so a reader sees the same state whatever field it reads
 * first; writing `status` (a test, another module) drops any transition in flight.
 */
function liveStatus(state: MockState, cvm: MockCvm): LiveStatus {
  const { live } = store(state);
  const known = live.get(cvm);
  if (known) return known;
  const values = Object.fromEntries(LIVE_FIELDS.map((field) => [field, cvm[field]])) as LiveFields;
  const record: LiveStatus = { values, transition: null };
  live.set(cvm, record);
  for (const field of LIVE_FIELDS) {
    Object.defineProperty(cvm, field, {
      enumerable: true,
      configurable: true,
      get: () => {
        settle(cvm, record, Date.now());
        return values[field];
      },
      set: (value: never) => {
        if (field === "status") record.transition = null;
        values[field] = value;
      },
    });
  }
  return record;
}

/**
 * The status of a CVM at wall-clock time `nowMs` (default: now), settling a
 * transition that has finished. For the SSE state stream: it may call this (or
 * just read `cvm.status`) on each tick. `nowMs` is wall-clock time because
 * transitions are; pass `Date.now()`, not the mock's request clock.
 */
export function currentCvmStatus(state: MockState, cvm: MockCvm, nowMs = Date.now()): CvmStatus {
  const record = liveStatus(state, cvm);
  settle(cvm, record, nowMs);
  return record.values.status;
}

/** The operation a CVM is in the middle of, or null. */
export interface CvmOperation {
  type: LifecycleOperation;
  target: CvmStatus;
  startedAt: string;
  correlationId: string;
}

export function currentCvmOperation(
  state: MockState,
  cvm: MockCvm,
  nowMs = Date.now(),
): CvmOperation | null {
  const record = liveStatus(state, cvm);
  settle(cvm, record, nowMs);
  const move = record.transition;
  return move
    ? {
        type: move.operation,
        target: move.to,
        startedAt: move.startedAt,
        correlationId: move.correlationId,
      }
    : null;
}

/** A move the CVM's status does not allow: final, so it carries an `error_code`. */
function conflict(cvm: MockCvm, message: string, suggestion: string) {
  return phalaError(409, {
    errorCode: "ERR-02-008",
    message,
    details: [{ field: "status", value: cvm.status, message: null }],
    suggestions: [suggestion],
  });
}

/** Throws the 503 the API answers when the node a CVM needs is under maintenance. */
export function assertNodeAvailable(state: MockState, nodeId: number): void {
  const node = getNode(state, nodeId);
  if (node.status === "MAINTENANCE") throw nodeUnderMaintenanceError(node);
}

/** The correlation id of the next operation on a CVM. */
function nextOperationId(state: MockState, cvm: MockCvm): string {
  const lifecycle = store(state);
  lifecycle.operationCounter += 1;
  return `op_${deterministicHex(`${cvm.id}:${lifecycle.operationCounter}`, 16)}`;
}

function beginTransition(
  state: MockState,
  cvm: MockCvm,
  operation: LifecycleOperation,
  via: CvmStatus,
  to: CvmStatus,
  now: Date,
): string {
  const record = liveStatus(state, cvm);
  const correlationId = nextOperationId(state, cvm);
  const { transitionMs } = state.settings;
  record.values.status = via;
  record.values.inProgress = true;
  record.transition = {
    operation,
    to,
    untilMs: Date.now() + transitionMs,
    startedAt: now.toISOString(),
    arrivesAt: new Date(now.getTime() + transitionMs).toISOString(),
    correlationId,
  };
  record.values.updatedAt = now.toISOString();
  // A zero transition time means the move is immediate.
  settle(cvm, record, Date.now());
  return correlationId;
}

/** The lifecycle operations a caller can ask for by path. */
export type PowerAction = "start" | "stop" | "shutdown" | "restart";

interface PowerMove {
  /** The statuses the move may start from. */
  from: readonly CvmStatus[];
  via: CvmStatus;
  to: CvmStatus;
  refusal: (status: CvmStatus) => { message: string; suggestion: string };
}

const POWER_MOVES: Record<PowerAction, PowerMove> = {
  start: {
    from: ["stopped"],
    via: "starting",
    to: "running",
    refusal: (status) => ({
      message: `CVM is ${status}; only a stopped CVM can be started`,
      suggestion:
        status === "running"
          ? "Restart it instead"
          : "Wait until the current operation has finished",
    }),
  },
  // A hard stop is allowed while the VM is coming up, as pulling the plug would be.
  stop: {
    from: ["running", "starting", "restarting"],
    via: "stopping",
    to: "stopped",
    refusal: (status) => ({
      message: `CVM is already ${status}`,
      suggestion: "Start the CVM to run it again",
    }),
  },
  shutdown: {
    from: ["running"],
    via: "stopping",
    to: "stopped",
    refusal: (status) => ({
      message: `CVM is ${status}; only a running CVM can be shut down`,
      suggestion: "Wait until the current operation has finished, or stop the CVM",
    }),
  },
  restart: {
    from: ["running"],
    via: "restarting",
    to: "running",
    refusal: (status) => ({
      message: `CVM is ${status}; only a running CVM can be restarted`,
      suggestion:
        status === "stopped"
          ? "Start the CVM instead"
          : "Wait until the current operation has finished",
    }),
  },
};

/**
 * Applies start / stop / shutdown / restart, or throws the 409 the API answers
 * for a move the CVM's status does not allow.
 */
export function applyPowerAction(
  state: MockState,
  cvm: MockCvm,
  action: PowerAction,
  now: Date,
): void {
  const move = POWER_MOVES[action];
  const status = currentCvmStatus(state, cvm);
  if (!move.from.includes(status)) {
    // Mid-operation the refusal is temporary (no error code: retry later).
    if (liveStatus(state, cvm).transition !== null) throw operationInProgressError(status);
    const { message, suggestion } = move.refusal(status);
    throw conflict(cvm, message, suggestion);
  }
  assertNodeAvailable(state, cvm.nodeId);
  beginTransition(state, cvm, action, move.via, move.to, now);
}

/**
 * Restarts a running CVM so a change (size, OS image) takes effect; a stopped
 * CVM takes it at its next start. Throws 409 while another operation runs.
 * Returns the operation's correlation id.
 */
export function applyChangeWithRestart(
  state: MockState,
  cvm: MockCvm,
  operation: "resize" | "os-upgrade",
  now: Date,
): string {
  const status = currentCvmStatus(state, cvm);
  if (liveStatus(state, cvm).transition !== null) throw operationInProgressError(status);
  assertNodeAvailable(state, cvm.nodeId);
  if (status === "running") {
    return beginTransition(state, cvm, operation, "restarting", "running", now);
  }
  return nextOperationId(state, cvm);
}

/** Throws 409 when a CVM is in the middle of an operation. */
export function assertIdle(state: MockState, cvm: MockCvm): void {
  if (currentCvmOperation(state, cvm) !== null) throw operationInProgressError(cvm.status);
}

/** Marks a CVM deleted: lists and reads skip it from now on. */
export function deleteCvmRecord(state: MockState, cvm: MockCvm, now: Date): void {
  const record = liveStatus(state, cvm);
  record.transition = null;
  record.values.status = "stopped";
  record.values.inProgress = false;
  cvm.deletedAt = now.toISOString();
  cvm.updatedAt = cvm.deletedAt;
  cvm.startedAt = null;
}

// --- Provisions ---------------------------------------------------------------

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return [...buffer].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type ProvisionInput = Omit<
  MockProvision,
  | "composeHash"
  | "appCompose"
  | "appId"
  | "envKeyPair"
  | "envPublicKeyHex"
  | "expiresAtMs"
  | "committedCvmId"
  | "encryptedEnv"
> & {
  /** A caller-chosen app id (Phala KMS with a nonce), else a fresh one. */
  appId?: string;
};

/** The app compose a provision builds from its request, in the shape every CVM's has. */
export function provisionAppCompose(input: ProvisionInput): Record<string, unknown> {
  return appComposeDocument({
    name: input.appName,
    dockerComposeFile: input.composeFile,
    preLaunchScript: input.preLaunchScript ?? "",
    allowedEnvs: input.allowedEnvs,
    gatewayEnabled: input.gatewayEnabled,
    publicLogs: input.publicLogs,
    publicSysinfo: input.publicSysinfo,
    publicTcbinfo: input.publicTcbinfo,
    secureTime: input.secureTime,
    storageFs: input.storageFs,
  });
}

/** Stores a provision and returns it; an on-chain KMS gets no app id nor env key yet. */
export async function createProvision(
  state: MockState,
  input: ProvisionInput,
  now: Date,
): Promise<MockProvision> {
  const { appId: requestedAppId, ...rest } = input;
  const onChain = input.kms.kind !== "phala";
  const appId = onChain ? null : (requestedAppId ?? randomHex(20));
  // The KMS module's key for (KMS, app), so `GET /kms/{kms}/pubkey/{app_id}` agrees.
  const envKeyPair = appId === null ? null : await envKeyPairFor(state, input.kms, appId);
  const envPublicKeyHex = envKeyPair
    ? toHex(await crypto.subtle.exportKey("raw", envKeyPair.publicKey))
    : null;
  const appCompose = provisionAppCompose(input);
  const provision: MockProvision = {
    ...rest,
    composeHash: composeHashOf(appCompose),
    appCompose,
    appId,
    envKeyPair,
    envPublicKeyHex,
    expiresAtMs: now.getTime() + PROVISION_TTL_MS,
    committedCvmId: null,
    encryptedEnv: null,
  };
  store(state).provisions.push(provision);
  return provision;
}

/**
 * The workspace's live provision with this compose hash, or undefined when unknown
 * or expired. Equal app composes share a hash, so among several the one of `appId`
 * wins (its own app id, or the app id it was committed with), then the newest
 * uncommitted on-chain one (it takes the app id the commit brings), then the newest.
 */
export function findProvision(
  state: MockState,
  composeHash: string,
  now: Date,
  scope: { workspaceId: string; appId: string },
): MockProvision | undefined {
  const hash = bareHash(composeHash.trim());
  const live = store(state).provisions.filter(
    (provision) =>
      provision.composeHash === hash &&
      provision.workspaceId === scope.workspaceId &&
      (provision.committedCvmId !== null || now.getTime() <= provision.expiresAtMs),
  );
  const committedApp = (provision: MockProvision) =>
    provision.committedCvmId === null ? null : state.cvms.get(provision.committedCvmId)?.appId;
  return (
    live.find((provision) => provision.appId === scope.appId) ??
    live.find((provision) => committedApp(provision) === scope.appId) ??
    [...live]
      .reverse()
      .find((provision) => provision.appId === null && provision.committedCvmId === null) ??
    live[live.length - 1]
  );
}

/** The provision an app id was provisioned with, for other modules (env key lookup). */
export function provisionForApp(state: MockState, appId: string): MockProvision | undefined {
  const bare = normalizeAppId(appId);
  return store(state).provisions.find((provision) => provision.appId === bare);
}

/**
 * The X25519 private key that the env vars of a provisioned app are encrypted
 * to, so a test can decrypt what `encryptEnvVars` produced; undefined for an
 * app the mock did not provision or one with an on-chain KMS.
 */
export function provisionPrivateKeyFor(state: MockState, appId: string): CryptoKey | undefined {
  return provisionForApp(state, appId)?.envKeyPair?.privateKey;
}

interface CommitInput {
  appId: string;
  encryptedEnv: string | null;
  envKeys: string[] | null;
  contractAddress: string | null;
  deployerAddress: string | null;
}

function ensureApp(
  state: MockState,
  provision: MockProvision,
  input: CommitInput,
  now: Date,
): MockApp {
  const existing = state.apps.get(input.appId);
  if (existing) return existing;
  const app: MockApp = {
    appId: input.appId,
    hashedId: deterministicHashid("prj", `app-row:${input.appId}`),
    name: provision.appName,
    workspaceId: provision.workspaceId,
    creatorId: provision.creatorId,
    kmsId: provision.kms.id,
    provisionType: "phala_cloud",
    iconUrl: null,
    createdAt: now.toISOString(),
    profile: null,
    contractAddress: input.contractAddress,
    deployerAddress: input.deployerAddress,
  };
  state.apps.set(app.appId, app);
  return app;
}

function services(composeFile: string): MockCvm["services"] {
  // Enough YAML for the mock: service names are the two-space-indented keys under
  // `services:`, each with an `image:` line.
  const found: MockCvm["services"] = [];
  let inServices = false;
  for (const line of composeFile.split(/\r?\n/)) {
    if (/^services:\s*$/.test(line)) {
      inServices = true;
      continue;
    }
    if (/^\S/.test(line)) inServices = false;
    if (!inServices) continue;
    const service = /^ {2}([A-Za-z0-9_.-]+):\s*$/.exec(line);
    if (service?.[1]) found.push({ name: service[1], image: "" });
    const image = /^ {4}image:\s*["']?([^"'\s]+)/.exec(line);
    const last = found[found.length - 1];
    if (image?.[1] && last) last.image = image[1];
  }
  return found;
}

function publishedPort(composeFile: string): number {
  const port = /["']?(\d{2,5}):\d{2,5}["']?/.exec(composeFile);
  return port?.[1] ? Number(port[1]) : 8080;
}

interface NewCvmFields {
  name: string;
  appId: string;
  workspaceId: string;
  creatorId: number;
  nodeId: number;
  size: InstanceTypeSpec;
  diskGb: number;
  os: MockOsImage;
  composeFile: string;
  composeHash: string;
  encryptedEnvPubkey: string;
  listed: boolean;
  publicLogs: boolean;
  publicSysinfo: boolean;
  publicTcbinfo: boolean;
  gatewayEnabled: boolean;
  secureTime: boolean;
  storageFs: string;
  features: string[];
}

/** A new CVM record, booting: `starting` until `transitionMs` has passed. */
function createCvmRecord(state: MockState, fields: NewCvmFields, now: Date): MockCvm {
  const lifecycle = store(state);
  const tableId = lifecycle.nextTableId++;
  const seed = `${fields.appId}:${tableId}:${now.getTime()}`;
  const cvm: MockCvm = {
    tableId,
    id: deterministicHashid("cvm", `cvm:${seed}`),
    name: fields.name,
    vmUuid: deterministicUuid(`vm:${seed}`),
    appId: fields.appId,
    instanceId: null,
    workspaceId: fields.workspaceId,
    creatorId: fields.creatorId,
    status: "stopped",
    inProgress: false,
    vcpu: fields.size.vcpu,
    memoryMb: fields.size.memoryMb,
    diskGb: fields.diskGb,
    gpus: fields.size.gpus,
    instanceType: fields.size.name,
    billingPeriod: "hourly",
    hourlyPrice: fields.size.hourlyPrice,
    nodeId: fields.nodeId,
    os: fields.os,
    encryptedEnvPubkey: fields.encryptedEnvPubkey,
    composeFile: fields.composeFile,
    services: services(fields.composeFile),
    composeHash: fields.composeHash,
    dockerComposeHash: deterministicHex(`docker-compose:${fields.composeFile}`, 64),
    preLaunchScriptHash: null,
    publicPort: publishedPort(fields.composeFile),
    publicLogs: fields.publicLogs,
    publicSysinfo: fields.publicSysinfo,
    publicTcbinfo: fields.publicTcbinfo,
    gatewayEnabled: fields.gatewayEnabled,
    secureTime: fields.secureTime,
    listed: fields.listed,
    allowUpgrade: true,
    storageFs: fields.storageFs,
    projectType: null,
    features: [...fields.features],
    runner: "docker-compose",
    manifestVersion: "2",
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    startedAt: null,
    exitedAt: null,
    deletedAt: null,
    scheduledDeleteAt: null,
  };
  state.cvms.set(cvm.id, cvm);
  beginTransition(state, cvm, "create", "starting", "running", now);
  return cvm;
}

/**
 * Creates the CVM of a provision (and its app, the first time). The caller has
 * checked the app id and the idempotency rules.
 */
export function commitProvision(
  state: MockState,
  provision: MockProvision,
  input: CommitInput,
  now: Date,
): MockCvm {
  ensureApp(state, provision, input, now);
  const cvm = createCvmRecord(
    state,
    {
      name: provision.name,
      appId: input.appId,
      workspaceId: provision.workspaceId,
      creatorId: provision.creatorId,
      nodeId: provision.nodeId,
      size: provision.size,
      diskGb: provision.diskGb,
      os: provision.os,
      composeFile: provision.composeFile,
      composeHash: provision.composeHash,
      encryptedEnvPubkey:
        provision.envPublicKeyHex ?? deterministicHex(`env-pubkey:${input.appId}`, 64),
      listed: provision.listed,
      publicLogs: provision.publicLogs,
      publicSysinfo: provision.publicSysinfo,
      publicTcbinfo: provision.publicTcbinfo,
      gatewayEnabled: provision.gatewayEnabled,
      secureTime: provision.secureTime,
      storageFs: provision.storageFs,
      features: provision.features,
    },
    now,
  );
  // What the compose module keeps beside the model, so the CVM's app compose (and
  // its hash) is the provision's.
  const extras = composeExtras(state, cvm);
  extras.preLaunchScript = provision.preLaunchScript ?? "";
  extras.allowedEnvs = [...provision.allowedEnvs];
  extras.encryptedEnv = input.encryptedEnv;
  cvm.preLaunchScriptHash = provision.preLaunchScript
    ? deterministicHex(`pre-launch:${provision.preLaunchScript}`, 64)
    : null;
  provision.committedCvmId = cvm.id;
  provision.encryptedEnv = input.encryptedEnv;
  if (input.envKeys) provision.envKeys = input.envKeys;
  return cvm;
}

/** A new VM of the same app and compose file, on `nodeId`, booting. */
export function replicateCvmRecord(
  state: MockState,
  source: MockCvm,
  nodeId: number,
  caller: Caller,
  now: Date,
): MockCvm {
  getApp(state, source.appId);
  getNode(state, nodeId);
  const siblings = [...state.cvms.values()].filter(
    (cvm) => cvm.appId === source.appId && cvm.deletedAt === null,
  ).length;
  return createCvmRecord(
    state,
    {
      name: `${source.name}-replica-${siblings}`,
      appId: source.appId,
      workspaceId: source.workspaceId,
      creatorId: caller.user.id,
      nodeId,
      size: {
        name: source.instanceType,
        vcpu: source.vcpu,
        memoryMb: source.memoryMb,
        diskGb: source.diskGb,
        gpus: source.gpus,
        hourlyPrice: source.hourlyPrice,
      },
      diskGb: source.diskGb,
      os: source.os,
      composeFile: source.composeFile,
      composeHash: source.composeHash,
      encryptedEnvPubkey: source.encryptedEnvPubkey,
      listed: source.listed,
      publicLogs: source.publicLogs,
      publicSysinfo: source.publicSysinfo,
      publicTcbinfo: source.publicTcbinfo,
      gatewayEnabled: source.gatewayEnabled,
      secureTime: source.secureTime,
      storageFs: source.storageFs,
      features: source.features,
    },
    now,
  );
}

// --- Replicas -------------------------------------------------------------------

/** What a replica request asks for. */
export interface ReplicaRequest {
  nodeId: number;
  encryptedEnv: string | null;
}

/** Whether the app's contract allows a device: one its VMs run on, or one registered. */
export function deviceAllowed(state: MockState, appId: string, deviceId: string): boolean {
  const running = appCvms(state, appId).some(
    (cvm) => getNode(state, cvm.nodeId).deviceId === deviceId,
  );
  return running || isDeviceRegistered(state, appId, deviceId);
}

/** A new VM of the source's app and compose, on the requested node, booting. */
export function createReplica(
  state: MockState,
  source: MockCvm,
  request: ReplicaRequest,
  caller: Caller,
  now: Date,
): MockCvm {
  const replica = replicateCvmRecord(state, source, request.nodeId, caller, now);
  const from = composeExtras(state, source);
  const extras = composeExtras(state, replica);
  extras.preLaunchScript = from.preLaunchScript;
  extras.allowedEnvs = [...from.allowedEnvs];
  extras.encryptedEnv = request.encryptedEnv ?? from.encryptedEnv;
  replica.preLaunchScriptHash = source.preLaunchScriptHash;
  return replica;
}

/** Keeps a replica request until its commit; returns the commit token. */
export function prepareReplica(
  state: MockState,
  source: MockCvm,
  request: ReplicaRequest,
  userId: number,
): string {
  const lifecycle = store(state);
  lifecycle.operationCounter += 1;
  const token = `ct_${deterministicHex(`replica:${source.id}:${userId}:${lifecycle.operationCounter}`, 32)}`;
  lifecycle.preparedReplicas.set(token, { token, sourceId: source.id, ...request });
  return token;
}

/** The prepared replica of `source` with this token, removed from the store; undefined if none. */
export function takePreparedReplica(
  state: MockState,
  source: MockCvm,
  token: string,
): PreparedReplica | undefined {
  const prepared = store(state).preparedReplicas.get(token);
  if (!prepared || prepared.sourceId !== source.id) return undefined;
  store(state).preparedReplicas.delete(token);
  return prepared;
}

/** Puts back a prepared replica whose commit failed. */
export function restorePreparedReplica(state: MockState, prepared: PreparedReplica): void {
  store(state).preparedReplicas.set(prepared.token, prepared);
}

// --- The VM record ----------------------------------------------------------------

/** What differs between the endpoints that answer with a VM record. */
export interface CvmVmRendering {
  /** The status shown: the live one, or the one stored. */
  status: CvmStatus;
  /** The VM UUID as shown, with or without its dashes. */
  vmUuid: string;
  /** The port in `app_url`. */
  appUrlPort: number;
}

/**
 * The VM record (`CvmVm`) with the hashids of 2026-05-22 (`cvm_...`, `usr_...`);
 * the version chain takes them back for older versions.
 */
export function renderCvmVm(
  state: MockState,
  cvm: MockCvm,
  rendering: CvmVmRendering,
): WireInput<typeof CvmVmV20260522Schema> {
  const node = getNode(state, cvm.nodeId);
  return {
    id: cvm.id,
    name: cvm.name,
    status: rendering.status,
    teepod_id: node.id,
    teepod: { id: node.id, name: node.name },
    app_id: cvm.appId,
    vm_uuid: rendering.vmUuid,
    instance_id: cvm.instanceId,
    app_url: `https://${cvm.appId}-${rendering.appUrlPort}.${node.gatewayBaseDomain}`,
    base_image: cvm.os.name,
    vcpu: cvm.vcpu,
    memory: cvm.memoryMb,
    disk_size: cvm.diskGb,
    manifest_version: Number(cvm.manifestVersion),
    version: cvm.os.version,
    runner: cvm.runner,
    docker_compose_file: cvm.composeFile,
    features: [...cvm.features],
    created_at: cvm.createdAt,
    encrypted_env_pubkey: cvm.encryptedEnvPubkey,
    user_id: getUser(state, cvm.creatorId).hashedId,
  };
}
