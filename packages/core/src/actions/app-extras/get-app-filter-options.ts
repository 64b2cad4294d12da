import { getAppFilterOptionsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

/** The values each `getAppList` filter can take in the workspace: `GET /apps/filter-options`. */
export const getAppFilterOptions = /* @__PURE__ */ defineVersionedAction({
  name: "getAppFilterOptions",
  optionalArgs: true,
  responses: getAppFilterOptionsResponseSchemas,
  plan: (args: Record<never, never>) => {
    checkQueryArgs("getAppFilterOptions", args, {});
    return { method: "GET", path: "/apps/filter-options" };
  },
});

export const safeGetAppFilterOptions = /* @__PURE__ */ safe(getAppFilterOptions);
