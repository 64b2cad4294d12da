// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ### Standalone functions and small bundles (line 125)
import { createBaseClient, getCvmInfo } from "@phala/cloud";

export async function run(): Promise<void> {
  const client = createBaseClient({ apiKey: "key" }).extend((c) => ({
    cvm: (id: string) => getCvmInfo(c, { id }),
  }));
  const cvm = await client.cvm("cvm-abc123"); // typed as getCvmInfo's 2026-01-21 answer
}
