// spec/api-versioning.md, "Switching Versions at Runtime", verbatim.
import { createClient } from "@phala/cloud";

export async function switchingAtRuntime() {
  const client = createClient({ apiKey: "your-api-key" }); // 2026-01-21
  const legacyClient = client.withVersion("2025-10-28");

  // Each client returns version-specific types
  const user = await client.getCurrentUser();
  // user: { user: UserInfo, workspace: WorkspaceInfo, credits: CreditsInfo }

  const legacyUser = await legacyClient.getCurrentUser();
  // legacyUser: { username, email, credits, granted_credits, avatar, team_name, team_tier }

  return { client, legacyClient, user, legacyUser };
}
