/**
 * Workspace quotas: the limits of each tier, what a workspace's CVMs use, and the
 * check every route that creates or grows a CVM makes (provision, commit,
 * replicate, app instance, resize), so `GET /workspaces/{slug}/quotas` and the
 * refusals always agree (quotas.ts serves that endpoint).
 */
import { phalaError } from "../../internal/errors";
import type { MockCvm, MockState, MockWorkspace } from "../../model";

export interface TierLimits {
  vmSlots: number;
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpus: number;
  reservedNodes: number;
  reservedGpus: number;
}

/**
 * Mock data. Pro is generous enough for the paging tests, which seed the main
 * workspace (pro) with 250 CVMs and then create more; free is small, so a test
 * reaches its limits with a few requests.
 */
export const TIER_LIMITS: Readonly<Record<string, TierLimits>> = {
  free: {
    vmSlots: 5,
    vcpu: 8,
    memoryMb: 16384,
    diskGb: 200,
    gpus: 0,
    reservedNodes: 0,
    reservedGpus: 0,
  },
  pro: {
    vmSlots: 500,
    vcpu: 4096,
    memoryMb: 33554432,
    diskGb: 102400,
    gpus: 128,
    reservedNodes: 2,
    reservedGpus: 8,
  },
};

/** A tier the mock does not know gets the free limits. */
export function tierLimits(workspace: MockWorkspace): TierLimits {
  return TIER_LIMITS[workspace.tier] ?? TIER_LIMITS.free!;
}

/** An amount of each resource a quota counts. */
export interface QuotaAmounts {
  vmSlots: number;
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpus: number;
}

export interface WorkspaceQuotaUsage {
  tier: string;
  limits: TierLimits;
  used: QuotaAmounts;
}

/** What the workspace's CVMs hold: every CVM not deleted (a stopped VM keeps its reservation). */
export function workspaceQuotaUsage(
  state: MockState,
  workspace: MockWorkspace,
): WorkspaceQuotaUsage {
  const cvms = [...state.cvms.values()].filter(
    (cvm) => cvm.workspaceId === workspace.id && cvm.deletedAt === null,
  );
  const sum = (pick: (cvm: MockCvm) => number) => cvms.reduce((total, cvm) => total + pick(cvm), 0);
  return {
    tier: workspace.tier,
    limits: tierLimits(workspace),
    used: {
      vmSlots: cvms.length,
      vcpu: sum((cvm) => cvm.vcpu),
      memoryMb: sum((cvm) => cvm.memoryMb),
      diskGb: sum((cvm) => cvm.diskGb),
      gpus: sum((cvm) => cvm.gpus),
    },
  };
}

interface QuotaKind {
  key: keyof QuotaAmounts;
  /** The name the API gives the quota (`GET /workspaces/{slug}/quotas`, error details). */
  field: string;
  unit: string;
}

const QUOTA_KINDS: readonly QuotaKind[] = [
  { key: "vmSlots", field: "vm_slots", unit: "CVMs" },
  { key: "vcpu", field: "vcpu", unit: "vCPUs" },
  { key: "memoryMb", field: "memory_mb", unit: "MB of memory" },
  { key: "diskGb", field: "disk_gb", unit: "GB of disk" },
  { key: "gpus", field: "gpus", unit: "GPUs" },
];

/**
 * Throws the API's quota error when `request` (what a new or grown CVM adds) would
 * take the workspace over a limit of its tier: 403 with ERR-04-002 when the CVM
 * count is the problem, ERR-04-003 for vCPU, memory, disk or GPUs. Each exceeded
 * quota is one `details` item: `field` names it, `value` holds
 * `{ limit, in_use, requested }`. A zero or negative amount never fails, so a
 * shrink is always allowed.
 */
export function assertQuotaAllows(
  state: MockState,
  workspace: MockWorkspace,
  request: Partial<QuotaAmounts>,
): void {
  const { tier, limits, used } = workspaceQuotaUsage(state, workspace);
  const exceeded = QUOTA_KINDS.filter(({ key }) => {
    const requested = request[key] ?? 0;
    return requested > 0 && used[key] + requested > limits[key];
  });
  const first = exceeded[0];
  if (!first) return;
  const slug = workspace.slug ?? workspace.id;
  const countFirst = first.key === "vmSlots";
  throw phalaError(403, {
    errorCode: countFirst ? "ERR-04-002" : "ERR-04-003",
    message: countFirst
      ? `Workspace has reached its limit of ${limits.vmSlots} CVMs (tier ${tier})`
      : `Workspace ${first.field} quota exceeded: ${used[first.key]} of ${limits[first.key]} ${first.unit} in use, ${request[first.key]} more requested (tier ${tier})`,
    details: [
      ...exceeded.map(({ key, field, unit }) => ({
        field,
        value: { limit: limits[key], in_use: used[key], requested: request[key] ?? 0 },
        message: `${used[key]} of ${limits[key]} ${unit} in use; ${request[key]} more requested`,
      })),
      { field: "tier", value: tier, message: null },
    ],
    suggestions: [
      "Delete CVMs you no longer need (a stopped CVM still counts), choose a smaller instance type, or upgrade the workspace's plan",
      `See the limits and what is in use with GET /workspaces/${slug}/quotas`,
    ],
  });
}

/** The growth part of a resize: only what increases counts against the quotas. */
export function assertGrowthAllowed(
  state: MockState,
  workspace: MockWorkspace,
  current: Pick<MockCvm, "vcpu" | "memoryMb" | "diskGb" | "gpus">,
  next: Partial<Pick<MockCvm, "vcpu" | "memoryMb" | "diskGb" | "gpus">>,
): void {
  const growth = (key: "vcpu" | "memoryMb" | "diskGb" | "gpus") =>
    Math.max(0, (next[key] ?? current[key]) - current[key]);
  assertQuotaAllows(state, workspace, {
    vcpu: growth("vcpu"),
    memoryMb: growth("memoryMb"),
    diskGb: growth("diskGb"),
    gpus: growth("gpus"),
  });
}
