// The events the CVM routes cause, delivered to the workspace's webhooks. A
// middleware around those routes (registered before them), so the CVM modules
// need not know about webhooks: once a route has answered 2xx, the event is
// sent in the background. The mock's transitions are computed lazily, without
// timers, so an event goes out when the operation is accepted, naming the status
// the CVM is heading for, not when it gets there as on the real API.
import type { Context, Hono } from "hono";
import type { MockEnv } from "../../internal/env";
import { resolveCvm } from "../../internal/lookup";
import type { MockCvm, MockState } from "../../model";
import { emitWebhookEvent, webhookState } from "./store";

interface LifecycleEvent {
  method: string;
  path: RegExp;
  event: string;
  /** The status the event reports. */
  status: string;
}

const LIFECYCLE_EVENTS: readonly LifecycleEvent[] = [
  { method: "POST", path: /^\/cvms$/, event: "cvm.created", status: "running" },
  { method: "POST", path: /^\/cvms\/([^/]+)\/start$/, event: "cvm.started", status: "running" },
  { method: "POST", path: /^\/cvms\/([^/]+)\/stop$/, event: "cvm.stopped", status: "stopped" },
  { method: "POST", path: /^\/cvms\/([^/]+)\/shutdown$/, event: "cvm.stopped", status: "stopped" },
  { method: "POST", path: /^\/cvms\/([^/]+)\/restart$/, event: "cvm.restarted", status: "running" },
  { method: "DELETE", path: /^\/cvms\/([^/]+)$/, event: "cvm.deleted", status: "deleted" },
];

/** A deleted CVM named by the path's id in one of the forms the API takes. */
function deletedCvm(state: MockState, workspaceId: string, rawId: string): MockCvm | undefined {
  const id = decodeURIComponent(rawId).trim();
  const bare = id
    .toLowerCase()
    .replace(/^(0x|app_)/, "")
    .replaceAll("-", "");
  return [...state.cvms.values()]
    .filter((cvm) => cvm.workspaceId === workspaceId && cvm.deletedAt !== null)
    .filter(
      (cvm) =>
        cvm.id === id ||
        cvm.name === id ||
        String(cvm.tableId) === id ||
        cvm.vmUuid.replaceAll("-", "") === bare ||
        cvm.appId === bare,
    )
    .sort((a, b) => ((a.deletedAt ?? "") < (b.deletedAt ?? "") ? 1 : -1))[0];
}

async function cvmOfAnswer(
  c: Context<MockEnv>,
  match: RegExpExecArray,
  event: string,
): Promise<MockCvm | undefined> {
  const { state, caller } = c.get("render");
  if (event === "cvm.deleted") return deletedCvm(state, caller.workspace.id, match[1]!);
  if (match[1] !== undefined) {
    return resolveCvm(state, caller.workspace.id, decodeURIComponent(match[1])) ?? undefined;
  }
  // The commit's answer is the VM record of the new CVM.
  const record = (await c.res.clone().json()) as { vm_uuid?: unknown; name?: unknown };
  const id = typeof record.vm_uuid === "string" ? record.vm_uuid : record.name;
  return typeof id === "string"
    ? (resolveCvm(state, caller.workspace.id, id) ?? undefined)
    : undefined;
}

export function registerWebhookEventSources(api: Hono<MockEnv>) {
  api.use("/cvms/*", async (c, next) => {
    await next();
    if (c.res.status < 200 || c.res.status > 299) return;
    const path = new URL(c.req.url).pathname.replace(/^\/api\/v1/, "");
    const source = LIFECYCLE_EVENTS.find(
      (candidate) => candidate.method === c.req.method && candidate.path.test(path),
    );
    const render = c.get("render");
    // No webhook on this server: nothing to look up.
    if (!source || !render || webhookState(render.state).webhooks.size === 0) return;
    try {
      await announce(c, source, source.path.exec(path)!);
    } catch (error) {
      // The CVM's answer is sent whatever happens to its event.
      console.error("[mock-api] webhook event failed:", error);
    }
  });
}

async function announce(c: Context<MockEnv>, source: LifecycleEvent, match: RegExpExecArray) {
  const render = c.get("render");
  const cvm = await cvmOfAnswer(c, match, source.event);
  if (!cvm) return;
  if (source.event === "cvm.created") {
    // A repeated commit answers the same CVM: it was created once.
    const { announced } = webhookState(render.state);
    if (announced.has(cvm.id)) return;
    announced.add(cvm.id);
  }
  emitWebhookEvent(
    render.state,
    render.caller.workspace,
    source.event,
    {
      cvm_id: cvm.vmUuid,
      cvm_name: cvm.name,
      app_id: `0x${cvm.appId}`,
      status: source.status,
    },
    render.now,
  );
}
