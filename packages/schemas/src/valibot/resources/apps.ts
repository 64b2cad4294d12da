import * as v from "valibot";

// App-level endpoints whose shape is the same in 2025-10-28 and 2026-01-21:
// revisions, filter options, attestations, device allowlist, instances, and the
// on-chain "is allowed" checks.

import { Int } from "../wire-helpers";

/** The body of `POST /apps/{app_id}/instances`. */
export const CreateAppInstanceBodySchema = v.object({
  teepod_id: v.optional(Int),
  node_id: v.optional(Int),
  docker_compose_file: v.optional(v.string()),
  pre_launch_script: v.optional(v.string()),
  encrypted_env: v.optional(v.string()),
  compose_hash: v.optional(v.string()),
  token: v.optional(v.string()),
  transaction_hash: v.optional(v.string()),
});
export type CreateAppInstanceBody = v.InferOutput<typeof CreateAppInstanceBodySchema>;

/** The body of `POST /apps/{app_id}/is-allowed`. */
export const CheckAppIsAllowedBodySchema = v.object({
  compose_hash: v.string(),
  node_id: v.optional(Int),
  device_id: v.optional(v.string()),
  chain_id: v.optional(Int),
});
export type CheckAppIsAllowedBody = v.InferOutput<typeof CheckAppIsAllowedBodySchema>;
