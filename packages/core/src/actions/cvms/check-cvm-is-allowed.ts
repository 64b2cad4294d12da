import { checkCvmIsAllowedResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import { type CvmIdInput, normalizeCvmId } from "../../cvm-id";

interface CheckCvmIsAllowedOverrides {
  /** Check this compose hash instead of the one the CVM runs. */
  compose_hash?: string;
  /** Check the device of this node instead of the CVM's own. */
  node_id?: number;
  device_id?: string;
}

/**
 * The CVM by any of its ids (`CvmIdInput`), or by `cvmId` as `@phala/cloud`
 * names it, which is taken as `id`.
 */
export type CheckCvmIsAllowedArgs = (
  | CvmIdInput
  | {
      cvmId: string;
      id?: never;
      uuid?: never;
      app_id?: never;
      instance_id?: never;
      name?: never;
    }
) &
  CheckCvmIsAllowedOverrides;

function cvmSegment(args: CheckCvmIsAllowedArgs): string {
  const given = args as unknown as Record<string, unknown>;
  const idInput = Object.fromEntries(
    CVM_ID_KEYS.filter((key) => given[key] !== undefined).map((key) => [key, given[key]]),
  );
  if (given.cvmId !== undefined) {
    if (Object.keys(idInput).length > 0) {
      invalidArguments("checkCvmIsAllowed", [
        { path: "cvmId", message: `give cvmId or one of ${CVM_ID_KEYS.join(", ")}, not both` },
      ]);
    }
    idInput.id = given.cvmId;
  }
  return encodeURIComponent(normalizeCvmId("checkCvmIsAllowed", idInput));
}

/**
 * Whether the CVM's app contract allows what the CVM runs where it runs:
 * `POST /cvms/{id}/is-allowed` with the optional overrides. Resolves the
 * contract's answer and the CVM's `cvm_id` (a number until 2026-01-21, the
 * `cvm_...` hashid from 2026-05-22; `null` when not sent).
 */
export const checkCvmIsAllowed = /* @__PURE__ */ defineVersionedAction({
  name: "checkCvmIsAllowed",
  responses: checkCvmIsAllowedResponseSchemas,
  plan: (args: CheckCvmIsAllowedArgs) => ({
    method: "POST",
    path: `/cvms/${cvmSegment(args)}/is-allowed`,
    body: checkBodyArgs(
      "checkCvmIsAllowed",
      args,
      { compose_hash: "string", node_id: "int", device_id: "string" },
      { pathKeys: [...CVM_ID_KEYS, "cvmId"] },
    ),
  }),
});

export const safeCheckCvmIsAllowed = /* @__PURE__ */ safe(checkCvmIsAllowed);
