import { AppFilterOptionsSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

/** The values each `getAppList` filter can take in the workspace: `GET /apps/filter-options`. */
export const getAppFilterOptions = /* @__PURE__ */ defineAction({
  name: "getAppFilterOptions",
  optionalArgs: true,
  response: AppFilterOptionsSchema,
  plan: (args: Record<never, never>) => {
    checkQueryArgs("getAppFilterOptions", args, {});
    return { method: "GET", path: "/apps/filter-options" };
  },
});

export const safeGetAppFilterOptions = /* @__PURE__ */ safe(getAppFilterOptions);
