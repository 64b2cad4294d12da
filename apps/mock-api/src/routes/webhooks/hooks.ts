// GET and POST /workspace/webhooks; GET, PUT and DELETE /workspace/webhooks/{webhook_id};
// POST .../reveal-secret and .../rotate-secret: the webhooks of the caller's workspace.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { readWebhookFields, renderWebhook, webhookOf } from "./shared";
import { type MockWebhook, newWebhookId, newWebhookSecret, webhookState } from "./store";

export function registerWebhookCrudRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/workspace/webhooks", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const hooks = [...webhookState(state).webhooks.values()]
      .filter((webhook) => webhook.workspaceId === caller.workspace.id)
      .reverse();
    const body: WireBody<"listWebhooks", RenderVersion> = hooks.map((hook) => renderWebhook(hook));
    return c.json(body, 200);
  });

  api.post("/workspace/webhooks", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const fields = await readWebhookFields(
      c,
      ["url", "events", "name", "secret"],
      ["url", "events"],
    );
    const store = webhookState(state);
    const timestamp = now.toISOString();
    const webhook: MockWebhook = {
      id: newWebhookId(store, caller.workspace.id),
      workspaceId: caller.workspace.id,
      url: fields.url!,
      secret: fields.secret ?? newWebhookSecret(),
      events: fields.events!,
      name: fields.name ?? null,
      enabled: true,
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    store.webhooks.set(webhook.id, webhook);
    return c.json(renderWebhook(webhook, true), 201);
  });

  api.get("/workspace/webhooks/:webhook_id", requireApiKey, (c) =>
    c.json(renderWebhook(webhookOf(c)), 200),
  );

  api.put("/workspace/webhooks/:webhook_id", requireApiKey, async (c) => {
    const { now } = c.get("render");
    const webhook = webhookOf(c);
    const fields = await readWebhookFields(c, ["url", "events", "name", "enabled"], []);
    if (fields.url !== undefined) webhook.url = fields.url;
    if (fields.events !== undefined) webhook.events = fields.events;
    if (fields.name !== undefined) webhook.name = fields.name;
    if (fields.enabled !== undefined) webhook.enabled = fields.enabled;
    webhook.updatedAt = now.toISOString();
    return c.json(renderWebhook(webhook), 200);
  });

  api.delete("/workspace/webhooks/:webhook_id", requireApiKey, (c) => {
    const { state } = c.get("render");
    const webhook = webhookOf(c);
    const store = webhookState(state);
    store.webhooks.delete(webhook.id);
    store.deliveries = store.deliveries.filter((delivery) => delivery.webhookId !== webhook.id);
    return c.body(null, 204);
  });

  // Both answer 428 while the step-up is required (settings.stepUpRequired, checked
  // by requireApiKey before the handler runs).
  api.post("/workspace/webhooks/:webhook_id/reveal-secret", requireApiKey, (c) => {
    const body: WireBody<"revealWebhookSecret", RenderVersion> = { secret: webhookOf(c).secret };
    return c.json(body, 200);
  });

  api.post("/workspace/webhooks/:webhook_id/rotate-secret", requireApiKey, (c) => {
    const { now } = c.get("render");
    const webhook = webhookOf(c);
    webhook.secret = newWebhookSecret();
    webhook.updatedAt = now.toISOString();
    const body: WireBody<"rotateWebhookSecret", RenderVersion> = { secret: webhook.secret };
    return c.json(body, 200);
  });
}
