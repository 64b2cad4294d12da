import { type ValidationIssue, validationError } from "../errors";
import type { MockCvm, MockState } from "../model";
import { currentCvmStatus } from "./cvm-lifecycle";

export interface StateStreamQuery {
  target: string;
  /** Seconds between `state` events. */
  interval: number;
  /** Seconds before the stream gives up with a `timeout` event. */
  timeout: number;
}

const DEFAULT_INTERVAL_S = 5;
const DEFAULT_TIMEOUT_S = 300;
const MAX_INTERVAL_S = 30;
const MAX_TIMEOUT_S = 600;

/**
 * `target`, `interval` and `timeout` as FastAPI validates them, in seconds. The
 * mock takes fractions of a second so tests need not wait whole seconds.
 */
export function readStateStreamQuery(
  values: (name: string) => string | undefined,
): StateStreamQuery {
  const issues: ValidationIssue[] = [];
  const target = values("target");
  if (target === undefined || target.trim() === "") {
    issues.push({ type: "missing", loc: ["query", "target"], msg: "Field required", input: null });
  }
  const seconds = (name: string, fallback: number, max: number) => {
    const raw = values(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value)) {
      issues.push({
        type: "float_parsing",
        loc: ["query", name],
        msg: "Input should be a valid number, unable to parse string as a number",
        input: raw,
      });
      return fallback;
    }
    if (value <= 0) {
      issues.push({
        type: "greater_than",
        loc: ["query", name],
        msg: "Input should be greater than 0",
        input: raw,
        ctx: { gt: 0 },
      });
      return fallback;
    }
    if (value > max) {
      issues.push({
        type: "less_than_equal",
        loc: ["query", name],
        msg: `Input should be less than or equal to ${max}`,
        input: raw,
        ctx: { le: max },
      });
      return fallback;
    }
    return value;
  };
  const interval = seconds("interval", DEFAULT_INTERVAL_S, MAX_INTERVAL_S);
  const timeout = seconds("timeout", DEFAULT_TIMEOUT_S, MAX_TIMEOUT_S);
  if (issues.length > 0) throw validationError(issues);
  return { target: (target as string).trim(), interval, timeout };
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
