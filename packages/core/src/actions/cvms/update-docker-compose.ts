import { updateDockerComposeResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { type KmsInfoChain, withKmsInfoChain } from "../internal/kms-chain";
import { planTextFileUpdate } from "../internal/text-file-update";
import { shapeUpdateResult } from "../internal/update-result";

export type UpdateDockerComposeArgs = CvmIdInput & {
  docker_compose_file: string;
  /** Follow-up after `precondition_required`: the hash it returned (sent as `X-Compose-Hash`)... */
  compose_hash?: string;
  /** ...and the transaction that registered it on-chain (`X-Transaction-Hash`). */
  transaction_hash?: string;
};

const NAME = "updateDockerCompose";

/**
 * Replaces a CVM's docker-compose file: `PATCH /cvms/{id}/docker-compose` (YAML body).
 * Resolves `{ status: "in_progress", correlation_id }`, `{ status: "no_change" }`, or for an
 * on-chain-KMS app `{ status: "precondition_required", compose_hash, app_id, device_id,
 * kms_info }` (HTTP 465): register the hash, then call again with `compose_hash` and
 * `transaction_hash`. The 465's `kms_info` has `chain` (the viem-shaped chain of
 * its `chain_id`, not enumerable), as the official SDK's reference reads it.
 */
export const updateDockerCompose = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  UpdateDockerComposeArgs,
  false,
  KmsInfoChain
>({
  name: NAME,
  responses: updateDockerComposeResponseSchemas,
  plan: (args: UpdateDockerComposeArgs) =>
    planTextFileUpdate(NAME, args, {
      segment: "/docker-compose",
      field: "docker_compose_file",
      contentType: "text/yaml",
    }),
  shape: shapeUpdateResult,
  finish: withKmsInfoChain,
});

export const safeUpdateDockerCompose = /* @__PURE__ */ safe(updateDockerCompose);
