import { getAppUsageResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkQueryArgs } from "../../query-args";
import { appIdSegment } from "../internal/app-id";

/** The API returns up to 5000 usage records a page. */
const USAGE_PAGE_MAX = 5000;

export interface GetAppUsageArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** From this time (ISO 8601 text, or a `Date`). */
  start_date?: string | Date;
  /** Up to this time (ISO 8601 text, or a `Date`). */
  end_date?: string | Date;
  /** Records per page, 1 to 5000 (the API's default 500). */
  limit?: number;
  /** Records to skip, from 0. */
  offset?: number;
}

const NAME = "getAppUsage";

/** A valid `Date` as the ISO text the API reads; anything else as given, for the check to judge. */
const isoTime = (value: unknown) =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value;

/**
 * An app's metered usage, one record per billed stretch of an instance, with
 * the count (`total`) and cost (`total_cost`) of every record in the range:
 * `GET /apps/{app_id}/usage?start_date=&end_date=&limit=&offset=`.
 */
export const getAppUsage = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: getAppUsageResponseSchemas,
  plan: (args: GetAppUsageArgs) => {
    const path = `/apps/${appIdSegment(NAME, args)}/usage`;
    const { appId: _appId, start_date, end_date, ...rest } = args;
    const query = checkQueryArgs(
      NAME,
      { ...rest, start_date: isoTime(start_date), end_date: isoTime(end_date) },
      {
        start_date: { kind: "nonEmptyString" },
        end_date: { kind: "nonEmptyString" },
        limit: { kind: "int", min: 1, max: USAGE_PAGE_MAX },
        offset: { kind: "nonNegativeInt" },
      },
    );
    return { method: "GET", path, query };
  },
});

export const safeGetAppUsage = /* @__PURE__ */ safe(getAppUsage);
