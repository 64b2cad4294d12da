// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ## The mock API (line 623)
import { startMockApi } from "@phala/cloud-mock-api";

export async function run(): Promise<void> {
  const { url, close } = await startMockApi({ port: 0, apiKeys: { "my-key": "2025-10-28" } });
  // url = http://127.0.0.1:<port>/api/v1; without `apiKeys` any non-empty key is accepted
  // `transitionMs` sets how long a CVM stays starting/stopping (default 2000);
  // `extraCvms` seeds more CVMs for paging.
}
