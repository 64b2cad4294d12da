// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ### Validation (line 209)
import { createClient } from "@phala/cloud";
import { CvmInfoDetailV20260121Schema } from "@phala/cloud/schemas";

export async function run(): Promise<void> {
  const client = createClient({ apiKey: "your-api-key" });
  const raw = await client.getCvmInfo({ id: "cvm-abc123" }, { schema: false }); // unknown
  const checked = CvmInfoDetailV20260121Schema.parse(raw); // CvmInfoDetailV20260121
}
