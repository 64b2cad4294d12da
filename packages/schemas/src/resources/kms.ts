import * as z from "zod";
import { nullish } from "../common";

/** One KMS node: the Phala KMS (no chain) or an on-chain KMS with its contract. */
export const KmsInfoSchema = z.object({
  id: z.string(),
  slug: nullish(z.string()),
  url: z.string(),
  version: z.string(),
  chain_id: nullish(z.number().int()),
  kms_contract_address: nullish(z.string()),
  gateway_app_id: nullish(z.string()),
});
export type KmsInfo = z.infer<typeof KmsInfoSchema>;

/** `GET /kms`: one page of KMS nodes. */
export const GetKmsListResponseSchema = z.object({
  items: z.array(KmsInfoSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  pages: z.number().int(),
});
export type GetKmsListResponse = z.infer<typeof GetKmsListResponseSchema>;

/**
 * `GET /kms/{kms}/pubkey/{app_id}`: the X25519 public key (hex) that env vars of
 * the app are encrypted to, and the KMS's signature over it.
 */
export const GetAppEnvEncryptPubKeySchema = z.object({
  public_key: z.string(),
  signature: z.string(),
});
export type GetAppEnvEncryptPubKey = z.infer<typeof GetAppEnvEncryptPubKeySchema>;

export const NextAppIdSchema = z.object({
  /** 40 hex characters, no prefix. */
  app_id: z.string(),
  /** The deployer nonce the app id is derived from. */
  nonce: z.number().int().min(0),
});
export type NextAppId = z.infer<typeof NextAppIdSchema>;

/** `GET /kms/phala/next_app_id`: app ids the Phala KMS will hand out next, in order. */
export const NextAppIdsSchema = z.object({
  app_ids: z.array(NextAppIdSchema),
});
export type NextAppIds = z.infer<typeof NextAppIdsSchema>;

export const OnChainDeviceSchema = z.object({
  device_id: z.string(),
  node_name: nullish(z.string()),
  /** Null when the chain could not be read. */
  on_chain_allowed: nullish(z.boolean()),
});
export type OnChainDevice = z.infer<typeof OnChainDeviceSchema>;

export const OnChainOsImageSchema = z.object({
  name: z.string(),
  version: z.string(),
  os_image_hash: nullish(z.string()),
  on_chain_allowed: nullish(z.boolean()),
});
export type OnChainOsImage = z.infer<typeof OnChainOsImageSchema>;

export const OnChainKmsContractSchema = z.object({
  contract_address: z.string(),
  chain_id: z.number().int(),
  chain_name: z.string(),
  devices: z.array(OnChainDeviceSchema).default([]),
  os_images: z.array(OnChainOsImageSchema).default([]),
});
export type OnChainKmsContract = z.infer<typeof OnChainKmsContractSchema>;

/** `GET /kms/on-chain/{chain}`: the KMS contracts of one chain, with what each allows. */
export const GetKmsOnChainDetailResponseSchema = z.object({
  chain_name: z.string(),
  chain_id: z.number().int(),
  contracts: z.array(OnChainKmsContractSchema).default([]),
});
export type GetKmsOnChainDetailResponse = z.infer<typeof GetKmsOnChainDetailResponseSchema>;
