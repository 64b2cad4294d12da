export { type KmsChain, kmsChain } from "./chains";
export { type ComposeHashOptions, getComposeHash, toCanonicalJson } from "./compose-hash";
export { decryptEnvVars, type EnvVar, encryptEnvVars } from "./encrypt-env-vars";
export { type DotenvIssue, DotenvParseError, parseEnvVars } from "./parse-env-vars";
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
} from "./webhook";
