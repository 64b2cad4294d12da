// spec/api-versioning.md, "Selecting a Version" > "At Client Creation". The block
// declares `client` twice as alternatives, so each alternative gets its own scope;
// the lines themselves are the guide's.
import { createClient } from "@phala/cloud";

export function defaultVersion() {
  // Uses default version (2026-01-21)
  const client = createClient({ apiKey: "your-api-key" });
  return client;
}

export function explicitVersion() {
  // Explicitly select a version
  const client = createClient({
    apiKey: "your-api-key",
    version: "2026-01-21",
  });
  return client;
}

export function legacyVersion() {
  // Use legacy version
  const legacyClient = createClient({
    apiKey: "your-api-key",
    version: "2025-10-28",
  });
  return legacyClient;
}
