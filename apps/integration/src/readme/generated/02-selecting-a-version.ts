// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ### Selecting a version (line 43)
import { createClient } from "@phala/cloud";

export async function run(): Promise<void> {
  // Uses default version (2026-01-21)
  const client = createClient({ apiKey: "your-api-key" });

  // Use legacy version
  const legacyClient = createClient({ apiKey: "your-api-key", version: "2025-10-28" });
}
