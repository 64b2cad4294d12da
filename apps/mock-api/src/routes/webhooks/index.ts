// The routes of the API's "Webhooks" tag, and the CVM events they deliver.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerWebhookDeliveryRoutes } from "./deliveries";
import { registerWebhookEventSources } from "./events";
import { registerWebhookCrudRoutes } from "./hooks";

/**
 * Register before the CVM routes: the event sources are a middleware around
 * them, and Hono runs handlers in the order they were registered.
 */
export function registerWebhookRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  registerWebhookEventSources(api);
  registerWebhookCrudRoutes(api, requireApiKey);
  registerWebhookDeliveryRoutes(api, requireApiKey);
}

export { webhookDeliveriesSettled, webhookState } from "./store";
