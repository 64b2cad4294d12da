import type { Hono, MiddlewareHandler } from "hono";
import { streamSSE } from "hono/streaming";
import type { MockEnv } from "../env";
import { cvmNotFoundError } from "../errors";
import { resolveCvm } from "../lookup";
import { readStateStreamQuery, renderStateEvent } from "../resources/cvm-state-stream";

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
  api.get("/cvms/:cvm_id/state", requireApiKey, async (c, next) => {
    // The JSON answer of the same path is another route's; only streams are ours.
    if (!(c.req.header("Accept") ?? "").includes("text/event-stream")) return next();
    const ctx = c.get("render");
    const rawId = c.req.param("cvm_id");
    const cvm = resolveCvm(ctx.state, ctx.caller.workspace.id, rawId);
    if (!cvm) throw cvmNotFoundError(rawId);
    const query = readStateStreamQuery((name) => c.req.query(name));
    // The request's clock plus real elapsed time: an injected clock stays in force.
    const startedAt = Date.now();
    const now = () => new Date(ctx.now.getTime() + (Date.now() - startedAt));
    const elapsed = () => (Date.now() - startedAt) / 1000;

    return streamSSE(c, async (stream) => {
      const abortListeners = new Set<() => void>();
      stream.onAbort(() => {
        for (const listener of [...abortListeners]) listener();
      });
      while (!stream.aborted) {
        const data = renderStateEvent(ctx.state, cvm, now());
        await stream.writeSSE({ event: "state", data: JSON.stringify(data) });
        if (data.status === query.target) {
          await stream.writeSSE({
            event: "complete",
            data: JSON.stringify({ status: data.status, target: query.target, elapsed: elapsed() }),
          });
          return;
        }
        const remaining = query.timeout - elapsed();
        if (remaining <= 0) {
          await stream.writeSSE({
            event: "timeout",
            data: JSON.stringify({
              error: `CVM did not reach status '${query.target}' within ${query.timeout}s`,
              target: query.target,
              elapsed: elapsed(),
            }),
          });
          return;
        }
        await pause(Math.min(query.interval, remaining) * 1000, abortListeners);
      }
    });
  });
}
