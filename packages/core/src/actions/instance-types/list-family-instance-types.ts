import { listFamilyInstanceTypesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, requireString, safe } from "../../action";

export interface ListFamilyInstanceTypesArgs {
  /** A family name from `listAllInstanceTypeFamilies`, e.g. `cpu` or `gpu`. */
  family: string;
}

/** The instance types of one family: `GET /instance-types/{family}`. */
export const listFamilyInstanceTypes = /* @__PURE__ */ defineVersionedAction({
  name: "listFamilyInstanceTypes",
  responses: listFamilyInstanceTypesResponseSchemas,
  plan: (args: ListFamilyInstanceTypesArgs) => ({
    method: "GET",
    path: `/instance-types/${encodeURIComponent(requireString("listFamilyInstanceTypes", args, "family").trim())}`,
  }),
});

export const safeListFamilyInstanceTypes = /* @__PURE__ */ safe(listFamilyInstanceTypes);
