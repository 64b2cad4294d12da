import { upgradePreLaunchScriptResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationHeaders } from "../../registration";
import { cvmPath } from "../internal/cvm-path";
import { type KmsInfoChain, withKmsInfoChain } from "../internal/kms-chain";
import { shapeUpdateResult } from "../internal/update-result";

export type UpgradePreLaunchScriptArgs = CvmIdInput & {
  /** Follow-up after `precondition_required`: the hash it returned (sent as `X-Compose-Hash`)... */
  compose_hash?: string;
  /** ...and the transaction that registered it on-chain (`X-Transaction-Hash`). */
  transaction_hash?: string;
};

const NAME = "upgradePreLaunchScript";

/**
 * Replaces a CVM's official pre-launch script with the latest official one
 * (the platform holds it): `POST /cvms/{id}/pre-launch-script/upgrade-to-latest-official`.
 * Results as `updatePreLaunchScript`: `in_progress`, `no_change` when it already
 * runs the latest, or, on an on-chain KMS, `precondition_required` with the new
 * compose hash to register; then call again with `compose_hash` and `transaction_hash`.
 */
export const upgradePreLaunchScript = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  UpgradePreLaunchScriptArgs,
  false,
  KmsInfoChain
>({
  name: NAME,
  responses: upgradePreLaunchScriptResponseSchemas,
  plan: (args: UpgradePreLaunchScriptArgs) => {
    const path = cvmPath(NAME, args, "/pre-launch-script/upgrade-to-latest-official");
    const proof = checkBodyArgs(
      NAME,
      args,
      { compose_hash: "hash", transaction_hash: "transactionHash" },
      { pathKeys: CVM_ID_KEYS },
    );
    return {
      method: "POST",
      path,
      headers: registrationHeaders(proof.compose_hash, proof.transaction_hash),
      acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
    };
  },
  shape: shapeUpdateResult,
  finish: withKmsInfoChain,
});

export const safeUpgradePreLaunchScript = /* @__PURE__ */ safe(upgradePreLaunchScript);
