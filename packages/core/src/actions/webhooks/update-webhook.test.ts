import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { safeUpdateWebhook, updateWebhook } from "./update-webhook";
import { setup, WEBHOOK_ID, webhookBody } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("updateWebhook", () => {
  it("PUTs only the fields given, the id in the path", async () => {
    const { fake, client } = setup({
      body: webhookBody({ enabled: false, events: ["cvm.deleted"] }),
    });
    const hook = await updateWebhook(client, {
      webhookId: WEBHOOK_ID,
      enabled: false,
      events: ["cvm.deleted"],
    });
    expect(fake.calls[0]).toMatchObject({
      method: "PUT",
      url: `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}`,
      body: { enabled: false, events: ["cvm.deleted"] },
    });
    expect(hook).toMatchObject({ enabled: false, events: ["cvm.deleted"] });
  });

  it.each([
    [{ webhookId: WEBHOOK_ID }, ""],
    [{ webhookId: WEBHOOK_ID, enabled: "no" }, "enabled"],
    [{ webhookId: WEBHOOK_ID, url: "mailto:me@example.com" }, "url"],
    [{ webhookId: WEBHOOK_ID, secret: "whsec_x" }, "secret"],
    [{ enabled: true }, "webhookId"],
  ])("refuses %j before sending (%s)", async (args, field) => {
    const { fake, client } = setup({ body: webhookBody() });
    const result = await safeUpdateWebhook(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });
});
