import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getWebhookStats, safeGetWebhookStats } from "./get-webhook-stats";
import { setup, WEBHOOK_ID } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("getWebhookStats", () => {
  const stats = {
    total: 4,
    success_count: 3,
    failed_count: 1,
    success_rate: 0.75,
    avg_duration_ms: 40,
    max_duration_ms: 91,
    last_delivery_at: "2026-03-19T10:30:00Z",
  };

  it("GETs /stats; no delivery yet is last_delivery_at null", async () => {
    const { fake, client } = setup({ body: stats });
    await expect(getWebhookStats(client, { webhookId: WEBHOOK_ID })).resolves.toEqual(stats);
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}/stats`,
    });
    const { last_delivery_at: _l, ...none } = stats;
    const empty = setup({ body: none });
    expect(
      (await getWebhookStats(empty.client, { webhookId: WEBHOOK_ID })).last_delivery_at,
    ).toBeNull();
  });

  it("fails on a count that is not an integer", async () => {
    const { client } = setup({ body: { ...stats, total: 1.5 } });
    const result = await safeGetWebhookStats(client, { webhookId: WEBHOOK_ID });
    expect(result.error).toBeInstanceOf(ResponseValidationError);
    expect((result.error as ResponseValidationError).issues[0]!.path).toBe("total");
  });
});
