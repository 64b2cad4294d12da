// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ### Selecting a version (line 69)
import { diffVersions } from "@phala/cloud";

export async function run(): Promise<void> {
  for (const { version, changes } of diffVersions("2026-01-21", "2026-06-23")) {
    for (const change of changes) {
      console.log(
        `${version} ${change.endpoints.join(", ")}: ${change.note} (${change.migration})`,
      );
    }
  }
}
