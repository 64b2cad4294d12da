import { getAppFilterOptionsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/** The values each `getAppList` filter can take in the workspace: `GET /apps/filter-options`. */
export const getAppFilterOptions = /* @__PURE__ */ defineVersionedAction({
  name: "getAppFilterOptions",
  optionalArgs: true,
  noArgs: true,
  responses: getAppFilterOptionsResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("getAppFilterOptions", given);
    return { method: "GET", path: "/apps/filter-options" };
  },
});

export const safeGetAppFilterOptions = /* @__PURE__ */ safe(getAppFilterOptions);
