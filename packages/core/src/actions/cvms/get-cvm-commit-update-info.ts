import { getCvmCommitUpdateInfoResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type GetCvmCommitUpdateInfoArgs = CvmIdInput & {
  /** The one-time `commit_token` of a prepare-only `patchCvm`. */
  token: string;
};

const NAME = "getCvmCommitUpdateInfo";

/**
 * What a prepared update will commit, read with its one-time token (before
 * `commitCvmUpdate` spends it): `GET /cvms/{id}/commit-update?token=`. The API
 * reference leaves the answer's shape open, so it resolves the JSON object as
 * sent (every field kept, typed `Record<string, unknown>`). A token that is
 * unknown or spent is answered with an error.
 */
export const getCvmCommitUpdateInfo = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: getCvmCommitUpdateInfoResponseSchemas,
  plan: (args: GetCvmCommitUpdateInfoArgs) => {
    const path = cvmPath(NAME, args, "/commit-update");
    const query = checkArgs(
      NAME,
      args,
      { token: { kind: "nonEmptyString", required: true } },
      { pathKeys: CVM_ID_KEYS },
      "arguments",
    ) as { token: string };
    return { method: "GET", path, query };
  },
});

export const safeGetCvmCommitUpdateInfo = /* @__PURE__ */ safe(getCvmCommitUpdateInfo);
