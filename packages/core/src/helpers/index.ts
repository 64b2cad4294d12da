export { type ComposeHashOptions, getComposeHash, toCanonicalJson } from "./compose-hash";
export { decryptEnvVars, type EnvVar, encryptEnvVars } from "./encrypt-env-vars";
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  type ParseWebhookEventParams,
  parseWebhookEvent,
  type VerifyWebhookSignatureParams,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookEvent,
  type WebhookHeaders,
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from "./webhook";
