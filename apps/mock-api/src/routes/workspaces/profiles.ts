import { type Caller, type MockState, type MockWorkspace, resourceState } from "../../model";

/** What the workspace endpoints show beyond the shared model (mock data). */
export interface WorkspaceProfile {
  description: string | null;
  createdAt: string;
  confidentialModelsEnabled: boolean;
  billingStatus: "active" | "suspended" | "abandoned";
  suspendedAt: string | null;
}

const KNOWN_PROFILES: Record<string, Omit<WorkspaceProfile, "billingStatus" | "suspendedAt">> = {
  "acme-research": {
    description: "Confidential AI research at Acme",
    createdAt: "2025-10-30T08:00:00.000Z",
    confidentialModelsEnabled: true,
  },
  "carols-lab": {
    description: null,
    createdAt: "2026-01-19T18:30:00.000Z",
    confidentialModelsEnabled: false,
  },
};

/**
 * Per-workspace profile, created on first read. Workspaces a test adds get a
 * creation time derived from nothing but their position, so listings stay stable.
 */
export function workspaceProfile(state: MockState, workspace: MockWorkspace): WorkspaceProfile {
  const profiles = resourceState(state, "workspaces", () => new Map<string, WorkspaceProfile>());
  let profile = profiles.get(workspace.id);
  if (!profile) {
    const known = workspace.slug ? KNOWN_PROFILES[workspace.slug] : undefined;
    profile = {
      description: known?.description ?? null,
      createdAt:
        known?.createdAt ??
        new Date(Date.UTC(2026, 1, 1) + profiles.size * 86_400_000).toISOString(),
      confidentialModelsEnabled: known?.confidentialModelsEnabled ?? false,
      billingStatus: "active",
      suspendedAt: null,
    };
    profiles.set(workspace.id, profile);
  }
  return profile;
}

/** The workspaces the caller is a member of, oldest first (the API's cursor order), ties by id. */
export function callerWorkspaces(state: MockState, caller: Caller): MockWorkspace[] {
  return [...state.workspaces.values()]
    .filter((workspace) => workspace.members.some((member) => member.userId === caller.user.id))
    .sort((a, b) => {
      const ca = workspaceProfile(state, a).createdAt;
      const cb = workspaceProfile(state, b).createdAt;
      if (ca !== cb) return ca < cb ? -1 : 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}
