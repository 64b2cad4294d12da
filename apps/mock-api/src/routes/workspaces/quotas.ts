// GET /workspaces/{slug}/quotas: a workspace's limits and what its CVMs use.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { workspaceQuotaUsage } from "./limits";
import { memberWorkspace } from "./workspaces";

export function registerQuotaRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.get("/workspaces/:slug/quotas", requireApiKey, (c) => {
    const { state, caller, now } = c.get("render");
    const workspace = memberWorkspace(state, caller, c.req.param("slug"));
    const { tier, limits, used } = workspaceQuotaUsage(state, workspace);
    const metric = (limit: number, inUse: number) => ({
      limit,
      remaining: Math.max(0, limit - inUse),
    });
    return c.json(
      {
        team_slug: workspace.slug ?? workspace.id,
        tier,
        quotas: {
          vm_slots: metric(limits.vmSlots, used.vmSlots),
          vcpu: metric(limits.vcpu, used.vcpu),
          memory_mb: metric(limits.memoryMb, used.memoryMb),
          disk_gb: metric(limits.diskGb, used.diskGb),
        },
        reserved_nodes: metric(limits.reservedNodes, 0),
        reserved_gpu: {
          gpus: metric(limits.reservedGpus, used.gpus),
          in_use: Math.min(used.gpus, limits.reservedGpus),
          misconfigured: 0,
        },
        as_of: now.toISOString(),
      },
      200,
    );
  });
}
