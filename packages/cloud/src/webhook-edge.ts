// `@phala/cloud/webhook` under the workerd, worker and browser conditions: the
// names of ./webhook, from the core build that ./edge (the root entry under
// those conditions) links, so that `WebhookVerificationError` and
// `RequestValidationError` are one class whichever of the two entries a Worker
// imports. Types are ./webhook's (package.json maps `types` there).
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  parseWebhookEvent,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WebhookVerificationError,
} from "@phala/cloud-core/valibot";
