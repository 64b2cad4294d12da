import { getOsImagesResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";

export interface GetOsImagesArgs {
  page?: number;
  /** 1 to 100. */
  page_size?: number;
  /** Only dev images (`true`) or only production images (`false`). */
  is_dev?: boolean;
}

/** The public catalogue of OS images, a page at a time: `GET /os-images`. */
export const getOsImages = /* @__PURE__ */ defineVersionedAction({
  name: "getOsImages",
  optionalArgs: true,
  responses: getOsImagesResponseSchemas,
  plan: (args: GetOsImagesArgs) => ({
    method: "GET",
    path: "/os-images",
    query: checkQueryArgs("getOsImages", args, {
      page: "positiveInt",
      page_size: "pageSize",
      is_dev: "boolean",
    }),
  }),
});

export const safeGetOsImages = /* @__PURE__ */ safe(getOsImages);
