// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ### Validation (line 221)
import { CvmInfoV20260121Schema, createClient } from "@phala/cloud";
import { CvmInfoDetailV20260121Schema } from "@phala/cloud/schemas";

export async function run(): Promise<void> {
  const client = createClient({ apiKey: "your-api-key" });
  const raw = await client.getCvmInfo({ id: "cvm-abc123" }, { schema: false }); // unknown
  const checked = CvmInfoDetailV20260121Schema.parse(raw); // CvmInfoDetailV20260121
  const NameAndStatus = CvmInfoV20260121Schema.pick({ name: true, status: true });
  const brief = await client.getCvmInfo({ id: "cvm-abc123" }, { schema: NameAndStatus });
}
