import { phalaError } from "../errors";
import { type MockCvm, type MockState, resourceState } from "../model";
import type { QueryReader } from "../query";
import { currentCvmStatus } from "./cvm-lifecycle";

export interface StateStreamQuery {
  /** The status to wait for; without it the path answers the state once, as JSON. */
  target: string | undefined;
  /** Seconds between `state` events: 5 to 30, default 5. */
  interval: number;
  /** Seconds before the stream gives up with a `timeout` event: 10 to 600, default 300. */
  timeout: number;
}

/** At most this many state streams of one user at a time; one more is a 429. */
export const MAX_STREAMS_PER_USER = 5;

/** `target`, `interval` and `timeout` as the API validates them (whole seconds). */
export function readStateStreamQuery(query: QueryReader): StateStreamQuery {
  const target = query.string("target")?.trim();
  const interval = query.int("interval", 5, { ge: 5, le: 30 });
  const timeout = query.int("timeout", 300, { ge: 10, le: 600 });
  query.assertValid();
  return { target: target === "" ? undefined : target, interval, timeout };
}

/**
 * Counts a user's open streams: `open` answers the 429 at the limit, else returns
 * the function that closes this one (call it once the stream ends).
 */
export function openStateStream(state: MockState, userId: number): () => void {
  const open = resourceState(state, "state-streams", () => new Map<number, number>());
  const count = open.get(userId) ?? 0;
  if (count >= MAX_STREAMS_PER_USER) {
    throw phalaError(429, {
      message: `Too many state streams: at most ${MAX_STREAMS_PER_USER} at a time per user`,
      details: [{ field: "concurrent_streams", value: count, message: null }],
      suggestions: ["Close a state stream of this user before opening another"],
      headers: { "Retry-After": "5" },
    });
  }
  open.set(userId, count + 1);
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    open.set(userId, Math.max(0, (open.get(userId) ?? 1) - 1));
  };
}

/** The CVM's status now; the lifecycle module owns the transitions (wall-clock timed). */
export function cvmStatusNow(state: MockState, cvm: MockCvm, _now: Date): string {
  return cvm.deletedAt === null ? currentCvmStatus(state, cvm) : "deleted";
}

function uptime(cvm: MockCvm, now: Date): string | null {
  if (!cvm.startedAt) return null;
  const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(cvm.startedAt)) / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days > 0 ? `${days}d ${hours}h` : hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`;
}

/** The data of a `state` event. */
export function renderStateEvent(state: MockState, cvm: MockCvm, now: Date) {
  const status = cvmStatusNow(state, cvm, now);
  return {
    id: cvm.id,
    name: cvm.name,
    status,
    derived_status: status,
    vm_uuid: cvm.vmUuid,
    instance_id: cvm.instanceId,
    uptime: status === "running" ? uptime(cvm, now) : null,
    exited_at: cvm.exitedAt,
    boot_progress: status === "starting" ? "booting" : status === "running" ? "done" : null,
    boot_error: null,
    shutdown_progress: status === "stopping" ? "shutting down" : null,
  };
}
