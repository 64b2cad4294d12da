// GET /kms/{kms}/pubkey/{app_id}: the key an app's env vars are encrypted to.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { validationError } from "../../internal/errors";
import { normalizeAppId } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import { findKms, findKmsContract } from "./contracts";
import { envKeyPairFor, mockPubkeySignature, toHex } from "./keys";
import { kmsNotFoundError } from "./list";

const APP_ID = /^(?:0x|app_)?[0-9a-f]{40}$/i;

export function registerPubkeyRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // `{kms}` names a KMS node (id or slug) before 2026-06-23, a KMS contract from
  // it: its nodes share one root key, so the contract's first node answers.
  api.get("/kms/:kms/pubkey/:app_id", requireApiKey, async (c) => {
    const { state, version } = c.get("render");
    const byNode = c.get("chain").serves("getAppEnvEncryptPubKey", version);
    const rawAppId = c.req.param("app_id");
    if (!APP_ID.test(rawAppId)) {
      throw validationError([
        {
          type: "value_error",
          loc: ["path", "app_id"],
          msg: "Value error, app_id must be 40 hex characters",
          input: rawAppId,
        },
      ]);
    }
    const named = c.req.param("kms");
    const kms = byNode ? findKms(state, named) : findKmsContract(state, named)?.nodes[0];
    if (!kms) throw kmsNotFoundError(named);
    const appId = normalizeAppId(rawAppId);
    const pair = await envKeyPairFor(state, kms, appId);
    const publicKey = toHex(await crypto.subtle.exportKey("raw", pair.publicKey));
    const body = { public_key: publicKey, signature: mockPubkeySignature(kms, appId, publicKey) };
    return byNode ? respond(c, "getAppEnvEncryptPubKey", body) : c.json(body, 200);
  });
}
