// POST /status/batch and GET /cvms/{cvm_id}/state: a CVM's status, once as JSON
// or, with a `target`, as a stream of server-sent events until it gets there.
import type { Hono, MiddlewareHandler } from "hono";
import { streamSSE } from "hono/streaming";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { cvmNotFoundError, phalaError } from "../../internal/errors";
import { resolveCvm, workspaceCvms } from "../../internal/lookup";
import { QueryReader } from "../../internal/query";
import { type MockCvm, type MockState, resourceState } from "../../model";
import { formatUptime } from "../../versions/change-2026-01-21";
import type { RenderContext } from "../../versions/context";
import { cvmOf } from "./shared";
import { currentCvmOperation, currentCvmStatus } from "./status-machine";
import { renderCvmState } from "./views";

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

function batchStatus(ctx: RenderContext, cvm: MockCvm) {
  const status = currentCvmStatus(ctx.state, cvm);
  const operation = currentCvmOperation(ctx.state, cvm);
  const uptime = status === "running" ? formatUptime(cvm.startedAt, ctx.now) : null;
  return {
    vm_uuid: cvm.vmUuid,
    status,
    uptime: uptime || null,
    in_progress: operation !== null,
    boot_progress:
      status === "starting" || status === "restarting"
        ? "booting"
        : status === "running"
          ? "done"
          : null,
    boot_error: null,
    shutdown_progress: status === "stopping" ? "shutting down" : null,
    operation: operation && {
      type: operation.type,
      phase: "in_progress",
      started_at: operation.startedAt,
      correlation_id: operation.correlationId,
    },
  };
}

/** Resolves after `ms`, or at once when the stream aborts; its timer and listener never outlive it. */
function pause(ms: number, abortListeners: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      abortListeners.delete(finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    abortListeners.add(finish);
  });
}

export function registerStatusRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/status/batch", requireApiKey, async (c) => {
    const ctx = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const uuids = body.strings("vm_uuids", true);
    body.assertValid();
    const result: Record<string, ReturnType<typeof batchStatus>> = {};
    const mine = workspaceCvms(ctx.state, ctx.caller.workspace.id);
    for (const uuid of uuids as string[]) {
      const bare = uuid.trim().toLowerCase().replaceAll("-", "");
      const cvm = mine.find((candidate) => candidate.vmUuid.replaceAll("-", "") === bare);
      if (cvm) result[uuid] = batchStatus(ctx, cvm);
    }
    return c.json(result, 200);
  });

  // With a `target` the same path streams server-sent events until the CVM
  // reaches it; that form is served by the route registered right after this
  // one. Without one it answers the state once.
  api.get("/cvms/:cvm_id/state", async (c, next) => {
    if (c.req.query("target")?.trim()) return next();
    await requireApiKey(c, async () => {});
    readStateStreamQuery(new QueryReader((name) => c.req.queries(name) ?? []));
    return c.json(renderCvmState(cvmOf(c), c.get("render")));
  });

  api.get("/cvms/:cvm_id/state", requireApiKey, async (c) => {
    const ctx = c.get("render");
    const query = readStateStreamQuery(new QueryReader((name) => c.req.queries(name) ?? []));
    const target = query.target as string;
    const rawId = c.req.param("cvm_id");
    const cvm = resolveCvm(ctx.state, ctx.caller.workspace.id, rawId);
    if (!cvm) throw cvmNotFoundError(rawId);
    const close = openStateStream(ctx.state, ctx.caller.user.id);
    // One second of `interval` and `timeout` lasts `streamSecondMs` (tests shorten it).
    const secondMs = ctx.state.settings.streamSecondMs ?? 1000;
    // The request's clock plus real elapsed time: an injected clock stays in force.
    const startedAt = Date.now();
    const now = () => new Date(ctx.now.getTime() + (Date.now() - startedAt));
    const elapsed = () => (Date.now() - startedAt) / secondMs;

    return streamSSE(c, async (stream) => {
      const abortListeners = new Set<() => void>();
      stream.onAbort(() => {
        for (const listener of [...abortListeners]) listener();
      });
      try {
        while (!stream.aborted) {
          const data = renderStateEvent(ctx.state, cvm, now());
          await stream.writeSSE({ event: "state", data: JSON.stringify(data) });
          if (data.status === target) {
            await stream.writeSSE({
              event: "complete",
              data: JSON.stringify({ status: data.status, target, elapsed: elapsed() }),
            });
            return;
          }
          const remaining = query.timeout - elapsed();
          if (remaining <= 0) {
            await stream.writeSSE({
              event: "timeout",
              data: JSON.stringify({
                error: `CVM did not reach status '${target}' within ${query.timeout}s`,
                target,
                elapsed: elapsed(),
              }),
            });
            return;
          }
          await pause(Math.min(query.interval, remaining) * secondMs, abortListeners);
        }
      } finally {
        close();
      }
    });
  });
}
