import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIError, ResponseValidationError, StepUpRequiredError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { revealWebhookSecret, safeRevealWebhookSecret } from "./reveal-webhook-secret";
import { SECRET, STEP_UP_REPLY, setup, WEBHOOK_ID } from "./webhooks.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("revealWebhookSecret", () => {
  it("POSTs /reveal-secret with no body and answers the secret", async () => {
    const { fake, client } = setup({ body: { secret: SECRET } });
    await expect(revealWebhookSecret(client, { webhookId: WEBHOOK_ID })).resolves.toEqual({
      secret: SECRET,
    });
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      url: `${TEST_BASE_URL}/workspace/webhooks/${WEBHOOK_ID}/reveal-secret`,
      body: undefined,
    });
  });

  it("surfaces the API's 428 as StepUpRequiredError, thrown and in the safe twin", async () => {
    const { fake, client } = setup(STEP_UP_REPLY);
    const error = await revealWebhookSecret(client, { webhookId: WEBHOOK_ID }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StepUpRequiredError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 428, endpoint: "revealWebhookSecret" });
    const result = await safeRevealWebhookSecret(client, { webhookId: WEBHOOK_ID });
    expect(result.error).toBeInstanceOf(StepUpRequiredError);
    // A POST is not retried: one request per call.
    expect(fake.calls).toHaveLength(2);
  });

  it("fails on an answer without the secret", async () => {
    const { client } = setup({ body: {} });
    const result = await safeRevealWebhookSecret(client, { webhookId: WEBHOOK_ID });
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
