import * as v from "valibot";
import { CvmNetworkUrlsSchema, nullish, openEnum } from "../common";

// Read endpoints under /cvms/{id}/... answer the same shape in every API version.
// Live data (sysinfo, containers, network, attestation) comes from the VM's guest
// agent: when the VM is not reachable the API still answers 200, with
// `is_online: false`, an `error` and the live fields null.

// zod's `z.number()` rejects Infinity; valibot's `v.number()` only rejects NaN.
const FiniteNumber = v.pipe(v.number(), v.finite());

/** `GET /cvms/{id}/state`: the VM's current state, one snapshot (the SSE form streams it). */
export const CvmCurrentStateSchema = v.object({
  id: nullish(v.string()),
  instance_id: nullish(v.string()),
  name: v.string(),
  status: openEnum(["running", "stopped", "starting", "stopping", "restarting", "exited"]),
  uptime: nullish(v.string()),
  exited_at: nullish(v.string()),
  boot_progress: nullish(v.string()),
  boot_error: nullish(v.string()),
  shutdown_progress: nullish(v.string()),
});
export type CvmCurrentState = v.InferOutput<typeof CvmCurrentStateSchema>;

export const CvmDiskInfoSchema = v.object({
  name: v.string(),
  mount_point: v.string(),
  total_size: FiniteNumber,
  free_size: FiniteNumber,
});
export type CvmDiskInfo = v.InferOutput<typeof CvmDiskInfoSchema>;

/** Guest OS figures; memory and disk sizes in bytes, uptime in seconds. */
export const CvmSysinfoSchema = v.object({
  os_name: v.string(),
  os_version: v.string(),
  kernel_version: v.string(),
  cpu_model: v.string(),
  num_cpus: FiniteNumber,
  total_memory: FiniteNumber,
  available_memory: FiniteNumber,
  used_memory: FiniteNumber,
  free_memory: FiniteNumber,
  total_swap: FiniteNumber,
  used_swap: FiniteNumber,
  free_swap: FiniteNumber,
  uptime: FiniteNumber,
  loadavg_one: FiniteNumber,
  loadavg_five: FiniteNumber,
  loadavg_fifteen: FiniteNumber,
  disks: v.array(CvmDiskInfoSchema),
});
export type CvmSysinfo = v.InferOutput<typeof CvmSysinfoSchema>;

/** `GET /cvms/{id}/stats`. */
export const CvmSystemInfoSchema = v.object({
  is_online: v.boolean(),
  is_public: nullish(v.boolean()),
  error: nullish(v.string()),
  sysinfo: nullish(CvmSysinfoSchema),
  status: nullish(v.string()),
  in_progress: nullish(v.boolean()),
  boot_progress: nullish(v.string()),
  boot_error: nullish(v.string()),
});
export type CvmSystemInfo = v.InferOutput<typeof CvmSystemInfoSchema>;

/** `GET /cvms/{id}/network`. */
export const CvmNetworkSchema = v.object({
  is_online: v.boolean(),
  is_public: nullish(v.boolean()),
  error: nullish(v.string()),
  internal_ip: nullish(v.string()),
  latest_handshake: nullish(v.string()),
  public_urls: nullish(v.array(CvmNetworkUrlsSchema)),
});
export type CvmNetwork = v.InferOutput<typeof CvmNetworkSchema>;

export const CvmContainerInfoSchema = v.object({
  id: v.string(),
  names: v.array(v.string()),
  image: v.string(),
  image_id: v.string(),
  command: nullish(v.string()),
  /** Unix seconds. */
  created: FiniteNumber,
  state: v.string(),
  status: v.string(),
  log_endpoint: nullish(v.string()),
});
export type CvmContainerInfo = v.InferOutput<typeof CvmContainerInfoSchema>;

/** `GET /cvms/{id}/composition`: the compose file and the containers it runs. */
export const CvmContainersStatsSchema = v.object({
  is_online: v.boolean(),
  is_public: nullish(v.boolean()),
  error: nullish(v.string()),
  docker_compose_file: nullish(v.string()),
  // The API has sent this as a number and as a numeric string.
  manifest_version: nullish(v.union([FiniteNumber, v.string()])),
  version: nullish(v.string()),
  runner: nullish(v.string()),
  features: nullish(v.array(v.string())),
  containers: nullish(v.array(CvmContainerInfoSchema)),
});
export type CvmContainersStats = v.InferOutput<typeof CvmContainersStatsSchema>;

export const CvmCertificateSubjectSchema = v.object({
  common_name: nullish(v.string()),
  organization: nullish(v.string()),
  country: nullish(v.string()),
  state: nullish(v.string()),
  locality: nullish(v.string()),
});
export type CvmCertificateSubject = v.InferOutput<typeof CvmCertificateSubjectSchema>;

export const CvmCertificateIssuerSchema = v.object({
  common_name: nullish(v.string()),
  organization: nullish(v.string()),
  country: nullish(v.string()),
});
export type CvmCertificateIssuer = v.InferOutput<typeof CvmCertificateIssuerSchema>;

export const CvmCertificateSchema = v.object({
  subject: CvmCertificateSubjectSchema,
  issuer: CvmCertificateIssuerSchema,
  serial_number: v.string(),
  not_before: v.string(),
  not_after: v.string(),
  version: v.string(),
  fingerprint: v.string(),
  signature_algorithm: v.string(),
  sans: nullish(v.array(v.string())),
  is_ca: v.boolean(),
  position_in_chain: nullish(FiniteNumber),
  quote: nullish(v.string()),
  app_id: nullish(v.string()),
  cert_usage: nullish(v.string()),
});
export type CvmCertificate = v.InferOutput<typeof CvmCertificateSchema>;

export const CvmEventLogEntrySchema = v.object({
  imr: FiniteNumber,
  event_type: FiniteNumber,
  digest: v.string(),
  event: v.string(),
  event_payload: v.string(),
});
export type CvmEventLogEntry = v.InferOutput<typeof CvmEventLogEntrySchema>;

export const CvmTcbInfoSchema = v.object({
  mrtd: v.string(),
  rootfs_hash: nullish(v.string()),
  rtmr0: v.string(),
  rtmr1: v.string(),
  rtmr2: v.string(),
  rtmr3: v.string(),
  event_log: v.array(CvmEventLogEntrySchema),
  /** The app-compose.json the VM booted with, as text. */
  app_compose: v.string(),
});
export type CvmTcbInfo = v.InferOutput<typeof CvmTcbInfoSchema>;

/** `GET /cvms/{id}/attestation`. */
export const CvmAttestationSchema = v.object({
  name: nullish(v.string()),
  is_online: v.boolean(),
  is_public: nullish(v.boolean()),
  error: nullish(v.string()),
  app_certificates: nullish(v.array(CvmCertificateSchema)),
  tcb_info: nullish(CvmTcbInfoSchema),
  compose_file: nullish(v.string()),
});
export type CvmAttestation = v.InferOutput<typeof CvmAttestationSchema>;

/** `GET /cvms/{id}/user_config`: what the VM is given at boot besides the compose file. */
export const CvmUserConfigSchema = v.object({
  hostname: nullish(v.string()),
  ssh_authorized_keys: nullish(v.array(v.string())),
});
export type CvmUserConfig = v.InferOutput<typeof CvmUserConfigSchema>;

export const CvmPortPolicySchema = v.object({
  ports: v.array(v.object({ port: FiniteNumber, pp: v.boolean() })),
  restrict_mode: v.boolean(),
});
export type CvmPortPolicy = v.InferOutput<typeof CvmPortPolicySchema>;

/**
 * The app compose (app-compose.json) of a CVM: `GET /cvms/{id}/compose_file`, and
 * the body of `POST /cvms/{id}/compose_file/provision`. Its hash is the compose hash.
 */
export const CvmAppComposeSchema = v.object({
  name: nullish(v.string()),
  docker_compose_file: v.string(),
  pre_launch_script: nullish(v.string()),
  allowed_envs: nullish(v.array(v.string())),
  features: nullish(v.array(v.string())),
  manifest_version: nullish(FiniteNumber),
  runner: nullish(v.string()),
  kms_enabled: nullish(v.boolean()),
  gateway_enabled: nullish(v.boolean()),
  tproxy_enabled: nullish(v.boolean()),
  public_logs: nullish(v.boolean()),
  public_sysinfo: nullish(v.boolean()),
  public_tcbinfo: nullish(v.boolean()),
  local_key_provider_enabled: nullish(v.boolean()),
  key_provider_id: nullish(v.string()),
  no_instance_id: nullish(v.boolean()),
  secure_time: nullish(v.boolean()),
  storage_fs: nullish(openEnum(["ext4", "zfs"])),
  port_policy: nullish(CvmPortPolicySchema),
  env_pubkey: nullish(v.string()),
  salt: nullish(v.string()),
});
export type CvmAppCompose = v.InferOutput<typeof CvmAppComposeSchema>;

/** `GET /cvms/{id}/docker-compose.yml` and `GET /cvms/{id}/pre-launch-script`: plain text. */
export const CvmTextFileSchema = v.string();
export type CvmTextFile = v.InferOutput<typeof CvmTextFileSchema>;
