import { revokeCurrentApiTokenResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, type NoArgs, safe } from "../../action";
import { onlyOptions } from "../../no-args";

/**
 * Revokes the API key this client calls with: `DELETE /tokens/self` (204),
 * resolving `undefined`. It cannot be undone: every later call with that key
 * fails with an `AuthenticationError` (401), this client's included. The key
 * revoked is always the one sent; no call revokes another key. Like every
 * DELETE it is retried after a lost answer, and a retry after a revoke that did
 * happen fails with that 401: an `AuthenticationError` from this call means the
 * key no longer works either way (pass `{ maxRetries: 0 }` to see the first
 * failure instead).
 */
export const revokeCurrentApiToken = /* @__PURE__ */ defineVersionedAction({
  name: "revokeCurrentApiToken",
  optionalArgs: true,
  noArgs: true,
  responses: revokeCurrentApiTokenResponseSchemas,
  plan: (given: NoArgs) => {
    onlyOptions("revokeCurrentApiToken", given);
    return { method: "DELETE", path: "/tokens/self" };
  },
});

export const safeRevokeCurrentApiToken = /* @__PURE__ */ safe(revokeCurrentApiToken);
