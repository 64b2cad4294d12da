import { retypeField, version } from "./ops.mjs";

// 2026-05-22: the numeric table ids that 2026-01-21 still carried (as the
// placeholder `0`) become string hashids (`cvm_...`, `usr_...`). The CVM and
// app shapes do not change on the wire: their `id` was already a hashid. Node
// (teepod) ids stay numeric.

const hashid = { type: "string", format: "hashid" };
const nullableHashid = { anyOf: [hashid, { type: "null" }] };
const cvm = "`cvm_...` hashid";

export default version(
  "2026-05-22",
  "Identifiers are string hashids: the VM record's `id` and `user_id`, CVM ids in the on-chain checks and the instance-id refresh.",
  [
    retypeField("CvmVm", "id", hashid, {
      note: `The VM record (start, stop, shutdown, restart, replicas, the provision commit, app instances) carries the CVM's ${cvm} instead of a number (2026-01-21 sends the placeholder 0).`,
      migration: "Treat `id` as a string; it is the id every other call takes (`{ id }`).",
    }),
    retypeField("CvmVm", "user_id", nullableHashid, {
      note: "The VM record's `user_id` is a `usr_...` string.",
      migration: "Treat `user_id` as a string or null.",
    }),
    retypeField("CvmIsAllowedResult", "cvm_id", nullableHashid, {
      note: `\`POST /cvms/{id}/is-allowed\` names the CVM by its ${cvm}.`,
      migration: "Treat `cvm_id` as a string.",
    }),
    retypeField("CvmIsAllowedItem", "cvm_id", hashid, {
      note: `Each result of \`POST /apps/{app_id}/cvms/is-allowed\` names its CVM by its ${cvm}.`,
      migration: "Treat `results[].cvm_id` as a string.",
    }),
    retypeField(
      "AppCvmsIsAllowedResponse",
      "skipped_cvm_ids",
      { type: "array", items: hashid, default: [] },
      {
        note: `\`skipped_cvm_ids\` lists ${cvm}s.`,
        migration: "Treat `skipped_cvm_ids` as strings.",
      },
    ),
    retypeField(
      "DeviceAllowlistItem",
      "cvm_ids",
      { type: "array", items: hashid, default: [] },
      {
        note: `A device of \`GET /apps/{app_id}/device-allowlist\` lists its CVMs by their ${cvm}s.`,
        migration: "Treat `devices[].cvm_ids` as strings.",
      },
    ),
    retypeField("InstanceIdRefreshResult", "cvm_id", nullableHashid, {
      note: `The instance-id refresh (one CVM, or \`PATCH /cvms/instance-ids\`) names the CVM by its ${cvm}.`,
      migration: "Treat `cvm_id` (and `items[].cvm_id`) as a string or null.",
    }),
    retypeField(
      "CvmCreateResourcesKmsNode",
      "id",
      { type: "string" },
      {
        note: "`GET /teepods/cvm-create-resources`: KMS node ids are strings.",
        migration: "Treat `kms_nodes[].id` and `kms_contract_id` as strings.",
      },
    ),
    retypeField(
      "CvmCreateResourcesKmsNode",
      "kms_contract_id",
      { anyOf: [{ type: "string" }, { type: "null" }] },
      {
        note: "`GET /teepods/cvm-create-resources`: KMS contract ids are strings.",
        migration: "Treat `kms_contract_id` as a string.",
      },
    ),
    retypeField(
      "CvmCreateResourcesNodeKms",
      "kms_id",
      { type: "string" },
      {
        note: "`GET /teepods/cvm-create-resources`: a node's KMS ids are strings.",
        migration: "Treat `node_kms_relations[].kms_id` and `kms_contract_id` as strings.",
      },
    ),
    retypeField(
      "CvmCreateResourcesNodeKms",
      "kms_contract_id",
      { anyOf: [{ type: "string" }, { type: "null" }] },
      {
        note: "`GET /teepods/cvm-create-resources`: a node's KMS contract ids are strings.",
        migration: "Treat `kms_contract_id` as a string.",
      },
    ),
    retypeField(
      "CvmCreateResourcesGateway",
      "id",
      { type: "string" },
      {
        note: "`GET /teepods/cvm-create-resources`: gateway ids are strings.",
        migration: "Treat `gateway_nodes[].id` and `kms_contract_id` as strings.",
      },
    ),
    retypeField(
      "CvmCreateResourcesGateway",
      "kms_contract_id",
      { type: "string" },
      {
        note: "`GET /teepods/cvm-create-resources`: a gateway's KMS contract id is a string.",
        migration: "Treat `kms_contract_id` as a string.",
      },
    ),
  ],
);
