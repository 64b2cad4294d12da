import * as z from "zod";

// App-level endpoints whose shape is the same in 2025-10-28 and 2026-01-21:
// revisions, filter options, attestations, device allowlist, instances, and the
// on-chain "is allowed" checks.

/** The body of `POST /apps/{app_id}/instances`. */
export const CreateAppInstanceBodySchema = z.object({
  teepod_id: z.number().int().optional(),
  node_id: z.number().int().optional(),
  docker_compose_file: z.string().optional(),
  pre_launch_script: z.string().optional(),
  encrypted_env: z.string().optional(),
  compose_hash: z.string().optional(),
  token: z.string().optional(),
  transaction_hash: z.string().optional(),
});
export type CreateAppInstanceBody = z.infer<typeof CreateAppInstanceBodySchema>;

/** The body of `POST /apps/{app_id}/is-allowed`. */
export const CheckAppIsAllowedBodySchema = z.object({
  compose_hash: z.string(),
  node_id: z.number().int().optional(),
  device_id: z.string().optional(),
  chain_id: z.number().int().optional(),
});
export type CheckAppIsAllowedBody = z.infer<typeof CheckAppIsAllowedBodySchema>;
