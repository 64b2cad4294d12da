import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestValidationError, UnprocessableEntityError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { createWebhook, safeCreateWebhook } from "./create-webhook";
import { SECRET, setup, webhookBody } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("createWebhook", () => {
  it("POSTs url, events and the optional fields; the answer carries the secret", async () => {
    const { fake, client } = setup({ status: 201, body: webhookBody({ secret: SECRET }) });
    const hook = await createWebhook(client, {
      url: "https://hooks.example.com/phala",
      events: ["cvm.created", "cvm.stopped"],
      name: "deploys",
    });
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/workspace/webhooks`,
      body: {
        url: "https://hooks.example.com/phala",
        events: ["cvm.created", "cvm.stopped"],
        name: "deploys",
      },
    });
    expect(hook.secret).toBe(SECRET);
  });

  it("sends a secret of the caller's own", async () => {
    const { fake, client } = setup({ status: 201, body: webhookBody({ secret: "whsec_mine" }) });
    await createWebhook(client, { url: "http://127.0.0.1:9/x", events: [], secret: "whsec_mine" });
    expect(fake.calls[0]!.body).toEqual({
      url: "http://127.0.0.1:9/x",
      events: [],
      secret: "whsec_mine",
    });
  });

  it.each([
    [{ events: ["cvm.created"] }, "url"],
    [{ url: "ftp://example.com", events: [] }, "url"],
    [{ url: "not a url", events: [] }, "url"],
    [{ url: "https://x.example" }, "events"],
    [{ url: "https://x.example", events: ["cvm.created", " "] }, "events"],
    [{ url: "https://x.example", events: [], name: "n".repeat(101) }, "name"],
    [{ url: "https://x.example", events: [], secret: "" }, "secret"],
    [{ url: "https://x.example", events: [], enabled: true }, "enabled"],
  ])("refuses %j before sending (%s)", async (args, field) => {
    const { fake, client } = setup({ status: 201, body: webhookBody() });
    const error = await createWebhook(client, args as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("surfaces the API's 422 as UnprocessableEntityError with its field", async () => {
    const { client } = setup({
      status: 422,
      body: {
        detail: [
          {
            type: "value_error",
            loc: ["body", "events", 0],
            msg: "Value error, unknown event",
            input: "x",
          },
        ],
      },
    });
    const result = await safeCreateWebhook(client, { url: "https://x.example", events: ["x"] });
    expect(result.error).toBeInstanceOf(UnprocessableEntityError);
    expect((result.error as UnprocessableEntityError).validationErrors[0]).toMatchObject({
      field: "events.0",
    });
  });
});
