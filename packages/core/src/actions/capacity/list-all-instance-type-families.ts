import { AllFamiliesResponseSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";

/** Every public instance type, grouped by family (`cpu`, `gpu`...): `GET /instance-types`. */
export const listAllInstanceTypeFamilies = /* @__PURE__ */ defineAction({
  name: "listAllInstanceTypeFamilies",
  optionalArgs: true,
  response: AllFamiliesResponseSchema,
  plan: (_args: Record<string, never>) => ({ method: "GET", path: "/instance-types" }),
});

export const safeListAllInstanceTypeFamilies = /* @__PURE__ */ safe(listAllInstanceTypeFamilies);
