import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";
import { createHook, send } from "./webhooks.test-support";

const NOW = new Date("2026-03-19T10:30:00.000Z");
const HOOK_URL = "https://hooks.example.com/phala";
let api: RunningMockApi;

beforeEach(async () => {
  api = await startMockApi({ now: () => NOW });
});
afterEach(() => api.close());

describe("POST /workspace/webhooks", () => {
  it("creates a webhook (201) whose answer alone carries the secret", async () => {
    const created = await send(api.url, "POST", "/workspace/webhooks", {
      url: HOOK_URL,
      events: ["cvm.created", "cvm.stopped"],
      name: "deploys",
    });
    expect(created.status).toBe(201);
    expect(contractMismatches("POST /workspace/webhooks", created.body, { status: 201 })).toEqual(
      [],
    );
    expect(created.body).toMatchObject({
      url: HOOK_URL,
      events: ["cvm.created", "cvm.stopped"],
      name: "deploys",
      enabled: true,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    });
    expect(created.body.id).toMatch(/^wh_[0-9a-f]{12}$/);
    expect(created.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/);

    const listed = await send(api.url, "GET", "/workspace/webhooks");
    expect(listed.status).toBe(200);
    expect(contractMismatches("GET /workspace/webhooks", listed.body)).toEqual([]);
    expect(listed.body).toEqual([{ ...created.body, secret: null }]);
    const one = await send(api.url, "GET", `/workspace/webhooks/${created.body.id}`);
    expect(one.body).toEqual({ ...created.body, secret: null });
  });

  it("keeps a secret of the caller's own; two secrets are never the same", async () => {
    const mine = await createHook(api.url, HOOK_URL, { secret: "whsec_mine" });
    expect(mine.secret).toBe("whsec_mine");
    const a = await createHook(api.url, HOOK_URL);
    const b = await createHook(api.url, HOOK_URL);
    expect(a.secret).not.toBe(b.secret);
    expect(a.name).toBeNull();
  });

  it("lists newest first, each workspace its own", async () => {
    const first = await createHook(api.url, HOOK_URL);
    const second = await createHook(api.url, `${HOOK_URL}/2`);
    const listed = await send(api.url, "GET", "/workspace/webhooks");
    expect(listed.body.map((hook: { id: string }) => hook.id)).toEqual([second.id, first.id]);
    // Bob is in the same workspace; Carol is not.
    expect(
      (await send(api.url, "GET", "/workspace/webhooks", undefined, SEED.apiKeys.member)).body,
    ).toHaveLength(2);
    const carol = await send(
      api.url,
      "GET",
      "/workspace/webhooks",
      undefined,
      SEED.apiKeys.otherWorkspace,
    );
    expect(carol.body).toEqual([]);
    const hidden = await send(
      api.url,
      "GET",
      `/workspace/webhooks/${first.id}`,
      undefined,
      SEED.apiKeys.otherWorkspace,
    );
    expect(hidden.status).toBe(404);
  });

  it.each([
    ["no body", "", [["body"], "missing"]],
    ["no url", { events: [] }, [["body", "url"], "missing"]],
    ["no events", { url: HOOK_URL }, [["body", "events"], "missing"]],
    [
      "a URL that is not http",
      { url: "ftp://x.example", events: [] },
      [["body", "url"], "value_error"],
    ],
    [
      "an unknown event",
      { url: HOOK_URL, events: ["cvm.exploded"] },
      [["body", "events"], "value_error"],
    ],
    [
      "events not a list",
      { url: HOOK_URL, events: "cvm.created" },
      [["body", "events"], "list_type"],
    ],
    [
      "a long name",
      { url: HOOK_URL, events: [], name: "n".repeat(101) },
      [["body", "name"], "string_too_long"],
    ],
  ])("answers 422 for %s", async (_label, body, [loc, type]) => {
    const response = await send(api.url, "POST", "/workspace/webhooks", body);
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({ loc, type });
  });

  it("answers 401 without a valid key", async () => {
    const response = await fetch(`${api.url}/workspace/webhooks`);
    expect(response.status).toBe(401);
  });
});

describe("PUT and DELETE /workspace/webhooks/{webhook_id}", () => {
  it("updates the fields given; a read gives them back as written", async () => {
    const hook = await createHook(api.url, HOOK_URL, { name: "before" });
    const later = new Date(NOW.getTime() + 60_000);
    await api.close();
    api = await startMockApi({ now: () => later, state: api.state });
    const updated = await send(api.url, "PUT", `/workspace/webhooks/${hook.id}`, {
      url: `${HOOK_URL}/v2`,
      events: ["cvm.deleted"],
      enabled: false,
      name: null,
    });
    expect(updated.status).toBe(200);
    expect(contractMismatches("PUT /workspace/webhooks/{webhook_id}", updated.body)).toEqual([]);
    expect(updated.body).toEqual({
      ...hook,
      secret: null,
      url: `${HOOK_URL}/v2`,
      events: ["cvm.deleted"],
      enabled: false,
      // null leaves a field as it is.
      name: "before",
      updated_at: later.toISOString(),
    });
    const read = await send(api.url, "GET", `/workspace/webhooks/${hook.id}`);
    expect(read.body).toEqual(updated.body);
  });

  it("answers 422 for a bad field and 404 for an unknown webhook", async () => {
    const hook = await createHook(api.url, HOOK_URL);
    const bad = await send(api.url, "PUT", `/workspace/webhooks/${hook.id}`, { enabled: "no" });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ["body", "enabled"], type: "bool_type" });
    const missing = await send(api.url, "PUT", "/workspace/webhooks/wh_nope", { enabled: true });
    expect(missing.status).toBe(404);
    expect(missing.body.detail.message).toBe("Webhook not found");
  });

  it("deletes (204): the webhook is gone from reads and lists", async () => {
    const hook = await createHook(api.url, HOOK_URL);
    const deleted = await send(api.url, "DELETE", `/workspace/webhooks/${hook.id}`);
    expect(deleted).toEqual({ status: 204, body: undefined });
    expect((await send(api.url, "GET", `/workspace/webhooks/${hook.id}`)).status).toBe(404);
    expect((await send(api.url, "GET", "/workspace/webhooks")).body).toEqual([]);
    expect((await send(api.url, "DELETE", `/workspace/webhooks/${hook.id}`)).status).toBe(404);
  });
});

describe("POST .../reveal-secret and .../rotate-secret", () => {
  it("reveals the secret; a rotation replaces it", async () => {
    const hook = await createHook(api.url, HOOK_URL);
    const revealed = await send(api.url, "POST", `/workspace/webhooks/${hook.id}/reveal-secret`);
    expect(revealed).toEqual({ status: 200, body: { secret: hook.secret } });
    expect(
      contractMismatches("POST /workspace/webhooks/{webhook_id}/reveal-secret", revealed.body),
    ).toEqual([]);
    const rotated = await send(api.url, "POST", `/workspace/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const again = await send(api.url, "POST", `/workspace/webhooks/${hook.id}/reveal-secret`);
    expect(again.body.secret).toBe(rotated.body.secret);
  });

  it("answers 428 while a step-up is required, and leaves the secret as it was", async () => {
    const hook = await createHook(api.url, HOOK_URL);
    api.state.settings.stepUpRequired = [
      "POST /workspace/webhooks/{webhook_id}/reveal-secret",
      "POST /workspace/webhooks/{webhook_id}/rotate-secret",
    ];
    for (const operation of ["reveal-secret", "rotate-secret"]) {
      const refused = await send(api.url, "POST", `/workspace/webhooks/${hook.id}/${operation}`);
      expect(refused.status).toBe(428);
      expect(refused.body.detail.message).toContain("Step-up");
    }
    api.state.settings.stepUpRequired = [];
    const revealed = await send(api.url, "POST", `/workspace/webhooks/${hook.id}/reveal-secret`);
    expect(revealed.body.secret).toBe(hook.secret);
  });

  it("answers 404 for another workspace's webhook", async () => {
    const hook = await createHook(api.url, HOOK_URL);
    const response = await send(
      api.url,
      "POST",
      `/workspace/webhooks/${hook.id}/reveal-secret`,
      undefined,
      SEED.apiKeys.otherWorkspace,
    );
    expect(response.status).toBe(404);
  });
});
