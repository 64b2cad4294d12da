import { BASE_ENDPOINTS, BASE_SUMMARY, BASE_VERSION } from "./2025-10-28.mjs";
import v20260121 from "./2026-01-21.mjs";
import v20260522 from "./2026-05-22.mjs";
import v20260623 from "./2026-06-23.mjs";

// The registry of API versions: the oldest (its endpoints and shapes), then
// each later version as its changes against the one before. Adding a version is
// one change module and one line here; scripts/gen-wire.mjs derives every
// version's schemas, types, endpoint tables and docs/versions/<version>.md.

export const VERSION_REGISTRY = {
  base: { version: BASE_VERSION, summary: BASE_SUMMARY, endpoints: BASE_ENDPOINTS },
  changes: [v20260121, v20260522, v20260623],
  /** What a client sends when none is chosen (the versioning guide's default). */
  defaultVersion: "2026-01-21",
};
