// The routes of the API's "KMS" tag. contracts.ts and keys.ts hold the KMS state
// and rules: they import no route module, so the seed and the version renderers
// can use them.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerKmsInspectRoutes } from "./inspect";
import { registerKmsListRoutes } from "./list";
import { registerNextAppIdRoutes } from "./next-app-id";
import { registerOnChainRoutes } from "./on-chain";
import { registerPubkeyRoutes } from "./pubkey";

export function registerKmsRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  // Fixed paths before `/kms/:kms_id...`, so "phala" and "on-chain" are never taken for ids.
  registerNextAppIdRoutes(api, requireApiKey);
  registerOnChainRoutes(api, requireApiKey);
  registerKmsListRoutes(api, requireApiKey);
  registerPubkeyRoutes(api, requireApiKey);
  registerKmsInspectRoutes(api, requireApiKey);
}
