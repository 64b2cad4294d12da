import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError } from "../../errors";
import { paginate } from "../../paginate";
import { listWebhookDeliveries, safeListWebhookDeliveries } from "./list-webhook-deliveries";
import { deliveryBody, setup, WEBHOOK_ID } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("listWebhookDeliveries", () => {
  it("GETs the deliveries with limit and offset; the contract's defaults fill absent fields", async () => {
    const { duration_ms: _d, original_event_id: _o, delivered_at: _a, ...bare } = deliveryBody();
    const { fake, client } = setup({ body: [bare] });
    const page = await listWebhookDeliveries(client, {
      webhookId: WEBHOOK_ID,
      limit: 10,
      offset: 20,
    });
    const url = new URL(fake.calls[0]!.url);
    expect(url.pathname).toBe(`/api/v1/workspace/webhooks/${WEBHOOK_ID}/deliveries`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: "10", offset: "20" });
    expect(page).toEqual([{ ...bare, duration_ms: 0, original_event_id: "", delivered_at: null }]);
  });

  it("sends no query without paging arguments", async () => {
    const { fake, client } = setup({ body: [] });
    await listWebhookDeliveries(client, { webhookId: WEBHOOK_ID });
    expect(new URL(fake.calls[0]!.url).search).toBe("");
  });

  it.each([
    [{ webhookId: WEBHOOK_ID, limit: 0 }, "limit"],
    [{ webhookId: WEBHOOK_ID, offset: -1 }, "offset"],
    [{ webhookId: WEBHOOK_ID, cursor: "c" }, "cursor"],
    [{ limit: 5 }, "webhookId"],
  ])("refuses %j (%s)", async (args, field) => {
    const { fake, client } = setup({ body: [] });
    const result = await safeListWebhookDeliveries(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("pages with paginate by offset until a short page", async () => {
    const all = Array.from({ length: 5 }, (_, i) => deliveryBody({ event_id: `evt_${i}` }));
    const { fake, client } = setup((call) => {
      const query = new URL(call.url).searchParams;
      const offset = Number(query.get("offset") ?? 0);
      return { body: all.slice(offset, offset + Number(query.get("limit"))) };
    });
    const ids: string[] = [];
    for await (const delivery of paginate(listWebhookDeliveries, client, {
      webhookId: WEBHOOK_ID,
      limit: 2,
    })) {
      ids.push(delivery.event_id);
    }
    expect(ids).toEqual(["evt_0", "evt_1", "evt_2", "evt_3", "evt_4"]);
    expect(fake.calls.map((call) => new URL(call.url).searchParams.get("offset"))).toEqual([
      null,
      "2",
      "4",
    ]);
  });
});
