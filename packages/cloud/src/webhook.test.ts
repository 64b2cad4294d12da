// `@phala/cloud/webhook` as the official SDK's docs use it, from the built
// package (build first: turbo runs this test after build). A delivery signed
// as the API signs it (`X-Webhook-Signature: sha256=` + hex HMAC-SHA256 of
// `${X-Webhook-Timestamp}.${raw body}`, keyed with the whsec_ secret) is
// checked through both call forms, and the subpath is resolved by name the
// way Node resolves it for a user (import and require, and the edge conditions).
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CHILD_PROCESS_TIMEOUT } from "../../schemas/src/loaded-modules.test-support";

type WebhookModule = typeof import("./webhook");

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

const SECRET = "whsec_4f8a1c2e9b7d";
const BODY = JSON.stringify({
  id: "evt_a1b2c3d4e5f67890",
  event: "cvm.created",
  version: "1",
  created_at: "2026-03-19T10:30:00Z",
  workspace: { id: "my-team-slug", name: "My Team" },
  data: {
    cvm_id: "1a09d706-2686-4e0a-8b1d-323ff0e3504b",
    cvm_name: "my-app",
    app_id: "0xabc",
    status: "running",
  },
});

/** The headers Phala Cloud sends with a delivery of `body` at `timestamp` (Unix seconds). */
function deliveryHeaders(body: string, timestamp: number): IncomingHttpHeaders {
  const mac = createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex");
  // As Node hands them to a handler: lower-case names.
  return {
    "content-type": "application/json",
    "user-agent": "PhalaCloud-Webhook/1.0",
    "x-webhook-id": "evt_a1b2c3d4e5f67890",
    "x-webhook-event": "cvm.created",
    "x-webhook-timestamp": String(timestamp),
    "x-webhook-signature": `sha256=${mac}`,
  };
}

const now = () => Math.floor(Date.now() / 1000);

describe.each(["webhook.js", "webhook.cjs"])("@phala/cloud/webhook: dist/%s", (file) => {
  const load = async () => (await import(dist(file))) as WebhookModule;

  it("verifyWebhookSignature, as documented: synchronous, true or false", async () => {
    const { verifyWebhookSignature } = await load();
    const req = { headers: deliveryHeaders(BODY, now()) };
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
        secret: SECRET,
        timestamp: req.headers["x-webhook-timestamp"],
        body: rawBody.replace("running", "stopped"),
        signature: req.headers["x-webhook-signature"],
      }),
    ).toBe(false);
    const stale = deliveryHeaders(BODY, now() - 600);
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        timestamp: stale["x-webhook-timestamp"],
        body: rawBody,
        signature: stale["x-webhook-signature"],
      }),
    ).toBe(false);
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        timestamp: stale["x-webhook-timestamp"],
        body: rawBody,
        signature: stale["x-webhook-signature"],
        toleranceSeconds: 900,
      }),
    ).toBe(true);
  });

  it("parseWebhookEvent, as documented: the event, or a throw", async () => {
    const { parseWebhookEvent, WebhookVerificationError } = await load();
    const req = { headers: deliveryHeaders(BODY, now()) };
    const event = parseWebhookEvent({ headers: req.headers, body: BODY, secret: SECRET });
    expect(event.event).toBe("cvm.created");
    expect(event.data).toMatchObject({ cvm_name: "my-app", status: "running" });

    let caught: unknown;
    try {
      parseWebhookEvent({ headers: req.headers, body: BODY, secret: "whsec_wrong" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WebhookVerificationError);
    expect(caught).toMatchObject({ reason: "invalid_signature" });
  });

  it("the promise forms (payload, Fetch Headers) verify the same delivery", async () => {
    const { parseWebhookEvent, verifyWebhookSignature, WebhookVerificationError } = await load();
    const headers = new Headers(deliveryHeaders(BODY, now()) as Record<string, string>);
    await expect(
      verifyWebhookSignature({ payload: BODY, headers, secret: SECRET }),
    ).resolves.toBeUndefined();
    const event = await parseWebhookEvent({ payload: BODY, headers, secret: SECRET });
    expect(event.id).toBe("evt_a1b2c3d4e5f67890");
    await expect(
      verifyWebhookSignature({ payload: `${BODY} `, headers, secret: SECRET }),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
  });
});

describe("@phala/cloud/webhook resolved by name", () => {
  const run = async (args: string[]) => {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: packageDir });
    return stdout.trim();
  };
  const SIGNED = (timestamp: number) => {
    const headers = deliveryHeaders(BODY, timestamp);
    return JSON.stringify({
      secret: SECRET,
      timestamp: headers["x-webhook-timestamp"],
      body: BODY,
      signature: headers["x-webhook-signature"],
    });
  };

  it(
    "import and require both reach a working verifyWebhookSignature",
    async () => {
      const args = SIGNED(now());
      const esm = await run([
        "--input-type=module",
        "-e",
        `import { verifyWebhookSignature } from "@phala/cloud/webhook"; console.log(verifyWebhookSignature(${args}));`,
      ]);
      const cjs = await run([
        "-e",
        `console.log(require("@phala/cloud/webhook").verifyWebhookSignature(${args}));`,
      ]);
      expect([esm, cjs]).toEqual(["true", "true"]);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    "under the edge conditions, the errors are the root entry's classes",
    async () => {
      for (const condition of ["workerd", "browser", "node"]) {
        const out = await run([
          `--conditions=${condition}`,
          "--input-type=module",
          "-e",
          `import * as root from "@phala/cloud"; import * as webhook from "@phala/cloud/webhook";
           console.log(root.WebhookVerificationError === webhook.WebhookVerificationError, root.verifyWebhookSignature === webhook.verifyWebhookSignature, webhook.verifyWebhookSignature(${SIGNED(now())}));`,
        ]);
        expect(out, condition).toBe("true true true");
      }
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    "parseEnvVars is exported from the root, as documented, and feeds encryptEnvVars",
    async () => {
      const out = await run([
        "--input-type=module",
        "-e",
        `import { parseEnvVars, encryptEnvVars } from "@phala/cloud";
         const envVars = parseEnvVars("API_KEY=secret\\nDB_URL=postgres://...");
         const key = await crypto.subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
         const pub = Buffer.from(await crypto.subtle.exportKey("raw", key.publicKey)).toString("hex");
         const encrypted = await encryptEnvVars(envVars, pub);
         console.log(JSON.stringify(envVars), /^[0-9a-f]+$/.test(encrypted));`,
      ]);
      expect(out).toBe(
        '[{"key":"API_KEY","value":"secret"},{"key":"DB_URL","value":"postgres://..."}] true',
      );
    },
    CHILD_PROCESS_TIMEOUT,
  );
});
