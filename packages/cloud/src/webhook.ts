// `@phala/cloud/webhook`, the subpath the official SDK's docs import the
// webhook helpers from. The same functions as the root entry's (core's), so
// errors are the same classes whichever import threw them. Both call forms
// work: the documented one (`body`, synchronous, a boolean or the event) and
// the promise one (`payload`, with `dataSchema`). Web Crypto or plain JS only:
// nothing here needs `node:crypto`. Under the workerd, worker and browser
// conditions package.json maps this subpath to ./webhook-edge instead.
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  type ParseWebhookEventParams,
  type ParseWebhookEventSyncParams,
  parseWebhookEvent,
  type VerifyWebhookSignatureParams,
  type VerifyWebhookSignatureSyncParams,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookBody,
  type WebhookEvent,
  type WebhookHeaders,
  type WebhookHeaderValue,
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from "@phala/cloud-core";
