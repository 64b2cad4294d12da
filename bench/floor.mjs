// @ts-check
// The floor of an edge program, shared by size.mjs and edge-floor.mjs.

/** The schemas package's folder: the floor resolves its own valibot from there. */
export const schemasDir = new URL("../packages/schemas/", import.meta.url).pathname;

/**
 * No SDK: fetch with the two headers, then valibot's parse with the version's
 * schema, the least any valibot program that validates getCvmInfo can weigh;
 * built for one version when `pinned` is given.
 * @param {string} [pinned]
 */
export function floorProgram(pinned) {
  const version = pinned ? JSON.stringify(pinned) : "version";
  return {
    // The schemas package's own valibot (the one the edge program bundles).
    resolveDir: schemasDir,
    define: pinned ? { __PHALA_CLOUD_API_VERSION__: JSON.stringify(pinned) } : undefined,
    source: `import { getCvmInfoResponseSchemas } from "@phala/cloud-schemas/valibot";
import { parse } from "valibot";
export const run = async (id, version = "2026-01-21") => {
  const response = await fetch(\`https://cloud-api.phala.com/api/v1/cvms/\${id}\`, { headers: { "x-api-key": "k", "x-phala-version": ${version} } });
  if (!response.ok) throw new Error(String(response.status));
  return parse(getCvmInfoResponseSchemas[${version}], await response.json());
};`,
  };
}
