// A workspace webhook from creation to deletion, through the SDK against the
// mock API: its deliveries are real signed POSTs to a receiver on loopback,
// verified with the SDK's own `@phala/cloud/webhook` helpers. Every answer of
// the mock is checked against the API contract.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createClient,
  listWebhookDeliveries,
  NotFoundError,
  paginate,
  StepUpRequiredError,
  UnprocessableEntityError,
  type WebhookDelivery,
} from "@phala/cloud";
import {
  parseWebhookEvent,
  verifyWebhookSignature,
  WebhookVerificationError,
} from "@phala/cloud/webhook";
import { SEED, startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractCheck } from "./harness";

interface Received {
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
}

const received: Received[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(204).end();
  });
});
let receiverUrl = "";

const contract = contractCheck();
let mock: Awaited<ReturnType<typeof startMockApi>>;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/phala-webhook`;
  mock = await startMockApi({ onResponse: contract.onResponse });
});
afterAll(async () => {
  await mock.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  contract.verify("webhooks-workflow");
});

/** Whether `secret` verifies a delivery, by both of the SDK's forms (they must agree). */
async function verifies(delivery: Received, secret: string): Promise<boolean> {
  const sync = verifyWebhookSignature({
    secret,
    timestamp: delivery.headers["x-webhook-timestamp"],
    signature: delivery.headers["x-webhook-signature"],
    body: delivery.body,
  });
  const promised = await verifyWebhookSignature({
    payload: delivery.body,
    headers: delivery.headers,
    secret,
  }).then(
    () => true,
    (error: unknown) => {
      expect(error).toBeInstanceOf(WebhookVerificationError);
      return false;
    },
  );
  expect(promised).toBe(sync);
  return sync;
}

describe("a workspace webhook from creation to deletion", () => {
  it("is created, tested, verified, listed, resent, counted, rotated, updated and deleted", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });

    // Created: the answer carries the signing secret; reads do not.
    const hook = await client.createWebhook({
      url: receiverUrl,
      events: ["cvm.created", "cvm.stopped"],
      name: "workflow",
    });
    expect(hook).toMatchObject({ url: receiverUrl, name: "workflow", enabled: true });
    const secret = hook.secret!;
    expect(secret).toMatch(/^whsec_/);
    expect((await client.listWebhooks()).map((listed) => listed.id)).toContain(hook.id);
    expect((await client.getWebhook({ webhookId: hook.id })).secret).toBeNull();
    expect(await client.revealWebhookSecret({ webhookId: hook.id })).toEqual({ secret });

    // Tested: the mock POSTs a signed event to the receiver before it answers.
    const tested = await client.testWebhook({ webhookId: hook.id });
    expect(received).toHaveLength(1);
    const first = received[0]!;
    expect(await verifies(first, secret)).toBe(true);
    const event = parseWebhookEvent({ headers: first.headers, body: first.body, secret });
    expect(event).toMatchObject({
      id: tested.event_id,
      event: "webhook.test",
      version: "1",
      workspace: { id: "acme-research", name: "Acme Research" },
    });
    expect(first.headers["x-webhook-id"]).toBe(event.id);
    // Altered on the way: refused.
    expect(
      await verifies({ ...first, body: first.body.replace("webhook.test", "cvm.deleted") }, secret),
    ).toBe(false);

    // Listed: the delivery as the receiver answered it.
    const [delivery] = await client.listWebhookDeliveries({ webhookId: hook.id });
    expect(delivery).toMatchObject({
      event_id: tested.event_id,
      event_type: "webhook.test",
      status: "success",
      attempts: 1,
      request_url: receiverUrl,
      response_status: 204,
      error_message: "",
      original_event_id: "",
    });
    expect(delivery!.duration_ms).toBeGreaterThanOrEqual(0);

    // Resent: the same event under a new id that names the original, verified too.
    const resent = await client.resendWebhookDelivery({
      webhookId: hook.id,
      eventId: tested.event_id!,
    });
    expect(received).toHaveLength(2);
    const again = await parseWebhookEvent({
      payload: received[1]!.body,
      headers: received[1]!.headers,
      secret,
    });
    expect(again).toMatchObject({ id: resent.event_id, event: "webhook.test", data: event.data });
    const afterResend = await client.listWebhookDeliveries({ webhookId: hook.id });
    expect(afterResend.map((listed) => [listed.event_id, listed.original_event_id])).toEqual([
      [resent.event_id, tested.event_id],
      [tested.event_id, ""],
    ]);

    // Counted.
    const stats = await client.getWebhookStats({ webhookId: hook.id });
    expect(stats).toMatchObject({ total: 2, success_count: 2, failed_count: 0, success_rate: 100 });
    expect(stats.last_delivery_at).toEqual(expect.any(String));

    // Rotated: the API first wants a second-factor step-up (428), then rotates.
    mock.state.settings.stepUpRequired = ["POST /workspace/webhooks/{webhook_id}/rotate-secret"];
    const refused = await client.safeRotateWebhookSecret({ webhookId: hook.id });
    expect(refused.error).toBeInstanceOf(StepUpRequiredError);
    await expect(client.rotateWebhookSecret({ webhookId: hook.id })).rejects.toMatchObject({
      name: "StepUpRequiredError",
      status: 428,
    });
    mock.state.settings.stepUpRequired = [];
    const { secret: rotated } = await client.rotateWebhookSecret({ webhookId: hook.id });
    expect(rotated).not.toBe(secret);
    await client.testWebhook({ webhookId: hook.id });
    const afterRotation = received[2]!;
    expect(await verifies(afterRotation, rotated)).toBe(true);
    expect(await verifies(afterRotation, secret)).toBe(false);
    expect(() =>
      parseWebhookEvent({ headers: afterRotation.headers, body: afterRotation.body, secret }),
    ).toThrow(WebhookVerificationError);

    // Updated: reads back as written.
    const updated = await client.updateWebhook({
      webhookId: hook.id,
      events: ["cvm.deleted"],
      enabled: false,
      name: "paused",
    });
    expect(updated).toMatchObject({ events: ["cvm.deleted"], enabled: false, name: "paused" });
    expect(await client.getWebhook({ webhookId: hook.id })).toEqual(updated);
    const badUrl = await client.safeUpdateWebhook({ webhookId: hook.id, url: "ftp://x" });
    expect(badUrl.success).toBe(false);

    // Deleted: gone.
    await expect(client.deleteWebhook({ webhookId: hook.id })).resolves.toBeUndefined();
    const gone = await client.safeGetWebhook({ webhookId: hook.id });
    expect(gone.error).toBeInstanceOf(NotFoundError);
    expect((await client.listWebhooks()).map((listed) => listed.id)).not.toContain(hook.id);
  });

  it("delivers a CVM's lifecycle event to the webhooks subscribed to it", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });
    const hook = await client.createWebhook({ url: receiverUrl, events: ["cvm.stopped"] });
    const cvm = SEED.exampleCvm;
    const before = received.length;
    await client.stopCvm({ id: cvm.id });
    // Sent in the background once the stop is accepted.
    for (let tries = 0; received.length === before && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const delivery = received[before]!;
    const event = await parseWebhookEvent({
      payload: delivery.body,
      headers: delivery.headers,
      secret: hook.secret!,
    });
    expect(event).toMatchObject({
      event: "cvm.stopped",
      data: { cvm_name: cvm.name, status: "stopped" },
    });
    const [listed] = await client.listWebhookDeliveries({ webhookId: hook.id, limit: 1 });
    expect(listed).toMatchObject({ event_id: event.id, event_type: "cvm.stopped" });
    await client.deleteWebhook({ webhookId: hook.id });
  });

  it("pages every delivery with paginate (limit/offset over a bare array)", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });
    const hook = await client.createWebhook({ url: receiverUrl, events: ["cvm.stopped"] });
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      sent.unshift((await client.testWebhook({ webhookId: hook.id })).event_id!);
    }
    const seen: WebhookDelivery[] = [];
    for await (const delivery of paginate(listWebhookDeliveries, client, {
      webhookId: hook.id,
      limit: 3,
    })) {
      seen.push(delivery);
    }
    expect(seen.map((delivery) => delivery.event_id)).toEqual(sent);
    const pages: number[] = [];
    for await (const page of paginate(listWebhookDeliveries, client, {
      webhookId: hook.id,
      limit: 3,
    }).pages()) {
      pages.push(page.length);
    }
    expect(pages).toEqual([3, 3, 1]);
    await client.deleteWebhook({ webhookId: hook.id });
  });

  it("answers a body the API refuses with its 422 fields", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });
    const result = await client.safeCreateWebhook({ url: receiverUrl, events: ["cvm.exploded"] });
    expect(result.error).toBeInstanceOf(UnprocessableEntityError);
    expect((result.error as UnprocessableEntityError).validationErrors[0]).toMatchObject({
      field: "events",
    });
  });
});
