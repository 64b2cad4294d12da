import { provisionCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs, type Fields, inspectArgs } from "../../body-args";
import { CVM_NAME } from "../../cvm-id";
import type { ValidationIssue } from "../../errors";
import { isRecord } from "../../errors";
import { type CvmGpuConfig, GPU_CONFIG_FIELD } from "../internal/gpu-config";
import { type KmsInfoChain, withKmsInfoChain } from "../internal/kms-chain";

/** Which ports the gateway forwards, and whether with the PROXY protocol (`pp`). */
export interface ProvisionPortPolicy {
  ports: { port: number; pp: boolean }[];
  /** Forward only the listed ports. */
  restrict_mode: boolean;
}

/** A host port mapped to a port of the VM (the API's `PortMapping`). */
export interface ProvisionPortMapping {
  /** `tcp` or `udp`. */
  protocol: string;
  host_port: number;
  vm_port: number;
  host_address?: string;
}

/**
 * The app compose of a new CVM (the API's `AppComposeV2`, with the dstack
 * fields the official SDKs send besides). Its hash is the CVM's compose hash.
 */
export interface ProvisionCvmComposeFile {
  /** The app's name in the compose; `provisionCvm` sends the CVM's `name` when omitted. */
  name?: string;
  docker_compose_file?: string;
  pre_launch_script?: string;
  /** Env var names the CVM may receive (encrypted at commit). */
  allowed_envs?: string[];
  features?: string[];
  manifest_version?: number;
  runner?: string;
  kms_enabled?: boolean;
  gateway_enabled?: boolean;
  /** The former name of `gateway_enabled`. */
  tproxy_enabled?: boolean;
  local_key_provider_enabled?: boolean;
  key_provider?: "none" | "kms" | "local" | "tpm";
  key_provider_id?: string;
  public_logs?: boolean;
  public_sysinfo?: boolean;
  public_tcbinfo?: boolean;
  no_instance_id?: boolean;
  secure_time?: boolean;
  storage_fs?: "ext4" | "zfs";
  /** A size such as `"2G"`. */
  swap_size?: string;
  port_policy?: ProvisionPortPolicy;
  bash_script?: string;
  init_script?: string;
  default_gateway_domain?: string;
  salt?: string;
}

/** The KMS kinds the API takes; any case is accepted, lower case is sent. */
export type ProvisionKmsType = "phala" | "ethereum" | "base" | "PHALA" | "ETHEREUM" | "BASE";

/** What `provisionCvm` sends: the API's `ProvisionDstackAppRequestV2`, with the fields the official SDKs add. */
export interface ProvisionCvmArgs {
  /** 5 to 63 characters: a letter first, then letters, digits and hyphens. */
  name: string;
  compose_file: ProvisionCvmComposeFile;
  /** e.g. `tdx.small`; the API picks its default when neither it nor vcpu/memory is given. */
  instance_type?: string;
  /** Deprecated by the API in favour of `instance_type`. */
  vcpu?: number;
  /** MB; deprecated by the API in favour of `instance_type`. */
  memory?: number;
  /** GB. */
  disk_size?: number;
  /** OS image name, e.g. `dstack-0.5.3`; the newest stable one when omitted. */
  image?: string;
  /** Prefer a dev OS image when `image` is not given. */
  prefer_dev?: boolean;
  /** The node to deploy on. */
  node_id?: number;
  /** The node by its teepod id: a different id from `node_id`, not an alias of it. */
  teepod_id?: number;
  region?: string;
  listed?: boolean;
  /** A KMS node (id or slug). */
  kms_id?: string;
  /** The kind of KMS: `phala` (the API's default), or the on-chain `ethereum` / `base`. */
  kms?: ProvisionKmsType;
  /** On-chain KMS: the KMS contract's address. */
  kms_contract?: string;
  /** On-chain KMS: the KMS contract's id. */
  kms_contract_id?: string | number;
  /** Where the app's keys come from: the KMS, or a local key provider. */
  key_provider_mode?: "kms" | "local";
  /** Deploy without the gateway (no public URLs). */
  skip_gateway?: boolean;
  /** Phala KMS only: a nonce from `nextAppIds`, with the `app_id` it yields. */
  nonce?: number;
  app_id?: string;
  env_keys?: string[];
  /** Host ports mapped to VM ports. */
  ports?: ProvisionPortMapping[];
  /** Hex from `encryptEnvVars`, when the app's key is known before the commit. */
  encrypted_env?: string;
  user_config?: string;
  hugepages?: boolean;
  pin_numa?: boolean;
  /** GPUs to attach: `{ gpus: [{ slot, product_id? }], attach_mode }`. */
  gpus?: CvmGpuConfig;
  kms_urls?: string[];
  gateway_urls?: string[];
  experimental_vpc_server_app_id?: string;
}

const NAME = "provisionCvm";

const KMS_TYPES = ["phala", "ethereum", "base"];

const isPort = (value: unknown) =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;

function portPolicyIssues(policy: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(policy.ports)) {
    issues.push({ path: "ports", message: "expected an array of { port, pp }" });
  } else {
    policy.ports.forEach((item, index) => {
      if (!isRecord(item)) {
        issues.push({ path: `ports.${index}`, message: "expected { port, pp }" });
        return;
      }
      if (!isPort(item.port)) {
        issues.push({
          path: `ports.${index}.port`,
          message: "expected an integer from 1 to 65535",
        });
      }
      if (typeof item.pp !== "boolean") {
        issues.push({ path: `ports.${index}.pp`, message: "expected a boolean" });
      }
    });
  }
  if (typeof policy.restrict_mode !== "boolean") {
    issues.push({ path: "restrict_mode", message: "expected a boolean" });
  }
  return issues;
}

function portMappingIssues(ports: unknown[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  ports.forEach((item, index) => {
    if (!isRecord(item)) {
      issues.push({ path: `${index}`, message: "expected { protocol, host_port, vm_port }" });
      return;
    }
    const found = inspectArgs(item, {
      protocol: { kind: "nonEmptyString", required: true },
      host_port: { kind: "int", required: true, min: 1, max: 65535 },
      vm_port: { kind: "int", required: true, min: 1, max: 65535 },
      host_address: "string",
    }).issues;
    for (const issue of found) issues.push({ ...issue, path: `${index}.${issue.path}` });
  });
  return issues;
}

// The compose file's own rules. Keys not listed are sent as given: the app
// compose gains fields faster than this SDK.
const COMPOSE_FILE_FIELDS: Fields = {
  name: "nonEmptyString",
  docker_compose_file: "nonEmptyString",
  pre_launch_script: "string",
  allowed_envs: "stringList",
  features: "stringList",
  manifest_version: "positiveInt",
  runner: "nonEmptyString",
  kms_enabled: "boolean",
  gateway_enabled: "boolean",
  tproxy_enabled: "boolean",
  local_key_provider_enabled: "boolean",
  key_provider: { kind: "enum", values: ["none", "kms", "local", "tpm"] },
  key_provider_id: "string",
  public_logs: "boolean",
  public_sysinfo: "boolean",
  public_tcbinfo: "boolean",
  no_instance_id: "boolean",
  secure_time: "boolean",
  storage_fs: { kind: "enum", values: ["ext4", "zfs"] },
  swap_size: "string",
  port_policy: { kind: "object", refine: portPolicyIssues },
  bash_script: "string",
  init_script: "string",
  default_gateway_domain: "string",
  salt: "string",
};

const PROVISION_FIELDS: Fields = {
  name: {
    kind: "string",
    required: true,
    refine: (name: string) =>
      CVM_NAME.test(name)
        ? undefined
        : "expected 5-63 characters: a letter first, then letters, digits or hyphens, not ending in a hyphen",
  },
  compose_file: {
    kind: "object",
    required: true,
    refine: (compose) => inspectArgs(compose, COMPOSE_FILE_FIELDS, { allowUnknown: true }).issues,
  },
  instance_type: "nonEmptyString",
  vcpu: "positiveInt",
  memory: "positiveInt",
  disk_size: "positiveInt",
  image: "nonEmptyString",
  prefer_dev: "boolean",
  node_id: "positiveInt",
  teepod_id: "positiveInt",
  region: "nonEmptyString",
  listed: "boolean",
  kms_id: "nonEmptyString",
  kms: {
    kind: "string",
    refine: (kms: string) =>
      KMS_TYPES.includes(kms.toLowerCase())
        ? undefined
        : `expected one of ${KMS_TYPES.join(", ")} (any case)`,
  },
  kms_contract: "nonEmptyString",
  kms_contract_id: "stringOrInt",
  key_provider_mode: { kind: "enum", values: ["kms", "local"] },
  skip_gateway: "boolean",
  nonce: "nonNegativeInt",
  app_id: "nonEmptyString",
  env_keys: "stringList",
  ports: { kind: "array", refine: portMappingIssues },
  encrypted_env: "hex",
  user_config: "string",
  hugepages: "boolean",
  pin_numa: "boolean",
  gpus: GPU_CONFIG_FIELD,
  kms_urls: "stringList",
  gateway_urls: "stringList",
  experimental_vpc_server_app_id: "nonEmptyString",
};

/**
 * First phase of creating a CVM: `POST /cvms/provision`. The API checks the
 * request (name, compose file, size, node, KMS, OS image) and reserves an app
 * id; nothing runs yet. Encrypt the env vars with the returned
 * `app_env_encrypt_pubkey` (`encryptEnvVars`), then call `commitCvmProvision`
 * with `app_id` and `compose_hash`.
 *
 * `compose_file.name` is required by the API: when the caller leaves it out,
 * the CVM's `name` is sent in its place (the compose hash covers it). `kms` is
 * taken in any case and sent in the API's lower case (`phala`, `ethereum`, `base`).
 *
 * Unlike `@phala/cloud`, which fills in `instance_type: "tdx.small"` itself,
 * this sends only what the caller gave and lets the API apply its default.
 *
 * `kms_info` has `chain`, the viem-shaped chain of its `chain_id` (not
 * enumerable), as the official SDK's reference reads it for `deployAppAuth`.
 */
export const provisionCvm = /* @__PURE__ */ defineVersionedAction<
  typeof NAME,
  ProvisionCvmArgs,
  false,
  KmsInfoChain
>({
  name: NAME,
  responses: provisionCvmResponseSchemas,
  plan: (args: ProvisionCvmArgs) => {
    const issues: ValidationIssue[] = [];
    const given = (isRecord(args) ? args : {}) as Record<string, unknown>;
    if (given.nonce !== undefined && given.app_id === undefined) {
      issues.push({ path: "app_id", message: "required with nonce: the app id that nonce yields" });
    }
    const body = checkBodyArgs(NAME, args, PROVISION_FIELDS, { issues });
    if (typeof body.kms === "string") body.kms = body.kms.toLowerCase();
    const compose = body.compose_file as Record<string, unknown>;
    if (compose.name === undefined) body.compose_file = { ...compose, name: body.name };
    return { method: "POST", path: "/cvms/provision", body };
  },
  finish: withKmsInfoChain,
});

export const safeProvisionCvm = /* @__PURE__ */ safe(provisionCvm);
