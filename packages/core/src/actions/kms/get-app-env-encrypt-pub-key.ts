import {
  getAppEnvEncryptPubKeyResponseSchemas,
  getAppEnvEncryptPubKeyVersionPins,
} from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, requireString, safe } from "../../action";

export interface GetAppEnvEncryptPubKeyArgs {
  /** The KMS id or slug the app uses. */
  kms: string;
  /** 40 hex characters, with or without `0x` or `app_`. */
  app_id: string;
}

const APP_ID = /^(?:0x|app_)?([0-9a-f]{40})$/i;

/**
 * The X25519 public key an app's env vars are encrypted to, with the KMS's
 * signature over it: `GET /kms/{kms}/pubkey/{app_id}`. Pass `public_key` to
 * `encryptEnvVars`. The app id is sent as bare lower-case hex whatever prefix
 * it was given with (`@phala/cloud` refuses `app_` and sends `0x` through).
 *
 * Pinned: a 2026-06-23 client (or call) sends `X-Phala-Version: 2026-05-22`
 * for it. From 2026-06-23 the `/kms/{kms}` paths resolve KMS contracts, and
 * here `{kms}` stays a KMS node's id or slug, whose key it serves; the
 * official SDKs pin it the same way. Older versions send their own.
 */
export const getAppEnvEncryptPubKey = /* @__PURE__ */ defineVersionedAction({
  name: "getAppEnvEncryptPubKey",
  responses: getAppEnvEncryptPubKeyResponseSchemas,
  versionPins: getAppEnvEncryptPubKeyVersionPins,
  plan: (args: GetAppEnvEncryptPubKeyArgs) => {
    const kms = requireString("getAppEnvEncryptPubKey", args, "kms").trim();
    const match = APP_ID.exec(requireString("getAppEnvEncryptPubKey", args, "app_id").trim());
    if (!match) {
      invalidArguments("getAppEnvEncryptPubKey", [
        {
          path: "app_id",
          message: "expected 40 hex characters, optionally prefixed by 0x or app_",
        },
      ]);
    }
    return {
      method: "GET",
      path: `/kms/${encodeURIComponent(kms)}/pubkey/${match[1]!.toLowerCase()}`,
    };
  },
});

export const safeGetAppEnvEncryptPubKey = /* @__PURE__ */ safe(getAppEnvEncryptPubKey);
