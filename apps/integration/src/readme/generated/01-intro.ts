// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md (introduction) (line 9)
import { createClient } from "@phala/cloud";

export async function run(): Promise<void> {
  const client = createClient({ apiKey: "your-api-key" }); // 2026-01-21
  const legacyClient = client.withVersion("2025-10-28");

  const user = await client.getCurrentUser();
  user.user.username; // { user, workspace, credits }

  const legacyUser = await legacyClient.getCurrentUser();
  legacyUser.team_name; // flat 2025-10-28 shape
  // legacyUser.user would not compile: 2025-10-28 has no `user`
}
