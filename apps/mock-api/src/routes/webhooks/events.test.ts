import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningMockApi, startMockApi } from "../../server";
import { webhookDeliveriesSettled } from "./index";
import { expectedSignature, type Receiver, startReceiver } from "./receiver.test-support";
import { createHook, send } from "./webhooks.test-support";

let api: RunningMockApi;
let receiver: Receiver;

beforeEach(async () => {
  api = await startMockApi({ transitionMs: 20 });
  receiver = await startReceiver();
});
afterEach(async () => {
  await api.close();
  await receiver.close();
});

/** A running CVM of the demo workspace (the seed has some). */
async function runningCvm(): Promise<{ id: string; name: string }> {
  const page = await send(api.url, "GET", "/cvms/paginated?page_size=100");
  const cvm = page.body.items.find((item: any) => item.status === "running");
  return { id: cvm.hosted?.id ?? cvm.id, name: cvm.name };
}

const events = () => receiver.received.map((delivery) => JSON.parse(delivery.body).event);

describe("CVM events", () => {
  it("delivers the lifecycle events a webhook subscribes to, signed", async () => {
    const hook = await createHook(api.url, receiver.url, {
      events: ["cvm.stopped", "cvm.started", "cvm.deleted"],
    });
    const cvm = await runningCvm();
    expect((await send(api.url, "POST", `/cvms/${cvm.name}/stop`)).status).toBe(200);
    await webhookDeliveriesSettled(api.state);
    expect(events()).toEqual(["cvm.stopped"]);
    const [stopped] = receiver.received;
    expect(stopped!.headers["x-webhook-signature"]).toBe(expectedSignature(hook.secret, stopped!));
    expect(JSON.parse(stopped!.body).data).toMatchObject({ cvm_name: cvm.name, status: "stopped" });

    // Restarts are not subscribed to; a delete is.
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect((await send(api.url, "DELETE", `/cvms/${cvm.name}`)).status).toBe(204);
    await webhookDeliveriesSettled(api.state);
    expect(events()).toEqual(["cvm.stopped", "cvm.deleted"]);
    const listed = await send(api.url, "GET", `/workspace/webhooks/${hook.id}/deliveries`);
    expect(listed.body.map((d: any) => d.event_type)).toEqual(["cvm.deleted", "cvm.stopped"]);
  });

  it("sends nothing to a disabled webhook, or for an operation refused", async () => {
    const hook = await createHook(api.url, receiver.url, { events: ["cvm.stopped"] });
    await send(api.url, "PUT", `/workspace/webhooks/${hook.id}`, { enabled: false });
    const cvm = await runningCvm();
    await send(api.url, "POST", `/cvms/${cvm.name}/stop`);
    await send(api.url, "PUT", `/workspace/webhooks/${hook.id}`, { enabled: true });
    // Already stopping: a second stop is refused, and no event goes out.
    const refused = await send(api.url, "POST", `/cvms/${cvm.name}/stop`);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await webhookDeliveriesSettled(api.state);
    expect(receiver.received).toEqual([]);
  });
});
