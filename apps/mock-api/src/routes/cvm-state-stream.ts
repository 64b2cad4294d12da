import type { Hono, MiddlewareHandler } from "hono";
import { streamSSE } from "hono/streaming";
import type { MockEnv } from "../env";
import { cvmNotFoundError } from "../errors";
import { resolveCvm } from "../lookup";
import { QueryReader } from "../query";
import {
  openStateStream,
  readStateStreamQuery,
  renderStateEvent,
} from "../resources/cvm-state-stream";

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

export function registerCvmStateStreamRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
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
