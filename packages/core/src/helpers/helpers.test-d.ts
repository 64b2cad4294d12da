import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { getComposeHash } from "./compose-hash";
import { decryptEnvVars, type EnvVar, encryptEnvVars } from "./encrypt-env-vars";
import { parseWebhookEvent, type WebhookEvent, type WebhookVerificationFailure } from "./webhook";

const delivery = { payload: "{}", headers: new Headers(), secret: "whsec_x" };

describe("helper types", () => {
  it("parseWebhookEvent types data by its schema, else unknown", () => {
    expectTypeOf(parseWebhookEvent(delivery)).resolves.toEqualTypeOf<WebhookEvent<unknown>>();
    const dataSchema = z.object({ cvm_id: z.string() });
    expectTypeOf(parseWebhookEvent({ ...delivery, dataSchema })).resolves.toEqualTypeOf<
      WebhookEvent<{ cvm_id: string }>
    >();
  });

  it("failure reasons are a closed union", () => {
    expectTypeOf<WebhookVerificationFailure>().toEqualTypeOf<
      | "missing_header"
      | "invalid_timestamp"
      | "timestamp_out_of_tolerance"
      | "invalid_signature"
      | "invalid_payload"
    >();
  });

  it("env and compose helpers resolve strings and env lists", () => {
    expectTypeOf(encryptEnvVars([{ key: "A", value: "1" }], "00")).resolves.toBeString();
    expectTypeOf(decryptEnvVars).returns.resolves.toEqualTypeOf<EnvVar[]>();
    expectTypeOf(getComposeHash({ runner: "docker-compose" })).resolves.toBeString();
    // @ts-expect-error env values are strings
    encryptEnvVars([{ key: "PORT", value: 8080 }], "00");
  });
});
