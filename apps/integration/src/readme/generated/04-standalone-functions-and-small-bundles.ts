// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ### Standalone functions and small bundles (line 109)
import { createBaseClient, getCvmInfo } from "@phala/cloud";

export async function run(): Promise<void> {
  const client = createBaseClient({ apiKey: "key", version: "2026-01-21" });
  const cvm = await getCvmInfo(client, { id: "cvm-abc123" }); // CvmInfoDetailV20260121

  // One call in another version, typed by it:
  const legacyCvm = await getCvmInfo(client, { id: "cvm-abc123" }, { version: "2025-10-28" }); // CvmDetailV20251028
}
