import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RequestValidationError } from "../errors";
import {
  parseWebhookEvent,
  verifyWebhookSignature,
  type WebhookHeaders,
  WebhookVerificationError,
} from "./webhook";

const SECRET = "whsec_test_secret_123";
const NOW_S = 1_769_000_000;
const NOW = NOW_S * 1000;
const BODY =
  '{"id":"evt_abc","event":"cvm.created","version":"1","created_at":"2026-01-21T12:53:20Z","workspace":{"id":"ws_3f9a","name":"Acme"},"data":{"cvm_id":"cvm_9xK2mQ7tLp","status":"running"}}';

function sign(body: string | Buffer, timestamp: string | number, secret = SECRET): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
  return `sha256=${mac}`;
}

function headersFor(body: string | Buffer, timestamp: number = NOW_S, secret = SECRET) {
  return {
    "X-Webhook-Timestamp": String(timestamp),
    "X-Webhook-Signature": sign(body, timestamp, secret),
  };
}

async function failure(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return error as WebhookVerificationError;
}

describe("verifyWebhookSignature", () => {
  it("accepts a delivery signed with the secret (fixed vector)", async () => {
    // Computed outside this code: printf '1769000000.{}' | openssl dgst -sha256 -hmac whsec_test_secret_123
    const headers = {
      "x-webhook-timestamp": "1769000000",
      "x-webhook-signature":
        "sha256=dc591cf6ba5dbbe93fe9cc8602d16db7c2abceebda2eda3e58bcaa052ea0a540",
    };
    await expect(
      verifyWebhookSignature({ payload: "{}", headers, secret: SECRET, now: NOW }),
    ).resolves.toBeUndefined();
  });

  it("accepts Fetch Headers, Node header records (any case, arrays) and byte payloads", async () => {
    const plain = headersFor(BODY);
    const variants: WebhookHeaders[] = [
      new Headers(plain),
      plain,
      {
        "x-webhook-timestamp": [plain["X-Webhook-Timestamp"]],
        "X-WEBHOOK-SIGNATURE": plain["X-Webhook-Signature"],
      },
    ];
    for (const headers of variants) {
      await verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: NOW });
    }
    const bytes = new TextEncoder().encode(BODY);
    await verifyWebhookSignature({ payload: bytes, headers: plain, secret: SECRET, now: NOW });
    await verifyWebhookSignature({
      payload: bytes.buffer,
      headers: plain,
      secret: SECRET,
      now: new Date(NOW),
    });
  });

  it("signs the raw bytes, so non-UTF-8 bodies verify too", async () => {
    const raw = Buffer.from([0xff, 0xfe, 0x00, 0x7b]);
    await verifyWebhookSignature({
      payload: new Uint8Array(raw),
      headers: headersFor(raw),
      secret: SECRET,
      now: NOW,
    });
  });

  it("refuses a wrong secret, a tampered body, or a tampered timestamp", async () => {
    const wrongSecret = await failure(
      verifyWebhookSignature({
        payload: BODY,
        headers: headersFor(BODY, NOW_S, "whsec_other"),
        secret: SECRET,
        now: NOW,
      }),
    );
    expect(wrongSecret.reason).toBe("invalid_signature");

    const tampered = await failure(
      verifyWebhookSignature({
        payload: BODY.replace("running", "stopped"),
        headers: headersFor(BODY),
        secret: SECRET,
        now: NOW,
      }),
    );
    expect(tampered.reason).toBe("invalid_signature");

    const moved = headersFor(BODY);
    moved["X-Webhook-Timestamp"] = String(NOW_S + 1);
    const movedTimestamp = await failure(
      verifyWebhookSignature({ payload: BODY, headers: moved, secret: SECRET, now: NOW }),
    );
    expect(movedTimestamp.reason).toBe("invalid_signature");
  });

  it.each([
    ["no prefix", () => sign(BODY, NOW_S).slice("sha256=".length)],
    ["another algorithm", () => sign(BODY, NOW_S).replace("sha256=", "sha1=")],
    ["short hex", () => sign(BODY, NOW_S).slice(0, -2)],
    ["not hex", () => `sha256=${"z".repeat(64)}`],
  ])("refuses a malformed signature: %s", async (_label, make) => {
    const headers = { ...headersFor(BODY), "X-Webhook-Signature": make() };
    const error = await failure(
      verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: NOW }),
    );
    expect(error.reason).toBe("invalid_signature");
  });

  it("accepts uppercase hex in the signature", async () => {
    const headers = headersFor(BODY);
    headers["X-Webhook-Signature"] =
      `sha256=${headers["X-Webhook-Signature"].slice(7).toUpperCase()}`;
    await verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: NOW });
  });

  it("allows 300 s of skew either way by default, inclusive", async () => {
    for (const timestamp of [NOW_S - 300, NOW_S + 300]) {
      await verifyWebhookSignature({
        payload: BODY,
        headers: headersFor(BODY, timestamp),
        secret: SECRET,
        now: NOW,
      });
    }
    for (const timestamp of [NOW_S - 301, NOW_S + 301]) {
      const error = await failure(
        verifyWebhookSignature({
          payload: BODY,
          headers: headersFor(BODY, timestamp),
          secret: SECRET,
          now: NOW,
        }),
      );
      expect(error.reason).toBe("timestamp_out_of_tolerance");
      expect(error.message).toContain("301 s from now");
    }
  });

  it("takes a custom tolerance", async () => {
    const headers = headersFor(BODY, NOW_S - 400);
    await verifyWebhookSignature({
      payload: BODY,
      headers,
      secret: SECRET,
      now: NOW,
      tolerance: 500,
    });
    const error = await failure(
      verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: NOW, tolerance: 60 }),
    );
    expect(error.reason).toBe("timestamp_out_of_tolerance");
  });

  it("uses the clock when no `now` is given", async () => {
    const current = Math.floor(Date.now() / 1000);
    await verifyWebhookSignature({
      payload: BODY,
      headers: headersFor(BODY, current),
      secret: SECRET,
    });
    const error = await failure(
      verifyWebhookSignature({
        payload: BODY,
        headers: headersFor(BODY, NOW_S - 10_000),
        secret: SECRET,
      }),
    );
    expect(error.reason).toBe("timestamp_out_of_tolerance");
  });

  it("names the missing header", async () => {
    const { "X-Webhook-Signature": signature } = headersFor(BODY);
    const noTimestamp = await failure(
      verifyWebhookSignature({
        payload: BODY,
        headers: { "X-Webhook-Signature": signature },
        secret: SECRET,
        now: NOW,
      }),
    );
    expect(noTimestamp.reason).toBe("missing_header");
    expect(noTimestamp.message).toContain("X-Webhook-Timestamp");

    const noSignature = await failure(
      verifyWebhookSignature({
        payload: BODY,
        headers: new Headers({ "X-Webhook-Timestamp": String(NOW_S), "X-Webhook-Signature": "" }),
        secret: SECRET,
        now: NOW,
      }),
    );
    expect(noSignature.reason).toBe("missing_header");
    expect(noSignature.message).toContain("X-Webhook-Signature");
  });

  it.each(["17e8", "-1769000000", "1769000000.5", "soon"])(
    "refuses a timestamp that is not Unix seconds: %s",
    async (timestamp) => {
      const headers = {
        "X-Webhook-Timestamp": timestamp,
        "X-Webhook-Signature": sign(BODY, timestamp),
      };
      const error = await failure(
        verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: NOW }),
      );
      expect(error.reason).toBe("invalid_timestamp");
    },
  );

  it("refuses bad arguments with RequestValidationError", async () => {
    const headers = headersFor(BODY);
    await expect(
      verifyWebhookSignature({ payload: BODY, headers, secret: "", now: NOW }),
    ).rejects.toThrow(RequestValidationError);
    await expect(
      verifyWebhookSignature({ payload: { id: 1 } as never, headers, secret: SECRET, now: NOW }),
    ).rejects.toThrow("payload: expected the raw body");
    await expect(
      verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: NOW, tolerance: -1 }),
    ).rejects.toThrow("tolerance: expected a number of seconds >= 0");
    await expect(
      verifyWebhookSignature({ payload: BODY, headers: null as never, secret: SECRET }),
    ).rejects.toThrow("headers: expected the request's headers");
  });
});

describe("parseWebhookEvent", () => {
  it("verifies, then returns the typed event", async () => {
    const event = await parseWebhookEvent({
      payload: BODY,
      headers: headersFor(BODY),
      secret: SECRET,
      now: NOW,
    });
    expect(event).toEqual({
      id: "evt_abc",
      event: "cvm.created",
      version: "1",
      created_at: "2026-01-21T12:53:20Z",
      workspace: { id: "ws_3f9a", name: "Acme" },
      data: { cvm_id: "cvm_9xK2mQ7tLp", status: "running" },
    });
  });

  it("validates and types data with a schema", async () => {
    const dataSchema = z.object({ cvm_id: z.string(), status: z.enum(["running", "stopped"]) });
    const event = await parseWebhookEvent({
      payload: BODY,
      headers: headersFor(BODY),
      secret: SECRET,
      now: NOW,
      dataSchema,
    });
    expect(event.data.status).toBe("running");

    const strict = z.object({ cvm_id: z.number() });
    const error = await failure(
      parseWebhookEvent({
        payload: BODY,
        headers: headersFor(BODY),
        secret: SECRET,
        now: NOW,
        dataSchema: strict,
      }),
    );
    expect(error.reason).toBe("invalid_payload");
    expect(error.message).toContain("data.cvm_id");
  });

  it("does not parse a delivery whose signature fails", async () => {
    const error = await failure(
      parseWebhookEvent({
        payload: "not json",
        headers: headersFor(BODY),
        secret: SECRET,
        now: NOW,
      }),
    );
    expect(error.reason).toBe("invalid_signature");
  });

  it("refuses a signed body that is not an event", async () => {
    const cases: [string, string][] = [
      ["not json", "not JSON"],
      ["[1,2]", "not a JSON object"],
      ['{"id":1}', "id: expected a string"],
      [
        '{"id":"e","event":"x","created_at":"t","workspace":{"id":"w"},"data":null}',
        "workspace.name",
      ],
      [
        '{"id":"e","event":"x","created_at":"t","workspace":{"id":"w","name":"n"}}',
        "data: missing",
      ],
    ];
    for (const [body, message] of cases) {
      const error = await failure(
        parseWebhookEvent({ payload: body, headers: headersFor(body), secret: SECRET, now: NOW }),
      );
      expect(error.reason).toBe("invalid_payload");
      expect(error.message).toContain(message);
    }
  });

  it("defaults a missing version to 1 and drops unknown envelope fields", async () => {
    const body =
      '{"id":"e","event":"app.deleted","created_at":"t","workspace":{"id":"w","name":"n","tier":"pro"},"data":[],"extra":1}';
    const event = await parseWebhookEvent({
      payload: new TextEncoder().encode(body),
      headers: headersFor(body),
      secret: SECRET,
      now: NOW,
    });
    expect(event).toEqual({
      id: "e",
      event: "app.deleted",
      version: "1",
      created_at: "t",
      workspace: { id: "w", name: "n" },
      data: [],
    });
  });
});

// The official `@phala/cloud/webhook`'s documented form: `body` instead of
// `payload`, the header values passed apart, synchronous, a boolean.
describe("verifyWebhookSignature, documented synchronous form", () => {
  const headers = headersFor(BODY);
  const documented = {
    secret: SECRET,
    timestamp: headers["X-Webhook-Timestamp"],
    body: BODY,
    signature: headers["X-Webhook-Signature"],
    now: NOW,
  };

  it("answers true synchronously for an authentic delivery", () => {
    const isValid = verifyWebhookSignature(documented);
    expect(isValid).toBe(true);
  });

  it("takes Node's header values as they are, as the docs' example passes them", () => {
    // What `req.headers` is in a Node HTTP handler: lower-case names, string | string[] | undefined.
    const req = {
      headers: {
        "x-webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "content-type": "application/json",
      } as IncomingHttpHeaders,
    };
    req.headers["x-webhook-signature"] = sign(BODY, req.headers["x-webhook-timestamp"] as string);
    const rawBody = BODY;
    const isValid = verifyWebhookSignature({
      secret: SECRET,
      timestamp: req.headers["x-webhook-timestamp"],
      body: rawBody,
      signature: req.headers["x-webhook-signature"],
    });
    expect(isValid).toBe(true);
    expect(
      verifyWebhookSignature({
        ...documented,
        timestamp: [documented.timestamp],
        signature: [documented.signature],
      }),
    ).toBe(true);
  });

  it("takes the body as bytes too", () => {
    const bytes = new TextEncoder().encode(BODY);
    expect(verifyWebhookSignature({ ...documented, body: bytes })).toBe(true);
    expect(verifyWebhookSignature({ ...documented, body: bytes.buffer })).toBe(true);
  });

  it.each([
    ["a wrong secret", { secret: "whsec_other" }],
    ["a tampered body", { body: BODY.replace("running", "stopped") }],
    ["a moved timestamp", { timestamp: String(NOW_S + 1) }],
    ["an absent timestamp header", { timestamp: undefined }],
    ["an absent signature header", { signature: undefined }],
    ["an empty header list", { signature: [] }],
    ["a malformed signature", { signature: "invalid" }],
    ["a timestamp that is not Unix seconds", { timestamp: "soon" }],
  ])("answers false for %s", (_label, change) => {
    expect(verifyWebhookSignature({ ...documented, ...change })).toBe(false);
  });

  it("allows 300 s of skew by default, and `toleranceSeconds`", () => {
    const at = (timestamp: number, toleranceSeconds?: number) =>
      verifyWebhookSignature({
        ...documented,
        timestamp: String(timestamp),
        signature: sign(BODY, timestamp),
        ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }),
      });
    expect(at(NOW_S - 300)).toBe(true);
    expect(at(NOW_S + 300)).toBe(true);
    expect(at(NOW_S - 301)).toBe(false);
    expect(at(NOW_S - 400, 500)).toBe(true);
    expect(at(NOW_S - 400, 60)).toBe(false);
  });

  it("uses the clock when no `now` is given", () => {
    const { now: _now, ...withoutNow } = documented;
    expect(verifyWebhookSignature(withoutNow)).toBe(false);
    const current = Math.floor(Date.now() / 1000);
    expect(
      verifyWebhookSignature({
        ...withoutNow,
        timestamp: String(current),
        signature: sign(BODY, current),
      }),
    ).toBe(true);
  });

  it("throws RequestValidationError for wrong arguments, never a (truthy) promise", () => {
    expect(() => verifyWebhookSignature({ ...documented, secret: "" })).toThrow(
      RequestValidationError,
    );
    expect(() => verifyWebhookSignature({ ...documented, body: undefined as never })).toThrow(
      "body: expected the raw body",
    );
    expect(() => verifyWebhookSignature({ ...documented, toleranceSeconds: -1 })).toThrow(
      "toleranceSeconds: expected a number of seconds >= 0",
    );
    expect(() =>
      verifyWebhookSignature({ ...documented, payload: BODY } as never as typeof documented),
    ).toThrow("not both");
  });
});

describe("parseWebhookEvent, documented synchronous form", () => {
  it("verifies, then returns the event synchronously", () => {
    const event = parseWebhookEvent<{ cvm_id: string }>({
      headers: headersFor(BODY),
      body: BODY,
      secret: SECRET,
      now: NOW,
    });
    expect(event).not.toBeInstanceOf(Promise);
    expect(event.event).toBe("cvm.created");
    expect(event.data.cvm_id).toBe("cvm_9xK2mQ7tLp");
    expect(event.workspace).toEqual({ id: "ws_3f9a", name: "Acme" });
  });

  it("reads headers in any case, from a record, Node's header record or Fetch Headers", () => {
    const plain = headersFor(BODY);
    for (const headers of [
      plain,
      {
        "x-webhook-timestamp": plain["X-Webhook-Timestamp"],
        "x-webhook-signature": [plain["X-Webhook-Signature"]],
      },
      new Headers(plain),
    ]) {
      expect(parseWebhookEvent({ headers, body: BODY, secret: SECRET, now: NOW }).id).toBe(
        "evt_abc",
      );
    }
  });

  it("takes `toleranceSeconds`", () => {
    const body = BODY;
    const headers = headersFor(body, NOW_S - 400);
    expect(
      parseWebhookEvent({ headers, body, secret: SECRET, now: NOW, toleranceSeconds: 500 }).id,
    ).toBe("evt_abc");
  });

  it.each([
    ["an invalid signature", { "X-Webhook-Signature": "sha256=invalid" }, "invalid_signature"],
    ["missing headers", {}, "missing_header"],
    ["an expired timestamp", headersFor(BODY, NOW_S - 600), "timestamp_out_of_tolerance"],
  ] as const)("throws WebhookVerificationError for %s", (_label, headers, reason) => {
    const call = () =>
      parseWebhookEvent({
        headers: { "X-Webhook-Timestamp": String(NOW_S), ...headers },
        body: BODY,
        secret: SECRET,
        now: NOW,
      });
    expect(call).toThrow(WebhookVerificationError);
    try {
      call();
    } catch (error) {
      expect((error as WebhookVerificationError).reason).toBe(reason);
    }
  });

  it("throws for a signed body that is not an event", () => {
    const body = '{"id":1}';
    expect(() =>
      parseWebhookEvent({ headers: headersFor(body), body, secret: SECRET, now: NOW }),
    ).toThrow("id: expected a string");
  });

  it("throws RequestValidationError for wrong arguments", () => {
    expect(() =>
      parseWebhookEvent({ headers: headersFor(BODY), body: BODY, secret: "", now: NOW }),
    ).toThrow(RequestValidationError);
    expect(() =>
      parseWebhookEvent({ headers: null as never, body: BODY, secret: SECRET, now: NOW }),
    ).toThrow("headers: expected the request's headers");
  });
});
