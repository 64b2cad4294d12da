import * as z from "zod";
import { CvmNetworkUrlsSchema, nullish, openEnum } from "../common";

// Read endpoints under /cvms/{id}/... answer the same shape in every API version.
// Live data (sysinfo, containers, network, attestation) comes from the VM's guest
// agent: when the VM is not reachable the API still answers 200, with
// `is_online: false`, an `error` and the live fields null.

/** `GET /cvms/{id}/state`: the VM's current state, one snapshot (the SSE form streams it). */
export const CvmCurrentStateSchema = z.object({
  id: nullish(z.string()),
  instance_id: nullish(z.string()),
  name: z.string(),
  status: openEnum(["running", "stopped", "starting", "stopping", "restarting", "exited"]),
  uptime: nullish(z.string()),
  exited_at: nullish(z.string()),
  boot_progress: nullish(z.string()),
  boot_error: nullish(z.string()),
  shutdown_progress: nullish(z.string()),
});
export type CvmCurrentState = z.infer<typeof CvmCurrentStateSchema>;

export const CvmDiskInfoSchema = z.object({
  name: z.string(),
  mount_point: z.string(),
  total_size: z.number(),
  free_size: z.number(),
});
export type CvmDiskInfo = z.infer<typeof CvmDiskInfoSchema>;

/** Guest OS figures; memory and disk sizes in bytes, uptime in seconds. */
export const CvmSysinfoSchema = z.object({
  os_name: z.string(),
  os_version: z.string(),
  kernel_version: z.string(),
  cpu_model: z.string(),
  num_cpus: z.number(),
  total_memory: z.number(),
  available_memory: z.number(),
  used_memory: z.number(),
  free_memory: z.number(),
  total_swap: z.number(),
  used_swap: z.number(),
  free_swap: z.number(),
  uptime: z.number(),
  loadavg_one: z.number(),
  loadavg_five: z.number(),
  loadavg_fifteen: z.number(),
  disks: z.array(CvmDiskInfoSchema),
});
export type CvmSysinfo = z.infer<typeof CvmSysinfoSchema>;

/** `GET /cvms/{id}/stats`. */
export const CvmSystemInfoSchema = z.object({
  is_online: z.boolean(),
  is_public: nullish(z.boolean()),
  error: nullish(z.string()),
  sysinfo: nullish(CvmSysinfoSchema),
  status: nullish(z.string()),
  in_progress: nullish(z.boolean()),
  boot_progress: nullish(z.string()),
  boot_error: nullish(z.string()),
});
export type CvmSystemInfo = z.infer<typeof CvmSystemInfoSchema>;

/** `GET /cvms/{id}/network`. */
export const CvmNetworkSchema = z.object({
  is_online: z.boolean(),
  is_public: nullish(z.boolean()),
  error: nullish(z.string()),
  internal_ip: nullish(z.string()),
  latest_handshake: nullish(z.string()),
  public_urls: nullish(z.array(CvmNetworkUrlsSchema)),
});
export type CvmNetwork = z.infer<typeof CvmNetworkSchema>;

export const CvmContainerInfoSchema = z.object({
  id: z.string(),
  names: z.array(z.string()),
  image: z.string(),
  image_id: z.string(),
  command: nullish(z.string()),
  /** Unix seconds. */
  created: z.number(),
  state: z.string(),
  status: z.string(),
  log_endpoint: nullish(z.string()),
});
export type CvmContainerInfo = z.infer<typeof CvmContainerInfoSchema>;

/** `GET /cvms/{id}/composition`: the compose file and the containers it runs. */
export const CvmContainersStatsSchema = z.object({
  is_online: z.boolean(),
  is_public: nullish(z.boolean()),
  error: nullish(z.string()),
  docker_compose_file: nullish(z.string()),
  // The API has sent this as a number and as a numeric string.
  manifest_version: nullish(z.union([z.number(), z.string()])),
  version: nullish(z.string()),
  runner: nullish(z.string()),
  features: nullish(z.array(z.string())),
  containers: nullish(z.array(CvmContainerInfoSchema)),
});
export type CvmContainersStats = z.infer<typeof CvmContainersStatsSchema>;

export const CvmCertificateSubjectSchema = z.object({
  common_name: nullish(z.string()),
  organization: nullish(z.string()),
  country: nullish(z.string()),
  state: nullish(z.string()),
  locality: nullish(z.string()),
});
export type CvmCertificateSubject = z.infer<typeof CvmCertificateSubjectSchema>;

export const CvmCertificateIssuerSchema = z.object({
  common_name: nullish(z.string()),
  organization: nullish(z.string()),
  country: nullish(z.string()),
});
export type CvmCertificateIssuer = z.infer<typeof CvmCertificateIssuerSchema>;

export const CvmCertificateSchema = z.object({
  subject: CvmCertificateSubjectSchema,
  issuer: CvmCertificateIssuerSchema,
  serial_number: z.string(),
  not_before: z.string(),
  not_after: z.string(),
  version: z.string(),
  fingerprint: z.string(),
  signature_algorithm: z.string(),
  sans: nullish(z.array(z.string())),
  is_ca: z.boolean(),
  position_in_chain: nullish(z.number()),
  quote: nullish(z.string()),
  app_id: nullish(z.string()),
  cert_usage: nullish(z.string()),
});
export type CvmCertificate = z.infer<typeof CvmCertificateSchema>;

export const CvmEventLogEntrySchema = z.object({
  imr: z.number(),
  event_type: z.number(),
  digest: z.string(),
  event: z.string(),
  event_payload: z.string(),
});
export type CvmEventLogEntry = z.infer<typeof CvmEventLogEntrySchema>;

export const CvmTcbInfoSchema = z.object({
  mrtd: z.string(),
  rootfs_hash: nullish(z.string()),
  rtmr0: z.string(),
  rtmr1: z.string(),
  rtmr2: z.string(),
  rtmr3: z.string(),
  event_log: z.array(CvmEventLogEntrySchema),
  /** The app-compose.json the VM booted with, as text. */
  app_compose: z.string(),
});
export type CvmTcbInfo = z.infer<typeof CvmTcbInfoSchema>;

/** `GET /cvms/{id}/attestation`. */
export const CvmAttestationSchema = z.object({
  name: nullish(z.string()),
  is_online: z.boolean(),
  is_public: nullish(z.boolean()),
  error: nullish(z.string()),
  app_certificates: nullish(z.array(CvmCertificateSchema)),
  tcb_info: nullish(CvmTcbInfoSchema),
  compose_file: nullish(z.string()),
});
export type CvmAttestation = z.infer<typeof CvmAttestationSchema>;

/** `GET /cvms/{id}/user_config`: what the VM is given at boot besides the compose file. */
export const CvmUserConfigSchema = z.object({
  hostname: nullish(z.string()),
  ssh_authorized_keys: nullish(z.array(z.string())),
});
export type CvmUserConfig = z.infer<typeof CvmUserConfigSchema>;

export const CvmPortPolicySchema = z.object({
  ports: z.array(z.object({ port: z.number(), pp: z.boolean() })),
  restrict_mode: z.boolean(),
});
export type CvmPortPolicy = z.infer<typeof CvmPortPolicySchema>;

/**
 * The app compose (app-compose.json) of a CVM: `GET /cvms/{id}/compose_file`, and
 * the body of `POST /cvms/{id}/compose_file/provision`. Its hash is the compose hash.
 */
export const CvmAppComposeSchema = z.object({
  name: nullish(z.string()),
  docker_compose_file: z.string(),
  pre_launch_script: nullish(z.string()),
  allowed_envs: nullish(z.array(z.string())),
  features: nullish(z.array(z.string())),
  manifest_version: nullish(z.number()),
  runner: nullish(z.string()),
  kms_enabled: nullish(z.boolean()),
  gateway_enabled: nullish(z.boolean()),
  tproxy_enabled: nullish(z.boolean()),
  public_logs: nullish(z.boolean()),
  public_sysinfo: nullish(z.boolean()),
  public_tcbinfo: nullish(z.boolean()),
  local_key_provider_enabled: nullish(z.boolean()),
  key_provider_id: nullish(z.string()),
  no_instance_id: nullish(z.boolean()),
  secure_time: nullish(z.boolean()),
  storage_fs: nullish(openEnum(["ext4", "zfs"])),
  port_policy: nullish(CvmPortPolicySchema),
  env_pubkey: nullish(z.string()),
  salt: nullish(z.string()),
});
export type CvmAppCompose = z.infer<typeof CvmAppComposeSchema>;

/** `GET /cvms/{id}/docker-compose.yml` and `GET /cvms/{id}/pre-launch-script`: plain text. */
export const CvmTextFileSchema = z.string();
export type CvmTextFile = z.infer<typeof CvmTextFileSchema>;
