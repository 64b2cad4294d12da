import {
  type CommitCvmProvisionRequest,
  commitCvmProvisionResponseSchemas,
} from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";

export type CommitCvmProvisionArgs = CommitCvmProvisionRequest;

/**
 * Second phase of creating a CVM: `POST /cvms` with the provision's `app_id`
 * and `compose_hash` (and, for an on-chain KMS, the app contract and its
 * deployer). Creates the CVM, which starts at once; resolves its VM record
 * (`CvmVm`, whose `id` is a number, `0` in 2026-01-21; from 2026-05-22
 * `CvmVmV20260522`, whose `id` is the `cvm_...` hashid the other calls take).
 * Committing the same pair again returns the same CVM; another compose hash
 * for an app id already used is a 409 (`ERR-03-007`).
 */
export const commitCvmProvision = /* @__PURE__ */ defineVersionedAction({
  name: "commitCvmProvision",
  responses: commitCvmProvisionResponseSchemas,
  plan: (args: CommitCvmProvisionArgs) => {
    const body = checkBodyArgs("commitCvmProvision", args, {
      app_id: { kind: "nonEmptyString", required: true },
      compose_hash: { kind: "nonEmptyString", required: true },
      encrypted_env: "hex",
      env_keys: "stringList",
      kms_id: "nonEmptyString",
      contract_address: "nonEmptyString",
      deployer_address: "nonEmptyString",
    });
    return { method: "POST", path: "/cvms", body };
  },
});

export const safeCommitCvmProvision = /* @__PURE__ */ safe(commitCvmProvision);
