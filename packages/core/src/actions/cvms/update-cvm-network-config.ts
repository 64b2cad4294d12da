import { updateCvmNetworkConfigResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";

export type UpdateCvmNetworkConfigArgs = CvmIdInput & {
  /** The KMS URLs the CVM gets its keys from; left as they are when omitted. */
  kms_urls?: string[];
  /** The gateway URLs the CVM registers with; left as they are when omitted. */
  gateway_urls?: string[];
  /** Restart a running CVM so it boots with the new URLs (the API's default: `false`, next boot). */
  restart?: boolean;
};

const NAME = "updateCvmNetworkConfig";

/**
 * Changes the KMS and gateway URLs a CVM boots with: `PATCH /cvms/{id}/network-config`.
 * Resolves the whole configuration as it is after the change; a running CVM
 * takes it at its next boot, or now with `restart: true`.
 */
export const updateCvmNetworkConfig = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: updateCvmNetworkConfigResponseSchemas,
  plan: (args: UpdateCvmNetworkConfigArgs) => {
    const path = cvmPath(NAME, args, "/network-config");
    const body = checkBodyArgs(
      NAME,
      args,
      { kms_urls: "stringList", gateway_urls: "stringList", restart: "boolean" },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "PATCH", path, body };
  },
});

export const safeUpdateCvmNetworkConfig = /* @__PURE__ */ safe(updateCvmNetworkConfig);
