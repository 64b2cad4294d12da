import * as v from "valibot";

import { Int } from "../../wire-helpers";

/** The app-compose manifest sent with a provision request. */
export const ProvisionComposeFileSchema = v.object({
  docker_compose_file: v.string(),
  name: v.optional(v.string()),
  pre_launch_script: v.optional(v.string()),
  /** Env var names the CVM may receive (encrypted at commit). */
  allowed_envs: v.optional(v.array(v.string())),
  features: v.optional(v.array(v.string())),
  kms_enabled: v.optional(v.boolean()),
  gateway_enabled: v.optional(v.boolean()),
  local_key_provider_enabled: v.optional(v.boolean()),
  key_provider: v.optional(v.picklist(["none", "kms", "local", "tpm"])),
  key_provider_id: v.optional(v.string()),
  public_logs: v.optional(v.boolean()),
  public_sysinfo: v.optional(v.boolean()),
  public_tcbinfo: v.optional(v.boolean()),
  no_instance_id: v.optional(v.boolean()),
  secure_time: v.optional(v.boolean()),
  storage_fs: v.optional(v.picklist(["ext4", "zfs"])),
  swap_size: v.optional(v.string()),
  manifest_version: v.optional(Int),
  runner: v.optional(v.string()),
});
export type ProvisionComposeFile = v.InferOutput<typeof ProvisionComposeFileSchema>;

/** The body of `POST /cvms/provision`. */
export const ProvisionCvmRequestSchema = v.object({
  /** 5 to 63 characters: a letter first, then letters, digits and hyphens. */
  name: v.string(),
  compose_file: ProvisionComposeFileSchema,
  /** Defaults to `tdx.small` when neither it nor vcpu/memory is given. */
  instance_type: v.optional(v.string()),
  /** Deprecated by the API in favour of `instance_type`. */
  vcpu: v.optional(Int),
  /** MB; deprecated by the API in favour of `instance_type`. */
  memory: v.optional(Int),
  /** GB. */
  disk_size: v.optional(Int),
  node_id: v.optional(Int),
  /** The node by its teepod id (a different id from `node_id`). */
  teepod_id: v.optional(Int),
  region: v.optional(v.string()),
  /** OS image name, e.g. `dstack-0.5.3`; the newest stable one when omitted. */
  image: v.optional(v.string()),
  kms_id: v.optional(v.string()),
  /** The contract takes lower case; the SDK accepts both. */
  kms: v.optional(v.picklist(["phala", "ethereum", "base", "PHALA", "ETHEREUM", "BASE"])),
  kms_contract: v.optional(v.string()),
  env_keys: v.optional(v.array(v.string())),
  listed: v.optional(v.boolean()),
  /** Phala KMS only: a nonce from `nextAppIds`, with the `app_id` it yields. */
  nonce: v.optional(Int),
  app_id: v.optional(v.string()),
});
export type ProvisionCvmRequest = v.InferOutput<typeof ProvisionCvmRequestSchema>;

/** The body of `POST /cvms` (commit). */
export const CommitCvmProvisionRequestSchema = v.object({
  app_id: v.string(),
  compose_hash: v.string(),
  /** hex(ephemeral X25519 public key || 12-byte IV || AES-256-GCM ciphertext). */
  encrypted_env: v.nullish(v.string()),
  env_keys: v.nullish(v.array(v.string())),
  kms_id: v.optional(v.string()),
  /** On-chain KMS: the app contract and the wallet that deployed it. */
  contract_address: v.optional(v.string()),
  deployer_address: v.optional(v.string()),
});
export type CommitCvmProvisionRequest = v.InferOutput<typeof CommitCvmProvisionRequestSchema>;
