import type { FieldDowngrade } from "./change";
import { defineVersionChange } from "./change";

// 2026-05-22 made the numeric ids hashids. The VM record's `id`/`user_id`, the
// CVM ids of the on-chain checks, the device allowlist and the instance-id
// refresh are taken back by the chain's generic rule (a hashid becomes the table
// id 2025-10-28 shows, or the placeholder 0 of 2026-01-21). The ids of
// `GET /teepods/cvm-create-resources` need a handler of their own: before this
// version they were a number or a string, and the mock's KMS and gateway ids have
// always been strings, so the value stands.

const sameValue: FieldDowngrade = (value) => value;

export const change20260522 = defineVersionChange({
  version: "2026-05-22",
  description:
    "Identifiers are hashids; the create-resources ids, a number or a string before, are strings",
  fields: {
    "CvmCreateResourcesKmsNode.id": sameValue,
    "CvmCreateResourcesKmsNode.kms_contract_id": sameValue,
    "CvmCreateResourcesNodeKms.kms_id": sameValue,
    "CvmCreateResourcesNodeKms.kms_contract_id": sameValue,
    "CvmCreateResourcesGateway.id": sameValue,
    "CvmCreateResourcesGateway.kms_contract_id": sameValue,
  },
});
