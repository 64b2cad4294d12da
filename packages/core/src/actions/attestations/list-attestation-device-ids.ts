import { listAttestationDeviceIdsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/** The device ids of the machines Phala Cloud runs on (what an app contract's device allowlist holds): `GET /attestations/device_ids`. */
export const listAttestationDeviceIds = /* @__PURE__ */ defineVersionedAction({
  name: "listAttestationDeviceIds",
  optionalArgs: true,
  noArgs: true,
  responses: listAttestationDeviceIdsResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("listAttestationDeviceIds", given);
    return { method: "GET", path: "/attestations/device_ids" };
  },
});

export const safeListAttestationDeviceIds = /* @__PURE__ */ safe(listAttestationDeviceIds);
