import {
  type ProvisionComposeFile,
  type ProvisionCvmRequest,
  ProvisionCvmSchema,
} from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { checkBodyArgs, type Fields, inspectArgs } from "../../body-args";
import type { ValidationIssue } from "../../errors";

/** What `provisionCvm` sends; the same fields as `@phala/cloud`'s request. */
export type ProvisionCvmArgs = ProvisionCvmRequest & {
  compose_file: ProvisionComposeFile;
};

/** The API's CVM name rule: a hostname label of 5 to 63 characters starting with a letter. */
const CVM_NAME = /^[a-zA-Z][a-zA-Z0-9-]{3,61}[a-zA-Z0-9]$/;

// The compose file's own rules. Keys not listed are sent as given: the app
// compose gains fields faster than this SDK.
const COMPOSE_FILE_FIELDS: Fields = {
  docker_compose_file: { kind: "nonEmptyString", required: true },
  name: "string",
  pre_launch_script: "string",
  key_provider_id: "string",
  swap_size: "string",
  runner: "string",
  kms_enabled: "boolean",
  gateway_enabled: "boolean",
  local_key_provider_enabled: "boolean",
  public_logs: "boolean",
  public_sysinfo: "boolean",
  public_tcbinfo: "boolean",
  no_instance_id: "boolean",
  secure_time: "boolean",
  allowed_envs: "stringList",
  features: "stringList",
  key_provider: { kind: "enum", values: ["none", "kms", "local", "tpm"] },
  storage_fs: { kind: "enum", values: ["ext4", "zfs"] },
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
  node_id: "positiveInt",
  teepod_id: "positiveInt",
  region: "nonEmptyString",
  image: "nonEmptyString",
  kms_id: "nonEmptyString",
  kms: { kind: "enum", values: ["PHALA", "ETHEREUM", "BASE"] },
  kms_contract: "nonEmptyString",
  env_keys: "stringList",
  listed: "boolean",
  nonce: "nonNegativeInt",
  app_id: "nonEmptyString",
};

/**
 * First phase of creating a CVM: `POST /cvms/provision`. The API checks the
 * request (name, compose file, size, node, KMS, OS image) and reserves an app
 * id; nothing runs yet. Encrypt the env vars with the returned
 * `app_env_encrypt_pubkey` (`encryptEnvVars`), then call `commitCvmProvision`
 * with `app_id` and `compose_hash`.
 *
 * Unlike `@phala/cloud`, which fills in `instance_type: "tdx.small"` itself,
 * this sends only what the caller gave and lets the API apply its default.
 */
export const provisionCvm = /* @__PURE__ */ defineAction({
  name: "provisionCvm",
  response: ProvisionCvmSchema,
  plan: (args: ProvisionCvmArgs) => {
    const issues: ValidationIssue[] = [];
    const given = (args ?? {}) as { nonce?: unknown; app_id?: unknown };
    if (given.nonce !== undefined && given.app_id === undefined) {
      issues.push({ path: "app_id", message: "required with nonce: the app id that nonce yields" });
    }
    const body = checkBodyArgs("provisionCvm", args, PROVISION_FIELDS, { issues });
    return { method: "POST", path: "/cvms/provision", body };
  },
});

export const safeProvisionCvm = /* @__PURE__ */ safe(provisionCvm);
