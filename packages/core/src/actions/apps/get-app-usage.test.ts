import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { expectInvalid, setup } from "./apps.test-support";
import { getAppUsage } from "./get-app-usage";

const record = {
  instance_id: "inst_1",
  project_id: 1,
  team_id: 2,
  timestamp: "2026-01-21T10:00:00Z",
  event_type: "compute",
  cost: 0.058,
  details: null,
  usage_type: "cvm",
  billing_start: "2026-01-21T10:00:00Z",
  billing_end: "2026-01-21T11:00:00Z",
  duration_minutes: 60,
  billing_key: "k",
  billing_hour: "2026-01-21T10",
  billing_day: "2026-01-21",
};

describe("getAppUsage", () => {
  it("GET /apps/{app_id}/usage with the range and the page as query parameters", async () => {
    const { client, call } = setup({ usage: [record], total: 1, total_cost: 0.058 });
    const result = await getAppUsage(client, {
      appId: APP_HEX,
      start_date: new Date("2026-01-21T00:00:00Z"),
      end_date: "2026-01-22T00:00:00Z",
      limit: 5000,
      offset: 0,
    });
    const url = new URL(call().url);
    expect(`${url.origin}${url.pathname}`).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/usage`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      start_date: "2026-01-21T00:00:00.000Z",
      end_date: "2026-01-22T00:00:00Z",
      limit: "5000",
      offset: "0",
    });
    expect(result).toMatchObject({ total: 1, total_cost: 0.058, usage: [record] });
  });

  it("refuses a page past the API's bounds or an invalid date before sending", async () => {
    const { client, fake } = setup({});
    await expectInvalid(
      getAppUsage(client, { appId: APP_HEX, limit: 5001 }),
      "getAppUsage",
      "limit",
    );
    await expectInvalid(
      getAppUsage(client, { appId: APP_HEX, offset: -1 }),
      "getAppUsage",
      "offset",
    );
    await expectInvalid(
      getAppUsage(client, { appId: APP_HEX, start_date: new Date("nope") }),
      "getAppUsage",
      "start_date",
    );
    expect(fake.calls).toHaveLength(0);
  });
});
