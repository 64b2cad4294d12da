/**
 * The status machine of every CVM in the mock, and the store the CVM lifecycle
 * modules share (provisions waiting for a commit, prepared replicas, table ids)
 * and the types of what it holds.
 *
 * Status is computed lazily, never by a timer: an operation records where the CVM
 * is heading and when it gets there, and the CVM's `status` / `inProgress` are
 * turned into accessors that settle the move when read after that time. Every
 * reader (the existing GET routes, lists, app renderers, the SSE stream) thus sees
 * the current status with no call of its own, and `close()` has no timer to leak.
 * Transitions are timed on the wall clock (`Date.now()`), not on the mock's `now`
 * option, so a test with a frozen clock still sees CVMs reach their state.
 */
import { deterministicHex } from "../../internal/deterministic-hex";
import { nodeUnderMaintenanceError, operationInProgressError } from "../../internal/errors";
import {
  type CvmStatus,
  getNode,
  type MockCvm,
  type MockKms,
  type MockOsImage,
  type MockState,
  resourceState,
} from "../../model";
import { recordOperation } from "./operation-log";
import type { InstanceTypeSpec } from "./sizes";

export type LifecycleOperation =
  | "start"
  | "stop"
  | "shutdown"
  | "restart"
  | "create"
  | "resize"
  | "os-upgrade"
  | "redeploy";

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

export interface LiveStatus {
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

export function lifecycleStore(state: MockState): LifecycleStore {
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
export function liveStatus(state: MockState, cvm: MockCvm): LiveStatus {
  const { live } = lifecycleStore(state);
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

/** Throws the 503 the API answers when the node a CVM needs is under maintenance. */
export function assertNodeAvailable(state: MockState, nodeId: number): void {
  const node = getNode(state, nodeId);
  if (node.status === "MAINTENANCE") throw nodeUnderMaintenanceError(node);
}

/** The correlation id of the next operation on a CVM. */
function nextOperationId(state: MockState, cvm: MockCvm): string {
  const lifecycle = lifecycleStore(state);
  lifecycle.operationCounter += 1;
  return `op_${deterministicHex(`${cvm.id}:${lifecycle.operationCounter}`, 16)}`;
}

export function beginTransition(
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
  const untilMs = Date.now() + transitionMs;
  // The operations log (GET /cvms/{id}/operations): where the CVM was, where it goes.
  recordOperation(state, cvm, {
    correlationId,
    type: operation,
    from: currentCvmStatus(state, cvm),
    via,
    target: to,
    startedAt: now,
    durationMs: transitionMs,
    untilMs,
  });
  record.values.status = via;
  record.values.inProgress = true;
  record.transition = {
    operation,
    to,
    untilMs,
    startedAt: now.toISOString(),
    arrivesAt: new Date(now.getTime() + transitionMs).toISOString(),
    correlationId,
  };
  record.values.updatedAt = now.toISOString();
  // A zero transition time means the move is immediate.
  settle(cvm, record, Date.now());
  return correlationId;
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
