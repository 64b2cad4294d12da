import { listAllInstanceTypeFamiliesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";

/** Every public instance type, grouped by family (`cpu`, `gpu`...): `GET /instance-types`. */
export const listAllInstanceTypeFamilies = /* @__PURE__ */ defineVersionedAction({
  name: "listAllInstanceTypeFamilies",
  optionalArgs: true,
  responses: listAllInstanceTypeFamiliesResponseSchemas,
  plan: (_args: Record<string, never>) => ({ method: "GET", path: "/instance-types" }),
});

export const safeListAllInstanceTypeFamilies = /* @__PURE__ */ safe(listAllInstanceTypeFamilies);
