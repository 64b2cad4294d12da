import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { getComposeHash } from "./compose-hash";
import { decryptEnvVars, type EnvVar, encryptEnvVars } from "./encrypt-env-vars";
import { type DotenvParseError, parseEnvVars } from "./parse-env-vars";
import {
  parseWebhookEvent,
  verifyWebhookSignature,
  type WebhookEvent,
  type WebhookVerificationFailure,
} from "./webhook";

const delivery = { payload: "{}", headers: new Headers(), secret: "whsec_x" };

describe("helper types", () => {
  it("parseWebhookEvent types data by its schema, else unknown", () => {
    expectTypeOf(parseWebhookEvent(delivery)).resolves.toEqualTypeOf<WebhookEvent<unknown>>();
    const dataSchema = z.object({ cvm_id: z.string() });
    expectTypeOf(parseWebhookEvent({ ...delivery, dataSchema })).resolves.toEqualTypeOf<
      WebhookEvent<{ cvm_id: string }>
    >();
  });

  it("the documented forms (body) are synchronous; the payload forms return promises", () => {
    expectTypeOf(verifyWebhookSignature(delivery)).toEqualTypeOf<Promise<void>>();
    const documented = { secret: "whsec_x", timestamp: "1", body: "{}", signature: "sha256=" };
    expectTypeOf(verifyWebhookSignature(documented)).toEqualTypeOf<boolean>();
    // Node's header values as they are.
    const nodeValue = undefined as string | string[] | undefined;
    expectTypeOf(
      verifyWebhookSignature({ ...documented, timestamp: nodeValue, signature: nodeValue }),
    ).toEqualTypeOf<boolean>();
    const sync = { headers: new Headers(), body: "{}", secret: "whsec_x" };
    expectTypeOf(parseWebhookEvent(sync)).toEqualTypeOf<WebhookEvent<unknown>>();
    expectTypeOf(parseWebhookEvent<{ cvm_id: string }>(sync).data.cvm_id).toBeString();
    // @ts-expect-error one form or the other: `payload` or `body`
    verifyWebhookSignature({ ...delivery, body: "{}" });
    // @ts-expect-error one form or the other: `payload` or `body`
    parseWebhookEvent({ ...sync, payload: "{}" });
  });

  it("parseEnvVars gives what encryptEnvVars takes", () => {
    expectTypeOf(parseEnvVars("A=1")).toEqualTypeOf<EnvVar[]>();
    expectTypeOf(parseEnvVars(new Uint8Array())).toEqualTypeOf<EnvVar[]>();
    expectTypeOf(encryptEnvVars(parseEnvVars("A=1"), "00")).resolves.toBeString();
    expectTypeOf<DotenvParseError["line"]>().toBeNumber();
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
