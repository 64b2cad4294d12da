import * as v from "valibot";
import { nullish } from "../common";

/** zod's `.int()`: a safe integer. */
const Int = v.pipe(v.number(), v.safeInteger());

/** One KMS node: the Phala KMS (no chain) or an on-chain KMS with its contract. */
export const KmsInfoSchema = v.object({
  id: v.string(),
  slug: nullish(v.string()),
  url: v.string(),
  version: v.string(),
  chain_id: nullish(Int),
  kms_contract_address: nullish(v.string()),
  gateway_app_id: nullish(v.string()),
});
export type KmsInfo = v.InferOutput<typeof KmsInfoSchema>;

/** `GET /kms`: one page of KMS nodes. */
export const GetKmsListResponseSchema = v.object({
  items: v.array(KmsInfoSchema),
  total: Int,
  page: Int,
  page_size: Int,
  pages: Int,
});
export type GetKmsListResponse = v.InferOutput<typeof GetKmsListResponseSchema>;

/**
 * `GET /kms/{kms}/pubkey/{app_id}`: the X25519 public key (hex) that env vars of
 * the app are encrypted to, and the KMS's signature over it.
 */
export const GetAppEnvEncryptPubKeySchema = v.object({
  public_key: v.string(),
  signature: v.string(),
});
export type GetAppEnvEncryptPubKey = v.InferOutput<typeof GetAppEnvEncryptPubKeySchema>;

export const NextAppIdSchema = v.object({
  /** 40 hex characters, no prefix. */
  app_id: v.string(),
  /** The deployer nonce the app id is derived from. */
  nonce: v.pipe(Int, v.minValue(0)),
});
export type NextAppId = v.InferOutput<typeof NextAppIdSchema>;

/** `GET /kms/phala/next_app_id`: app ids the Phala KMS will hand out next, in order. */
export const NextAppIdsSchema = v.object({
  app_ids: v.array(NextAppIdSchema),
});
export type NextAppIds = v.InferOutput<typeof NextAppIdsSchema>;

export const OnChainDeviceSchema = v.object({
  device_id: v.string(),
  node_name: nullish(v.string()),
  /** Null when the chain could not be read. */
  on_chain_allowed: nullish(v.boolean()),
});
export type OnChainDevice = v.InferOutput<typeof OnChainDeviceSchema>;

export const OnChainOsImageSchema = v.object({
  name: v.string(),
  version: v.string(),
  os_image_hash: nullish(v.string()),
  on_chain_allowed: nullish(v.boolean()),
});
export type OnChainOsImage = v.InferOutput<typeof OnChainOsImageSchema>;

export const OnChainKmsContractSchema = v.object({
  contract_address: v.string(),
  chain_id: Int,
  chain_name: v.string(),
  devices: v.optional(v.array(OnChainDeviceSchema), []),
  os_images: v.optional(v.array(OnChainOsImageSchema), []),
});
export type OnChainKmsContract = v.InferOutput<typeof OnChainKmsContractSchema>;

/** `GET /kms/on-chain/{chain}`: the KMS contracts of one chain, with what each allows. */
export const GetKmsOnChainDetailResponseSchema = v.object({
  chain_name: v.string(),
  chain_id: Int,
  contracts: v.optional(v.array(OnChainKmsContractSchema), []),
});
export type GetKmsOnChainDetailResponse = v.InferOutput<typeof GetKmsOnChainDetailResponseSchema>;
