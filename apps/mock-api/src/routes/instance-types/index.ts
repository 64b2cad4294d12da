// The routes of the API's "Instance Types" tag, with the rest of the deployment
// catalogue (nodes with room, OS images) that the reference leaves untagged.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerInstanceTypeListRoutes } from "./instance-types";
import { registerOsImageCatalogueRoutes } from "./os-images";
import { registerTeepodRoutes } from "./teepods";

export function registerInstanceTypeRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  registerTeepodRoutes(api, requireApiKey);
  registerInstanceTypeListRoutes(api, requireApiKey);
  registerOsImageCatalogueRoutes(api, requireApiKey);
}
