// GET /apps/{app_id}/usage: the app's metered usage, one record per instance and
// billed hour (the mock bills every live CVM of the app by the hour, at its
// instance type's price), newest first, paged, with the count and the cost of
// the whole range. Without a range: the last 24 hours.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { appCvms } from "../../internal/lookup";
import { QueryReader } from "../../internal/query";
import type { MockApp, MockCvm, MockState } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { ownApp } from "./shared";

type UsageRecord = WireBody<"getAppUsage", RenderVersion>["usage"][number];

const HOUR_MS = 3_600_000;
const DEFAULT_RANGE_MS = 24 * HOUR_MS;

/** The query's time, as pydantic reads a datetime: ISO text (or epoch seconds). */
function readTime(query: QueryReader, name: string): Date | undefined {
  const raw = query.string(name);
  if (raw === undefined) return undefined;
  const date = /^\d+(\.\d+)?$/.test(raw.trim()) ? new Date(Number(raw) * 1000) : new Date(raw);
  if (Number.isNaN(date.getTime())) {
    query.fail(name, "datetime_from_date_parsing", "Input should be a valid datetime", raw);
    return undefined;
  }
  return date;
}

/** Small stable numbers for the ids the record names by table row (project, team). */
function rowNumber(all: Iterable<string>, id: string): number {
  return [...all].indexOf(id) + 1;
}

function hourlyRecords(
  state: MockState,
  app: MockApp,
  cvm: MockCvm,
  from: Date,
  to: Date,
): UsageRecord[] {
  const start = Math.max(from.getTime(), new Date(cvm.createdAt).getTime());
  const end = Math.min(to.getTime(), cvm.deletedAt ? new Date(cvm.deletedAt).getTime() : Infinity);
  const records: UsageRecord[] = [];
  const price = Number(cvm.hourlyPrice);
  for (let hour = Math.floor(start / HOUR_MS) * HOUR_MS; hour < end; hour += HOUR_MS) {
    const billingStart = Math.max(hour, start);
    const billingEnd = Math.min(hour + HOUR_MS, end);
    if (billingEnd <= billingStart) continue;
    const minutes = (billingEnd - billingStart) / 60_000;
    const hourText = new Date(hour).toISOString();
    records.push({
      instance_id: cvm.instanceId ?? cvm.id,
      project_id: rowNumber(state.apps.keys(), app.appId),
      team_id: rowNumber(state.workspaces.keys(), app.workspaceId),
      timestamp: new Date(billingEnd).toISOString(),
      event_type: "usage",
      cost: Math.round(price * (minutes / 60) * 1e6) / 1e6,
      details: null,
      usage_type: "compute",
      billing_start: new Date(billingStart).toISOString(),
      billing_end: new Date(billingEnd).toISOString(),
      duration_minutes: minutes,
      billing_key: `${cvm.id}:${hourText.slice(0, 13)}`,
      billing_hour: hourText.slice(0, 13),
      billing_day: hourText.slice(0, 10),
    });
  }
  return records;
}

export function registerUsageRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.get("/apps/:app_id/usage", requireApiKey, (c) => {
    const { state, now } = c.get("render");
    const app = ownApp(c);
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const startDate = readTime(query, "start_date");
    const endDate = readTime(query, "end_date");
    const limit = query.int("limit", 500, { ge: 1, le: 5000 });
    const offset = query.int("offset", 0, { ge: 0 });
    query.assertValid();
    const to = endDate ?? now;
    const from = startDate ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
    if (from > to) {
      throw phalaError(400, {
        message: "start_date must not be after end_date",
        details: [
          { field: "start_date", value: from.toISOString(), message: null },
          { field: "end_date", value: to.toISOString(), message: null },
        ],
      });
    }
    const records = appCvms(state, app.appId)
      .flatMap((cvm) => hourlyRecords(state, app, cvm, from, to))
      .sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
    const totalCost = records.reduce((sum, record) => sum + record.cost, 0);
    const body: WireBody<"getAppUsage", RenderVersion> = {
      usage: records.slice(offset, offset + limit),
      total: records.length,
      total_cost: Math.round(totalCost * 1e6) / 1e6,
    };
    return c.json(body);
  });
}
