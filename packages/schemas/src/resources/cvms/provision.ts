import * as z from "zod";

/** The app-compose manifest sent with a provision request. */
export const ProvisionComposeFileSchema = z.object({
  docker_compose_file: z.string(),
  name: z.string().optional(),
  pre_launch_script: z.string().optional(),
  /** Env var names the CVM may receive (encrypted at commit). */
  allowed_envs: z.array(z.string()).optional(),
  features: z.array(z.string()).optional(),
  kms_enabled: z.boolean().optional(),
  gateway_enabled: z.boolean().optional(),
  local_key_provider_enabled: z.boolean().optional(),
  key_provider: z.enum(["none", "kms", "local", "tpm"]).optional(),
  key_provider_id: z.string().optional(),
  public_logs: z.boolean().optional(),
  public_sysinfo: z.boolean().optional(),
  public_tcbinfo: z.boolean().optional(),
  no_instance_id: z.boolean().optional(),
  secure_time: z.boolean().optional(),
  storage_fs: z.enum(["ext4", "zfs"]).optional(),
  swap_size: z.string().optional(),
  manifest_version: z.number().int().optional(),
  runner: z.string().optional(),
});
export type ProvisionComposeFile = z.infer<typeof ProvisionComposeFileSchema>;

/** The body of `POST /cvms/provision`. */
export const ProvisionCvmRequestSchema = z.object({
  /** 5 to 63 characters: a letter first, then letters, digits and hyphens. */
  name: z.string(),
  compose_file: ProvisionComposeFileSchema,
  /** Defaults to `tdx.small` when neither it nor vcpu/memory is given. */
  instance_type: z.string().optional(),
  /** Deprecated by the API in favour of `instance_type`. */
  vcpu: z.number().int().optional(),
  /** MB; deprecated by the API in favour of `instance_type`. */
  memory: z.number().int().optional(),
  /** GB. */
  disk_size: z.number().int().optional(),
  node_id: z.number().int().optional(),
  /** The node by its teepod id (a different id from `node_id`). */
  teepod_id: z.number().int().optional(),
  region: z.string().optional(),
  /** OS image name, e.g. `dstack-0.5.3`; the newest stable one when omitted. */
  image: z.string().optional(),
  kms_id: z.string().optional(),
  /** The contract takes lower case; the SDK accepts both. */
  kms: z.enum(["phala", "ethereum", "base", "PHALA", "ETHEREUM", "BASE"]).optional(),
  kms_contract: z.string().optional(),
  env_keys: z.array(z.string()).optional(),
  listed: z.boolean().optional(),
  /** Phala KMS only: a nonce from `nextAppIds`, with the `app_id` it yields. */
  nonce: z.number().int().optional(),
  app_id: z.string().optional(),
});
export type ProvisionCvmRequest = z.infer<typeof ProvisionCvmRequestSchema>;

/** The body of `POST /cvms` (commit). */
export const CommitCvmProvisionRequestSchema = z.object({
  app_id: z.string(),
  compose_hash: z.string(),
  /** hex(ephemeral X25519 public key || 12-byte IV || AES-256-GCM ciphertext). */
  encrypted_env: z.string().nullable().optional(),
  env_keys: z.array(z.string()).nullable().optional(),
  kms_id: z.string().optional(),
  /** On-chain KMS: the app contract and the wallet that deployed it. */
  contract_address: z.string().optional(),
  deployer_address: z.string().optional(),
});
export type CommitCvmProvisionRequest = z.infer<typeof CommitCvmProvisionRequestSchema>;
