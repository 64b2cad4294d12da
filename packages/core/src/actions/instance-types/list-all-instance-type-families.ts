import { listAllInstanceTypeFamiliesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/** Every public instance type, grouped by family (`cpu`, `gpu`...): `GET /instance-types`. */
export const listAllInstanceTypeFamilies = /* @__PURE__ */ defineVersionedAction({
  name: "listAllInstanceTypeFamilies",
  optionalArgs: true,
  noArgs: true,
  responses: listAllInstanceTypeFamiliesResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("listAllInstanceTypeFamilies", given);
    return { method: "GET", path: "/instance-types" };
  },
});

export const safeListAllInstanceTypeFamilies = /* @__PURE__ */ safe(listAllInstanceTypeFamilies);
