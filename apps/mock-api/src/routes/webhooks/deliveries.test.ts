import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { type RunningMockApi, startMockApi } from "../../server";
import { expectedSignature, type Receiver, startReceiver } from "./receiver.test-support";
import { webhookState } from "./store";
import { createHook, send } from "./webhooks.test-support";

let api: RunningMockApi;
let receiver: Receiver;

beforeEach(async () => {
  api = await startMockApi();
  receiver = await startReceiver();
});
afterEach(async () => {
  await api.close();
  await receiver.close();
});

const path = (hook: { id: string }, rest = "") => `/workspace/webhooks/${hook.id}${rest}`;

describe("POST .../test", () => {
  it("POSTs a signed test event to the webhook's URL and records the delivery", async () => {
    const hook = await createHook(api.url, receiver.url);
    const before = Math.floor(Date.now() / 1000);
    const tested = await send(api.url, "POST", path(hook, "/test"));
    expect(tested.status).toBe(200);
    expect(contractMismatches("POST /workspace/webhooks/{webhook_id}/test", tested.body)).toEqual(
      [],
    );
    expect(tested.body.event_id).toMatch(/^evt_[0-9a-f]{16}$/);

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "PhalaCloud-Webhook/1.0",
      "x-webhook-id": tested.body.event_id,
      "x-webhook-event": "webhook.test",
    });
    const timestamp = Number(delivery!.headers["x-webhook-timestamp"]);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(delivery!.headers["x-webhook-signature"]).toBe(
      expectedSignature(hook.secret, delivery!),
    );
    expect(JSON.parse(delivery!.body)).toEqual({
      id: tested.body.event_id,
      event: "webhook.test",
      version: "1",
      created_at: expect.any(String),
      workspace: { id: "acme-research", name: "Acme Research" },
      data: { webhook_id: hook.id, message: expect.any(String) },
    });

    const listed = await send(api.url, "GET", path(hook, "/deliveries"));
    expect(
      contractMismatches("GET /workspace/webhooks/{webhook_id}/deliveries", listed.body),
    ).toEqual([]);
    expect(listed.body).toEqual([
      expect.objectContaining({
        event_id: tested.body.event_id,
        event_type: "webhook.test",
        status: "success",
        attempts: 1,
        request_url: receiver.url,
        response_status: 200,
        error_message: "",
        original_event_id: "",
      }),
    ]);
    expect(listed.body[0].delivered_at).toBe(listed.body[0].created_at);
  });

  it("records a receiver's error status, and a refused connection, as failed deliveries", async () => {
    const hook = await createHook(api.url, receiver.url);
    receiver.status = 500;
    await send(api.url, "POST", path(hook, "/test"));
    await receiver.close();
    await send(api.url, "POST", path(hook, "/test"));
    const listed = await send(api.url, "GET", path(hook, "/deliveries"));
    expect(listed.body.map((d: any) => [d.status, d.response_status, d.delivered_at])).toEqual([
      ["failed", 0, null],
      ["failed", 500, null],
    ]);
    expect(listed.body[0].error_message).toMatch(/^Connection failed/);
    expect(listed.body[1].error_message).toBe("HTTP 500");
  });

  it("gives up after the timeout", async () => {
    const hook = await createHook(api.url, "http://127.0.0.1:9/never");
    webhookState(api.state).timeoutMs = 50;
    const tested = await send(api.url, "POST", path(hook, "/test"));
    expect(tested.status).toBe(200);
    const [delivery] = (await send(api.url, "GET", path(hook, "/deliveries"))).body;
    expect(delivery.status).toBe("failed");
  });

  it("signs with the secret as it is now: after a rotation, the new one", async () => {
    const hook = await createHook(api.url, receiver.url);
    const rotated = await send(api.url, "POST", path(hook, "/rotate-secret"));
    await send(api.url, "POST", path(hook, "/test"));
    const [delivery] = receiver.received;
    expect(delivery!.headers["x-webhook-signature"]).toBe(
      expectedSignature(rotated.body.secret, delivery!),
    );
    expect(delivery!.headers["x-webhook-signature"]).not.toBe(
      expectedSignature(hook.secret, delivery!),
    );
  });

  it("answers 404 for an unknown webhook", async () => {
    const response = await send(api.url, "POST", "/workspace/webhooks/wh_nope/test");
    expect(response.status).toBe(404);
  });
});

describe("GET .../deliveries", () => {
  it("pages newest first with limit (default 50) and offset", async () => {
    const hook = await createHook(api.url, receiver.url);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.unshift((await send(api.url, "POST", path(hook, "/test"))).body.event_id);
    }
    const all = await send(api.url, "GET", path(hook, "/deliveries"));
    expect(all.body.map((d: any) => d.event_id)).toEqual(ids);
    const page = await send(api.url, "GET", path(hook, "/deliveries?limit=2&offset=3"));
    expect(page.body.map((d: any) => d.event_id)).toEqual(ids.slice(3, 5));
    const past = await send(api.url, "GET", path(hook, "/deliveries?offset=5"));
    expect(past.body).toEqual([]);
  });

  it("answers 422 for a limit that is not an integer", async () => {
    const hook = await createHook(api.url, receiver.url);
    const response = await send(api.url, "GET", path(hook, "/deliveries?limit=ten"));
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({ loc: ["query", "limit"], type: "int_parsing" });
  });
});

describe("POST .../deliveries/{event_id}/resend", () => {
  it("sends the same event again under a new event id that names the original", async () => {
    const hook = await createHook(api.url, receiver.url);
    const tested = await send(api.url, "POST", path(hook, "/test"));
    const resent = await send(
      api.url,
      "POST",
      path(hook, `/deliveries/${tested.body.event_id}/resend`),
    );
    expect(resent.status).toBe(200);
    expect(
      contractMismatches(
        "POST /workspace/webhooks/{webhook_id}/deliveries/{event_id}/resend",
        resent.body,
      ),
    ).toEqual([]);
    expect(resent.body.event_id).not.toBe(tested.body.event_id);
    const [first, second] = receiver.received.map((delivery) => JSON.parse(delivery.body));
    expect(second).toEqual({ ...first, id: resent.body.event_id });
    expect(receiver.received[1]!.headers["x-webhook-signature"]).toBe(
      expectedSignature(hook.secret, receiver.received[1]!),
    );
    const listed = await send(api.url, "GET", path(hook, "/deliveries"));
    expect(listed.body[0]).toMatchObject({
      event_id: resent.body.event_id,
      original_event_id: tested.body.event_id,
    });
  });

  it("answers 404 for an event the webhook never got", async () => {
    const hook = await createHook(api.url, receiver.url);
    const response = await send(api.url, "POST", path(hook, "/deliveries/evt_nope/resend"));
    expect(response.status).toBe(404);
    expect(response.body.detail.message).toBe("Delivery not found");
  });
});

describe("GET .../stats", () => {
  it("counts the deliveries: successes, failures, rate, durations, last time", async () => {
    const hook = await createHook(api.url, receiver.url);
    const empty = await send(api.url, "GET", path(hook, "/stats"));
    expect(empty.body).toEqual({
      total: 0,
      success_count: 0,
      failed_count: 0,
      success_rate: 0,
      avg_duration_ms: 0,
      max_duration_ms: 0,
      last_delivery_at: null,
    });
    await send(api.url, "POST", path(hook, "/test"));
    await send(api.url, "POST", path(hook, "/test"));
    receiver.status = 503;
    await send(api.url, "POST", path(hook, "/test"));
    const stats = await send(api.url, "GET", path(hook, "/stats"));
    expect(contractMismatches("GET /workspace/webhooks/{webhook_id}/stats", stats.body)).toEqual(
      [],
    );
    expect(stats.body).toMatchObject({
      total: 3,
      success_count: 2,
      failed_count: 1,
      success_rate: 66.67,
    });
    expect(stats.body.max_duration_ms).toBeGreaterThanOrEqual(stats.body.avg_duration_ms);
    expect(typeof stats.body.last_delivery_at).toBe("string");
  });
});
