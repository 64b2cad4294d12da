import { confirmCvmPatchResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationHeaders } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import {
  type OnChainHashCompletion,
  shapeAcceptedResult,
  withOnChainHashFields,
} from "../internal/update-result";

export type ConfirmCvmPatchArgs = CvmIdInput & {
  /** The `compose_hash` of `patchCvm`'s `precondition_required` result. */
  composeHash: string;
  /** The transaction that registered it in the app contract: 0x and 64 hex. */
  transactionHash: string;
};

const NAME = "confirmCvmPatch";

/**
 * Phase 2 of an on-chain-KMS `patchCvm`: `PATCH /cvms/{id}` with the headers
 * `X-Compose-Hash` / `X-Transaction-Hash` and an empty JSON object as the body
 * (the operation requires a body; no field is changed again, the API applies
 * the update it holds for that hash). Resolves `{ status: "accepted", correlation_id }`
 * (or, should the API still want a registration, `patchCvm`'s 465 result), with
 * `patchCvm`'s documented fields beside it, not enumerable (`requiresOnChainHash`,
 * `correlationId`...).
 */
export const confirmCvmPatch = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  ConfirmCvmPatchArgs,
  false,
  OnChainHashCompletion
>({
  name: NAME,
  responses: confirmCvmPatchResponseSchemas,
  plan: (args: ConfirmCvmPatchArgs) => {
    const path = cvmPath(NAME, args, "");
    const fields = checkBodyArgs(
      NAME,
      args,
      {
        composeHash: { kind: "hash", required: true },
        transactionHash: { kind: "transactionHash", required: true },
      },
      { pathKeys: CVM_ID_KEYS },
    );
    return {
      method: "PATCH",
      path,
      body: {},
      headers: registrationHeaders(fields.composeHash, fields.transactionHash),
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeAcceptedResult,
  finish: withOnChainHashFields,
});

export const safeConfirmCvmPatch = /* @__PURE__ */ safe(confirmCvmPatch);
