import { nextAppIdsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, safe } from "../../action";

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
    const counts = args.counts ?? 1;
    if (!Number.isInteger(counts) || counts < 1 || counts > MAX_COUNTS) {
      invalidArguments("nextAppIds", [
        { path: "counts", message: `expected an integer from 1 to ${MAX_COUNTS}` },
      ]);
    }
    return { method: "GET", path: "/kms/phala/next_app_id", query: { counts } };
  },
});

export const safeNextAppIds = /* @__PURE__ */ safe(nextAppIds);
