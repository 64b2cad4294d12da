import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

const NOW = new Date("2026-03-05T10:30:00.000Z");
const key = SEED.apiKeys.demo;
const ci = SEED.apps.ci.appId;
let mock: RunningMockApi;
beforeAll(async () => {
  mock = await startMockApi({ now: () => NOW });
});
afterAll(() => mock.close());

const usage = (query = "") => getJson(mock.url, `/apps/${ci}/usage${query}`, { apiKey: key });

describe("GET /apps/{app_id}/usage", () => {
  it("bills each CVM of the app by the hour over the last day, newest first", async () => {
    const { status, body } = await usage();
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/usage", body)).toEqual([]);
    // Three CVMs, 24 hours each: 25 records, the first and last hours partial.
    expect(body.total).toBe(3 * 25);
    expect(body.usage[0].billing_end).toBe(NOW.toISOString());
    expect(body.usage.at(-1).billing_start).toBe("2026-03-04T10:30:00.000Z");
    const sum = body.usage.reduce((total: number, r: { cost: number }) => total + r.cost, 0);
    expect(body.total_cost).toBeCloseTo(sum, 5);
  });

  it("pages the range with limit and offset; the total is the range's", async () => {
    const from = "2026-03-05T00:00:00Z";
    const page = await usage(`?start_date=${from}&end_date=2026-03-05T06:00:00Z&limit=4&offset=2`);
    expect(page.body.total).toBe(3 * 6);
    expect(page.body.usage).toHaveLength(4);
    expect(page.body.usage[0].duration_minutes).toBe(60);
  });

  it("refuses a bad page (422) and a range that ends before it starts (400)", async () => {
    expect((await usage("?limit=5001")).status).toBe(422);
    expect((await usage("?start_date=yesterday")).status).toBe(422);
    expect(
      (await usage("?start_date=2026-03-05T00:00:00Z&end_date=2026-03-04T00:00:00Z")).status,
    ).toBe(400);
  });
});
