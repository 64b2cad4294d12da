import { nextAppIdsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface NextAppIdsArgs {
  /** How many ids, 1 to 20 (default 1). */
  counts?: number;
}

const MAX_COUNTS = 20;

/**
 * The app ids the Phala KMS will assign next, with their nonces:
 * `GET /kms/phala/next_app_id`. Lets a deployment know its app id (and so its
 * env-encryption key) before the CVM exists.
 */
export const nextAppIds = /* @__PURE__ */ defineVersionedAction({
  name: "nextAppIds",
  optionalArgs: true,
  responses: nextAppIdsResponseSchemas,
  plan: (args: NextAppIdsArgs) => {
    // Unknown keys are refused: a typo, or options given in the arguments' place.
    const { counts = 1 } = checkQueryArgs("nextAppIds", args, {
      counts: { kind: "int", min: 1, max: MAX_COUNTS },
    });
    return { method: "GET", path: "/kms/phala/next_app_id", query: { counts } };
  },
});

export const safeNextAppIds = /* @__PURE__ */ safe(nextAppIds);
