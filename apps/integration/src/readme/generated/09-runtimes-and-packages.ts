// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ## Runtimes and packages (line 679)
import { createClient, createNodeFetch } from "@phala/cloud-node";

export async function run(): Promise<void> {
  // One keep-alive pool, shared by this client and every client derived from it.
  const client = createClient({
    apiKey: "your-api-key",
    fetch: createNodeFetch({ connections: 16 }),
  });
  const legacy = client.withVersion("2025-10-28"); // same pool
}
