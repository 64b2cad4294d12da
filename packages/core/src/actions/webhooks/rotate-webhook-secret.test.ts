import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StepUpRequiredError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { rotateWebhookSecret, safeRotateWebhookSecret } from "./rotate-webhook-secret";
import { SECRET, STEP_UP_REPLY, setup, WEBHOOK_ID } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("rotateWebhookSecret", () => {
  it("POSTs /rotate-secret and answers the new secret", async () => {
    const { fake, client } = setup({ body: { secret: SECRET } });
    const rotated = await rotateWebhookSecret(client, { webhookId: WEBHOOK_ID });
    expect(rotated.secret).toBe(SECRET);
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}/rotate-secret`,
    });
  });

  it("surfaces the 428 step-up answer as StepUpRequiredError and never repeats the rotation", async () => {
    const { fake, client } = setup(STEP_UP_REPLY);
    const error = await rotateWebhookSecret(client, { webhookId: WEBHOOK_ID }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StepUpRequiredError);
    expect((error as StepUpRequiredError).message).toContain("Step-up");
    const result = await safeRotateWebhookSecret(
      client,
      { webhookId: WEBHOOK_ID },
      { maxRetries: 3 },
    );
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(StepUpRequiredError);
    expect(fake.calls).toHaveLength(2);
  });
});
