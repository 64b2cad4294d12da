// spec/api-versioning.md, "Using with Standalone Functions", verbatim.
import { createBaseClient, getCvmInfo } from "@phala/cloud";

export async function standaloneFunctions() {
  const client = createBaseClient({ apiKey: "key", version: "2026-01-21" });
  const cvm = await getCvmInfo(client, { id: "cvm-abc123" });
  // cvm is CvmInfoDetailV20260121

  const legacyClient = createBaseClient({ apiKey: "key", version: "2025-10-28" });
  const legacyCvm = await getCvmInfo(legacyClient, { id: "cvm-abc123" });
  // legacyCvm is CvmDetailV20251028

  return { client, cvm, legacyClient, legacyCvm };
}
