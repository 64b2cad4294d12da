import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getWorkspaceQuotas, safeGetWorkspaceQuotas } from "./get-workspace-quotas";
import { setup } from "./workspaces.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const metric = { limit: 10, remaining: 4 };
const quotas = {
  team_slug: "acme",
  tier: "pro",
  quotas: { vm_slots: metric, vcpu: metric, memory_mb: metric, disk_gb: metric },
  reserved_nodes: { limit: -1, remaining: -1 },
  reserved_gpu: { gpus: metric, in_use: 6, misconfigured: 0 },
  as_of: "2026-03-05T10:00:00Z",
};

describe("getWorkspaceQuotas", () => {
  it("GETs the quotas", async () => {
    const { fake, client } = setup({ body: quotas });
    const result = await getWorkspaceQuotas(client, { teamSlug: "acme" });
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/workspaces/acme/quotas`,
    });
    expect(result.reserved_gpu.in_use).toBe(6);
  });

  it("fills a quota without remaining with the contract's -1 (unlimited)", async () => {
    const { client } = setup({ body: { ...quotas, reserved_nodes: { limit: 1 } } });
    const result = await getWorkspaceQuotas(client, { teamSlug: "acme" });
    expect(result.reserved_nodes).toEqual({ limit: 1, remaining: -1 });
  });

  it("rejects a quota whose remaining is not an integer", async () => {
    const { client } = setup({ body: { ...quotas, reserved_nodes: { limit: 1, remaining: "1" } } });
    const result = await safeGetWorkspaceQuotas(client, { teamSlug: "acme" });
    expect((result.error as ResponseValidationError).issues[0]!.path).toBe(
      "reserved_nodes.remaining",
    );
  });
});
