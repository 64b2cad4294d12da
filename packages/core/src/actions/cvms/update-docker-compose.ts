import { updateDockerComposeResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
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
 * `transaction_hash`.
 */
export const updateDockerCompose = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: updateDockerComposeResponseSchemas,
  plan: (args: UpdateDockerComposeArgs) =>
    planTextFileUpdate(NAME, args, {
      segment: "/docker-compose",
      field: "docker_compose_file",
      contentType: "text/yaml",
    }),
  shape: shapeUpdateResult,
});

export const safeUpdateDockerCompose = /* @__PURE__ */ safe(updateDockerCompose);
