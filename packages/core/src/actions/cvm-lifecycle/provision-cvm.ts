import {
  type ProvisionComposeFile,
  type ProvisionCvmRequest,
  ProvisionCvmSchema,
} from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import type { ValidationIssue } from "../../errors";
import { checkBodyArgs } from "./body-args";

/** What `provisionCvm` sends; the same fields as `@phala/cloud`'s request. */
export type ProvisionCvmArgs = ProvisionCvmRequest & {
  compose_file: ProvisionComposeFile;
};

/** The API's CVM name rule: a hostname label of 5 to 63 characters starting with a letter. */
const CVM_NAME = /^[a-zA-Z][a-zA-Z0-9-]{3,61}[a-zA-Z0-9]$/;
const KMS_TYPES = new Set(["PHALA", "ETHEREUM", "BASE"]);
const KEY_PROVIDERS = new Set(["none", "kms", "local", "tpm"]);
const STORAGE_FS = new Set(["ext4", "zfs"]);
const COMPOSE_BOOLEANS = [
  "kms_enabled",
  "gateway_enabled",
  "local_key_provider_enabled",
  "public_logs",
  "public_sysinfo",
  "public_tcbinfo",
  "no_instance_id",
  "secure_time",
] as const;

function composeFileIssues(compose: unknown): ValidationIssue[] {
  const file = compose as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const at = (key: string, message: string) =>
    issues.push({ path: `compose_file.${key}`, message });
  if (typeof file.docker_compose_file !== "string" || file.docker_compose_file.trim() === "") {
    at("docker_compose_file", "expected the docker compose YAML as a non-empty string");
  }
  for (const key of ["name", "pre_launch_script", "key_provider_id", "swap_size", "runner"]) {
    if (file[key] !== undefined && typeof file[key] !== "string") at(key, "expected a string");
  }
  for (const key of COMPOSE_BOOLEANS) {
    if (file[key] !== undefined && typeof file[key] !== "boolean") at(key, "expected a boolean");
  }
  for (const key of ["allowed_envs", "features"]) {
    const value = file[key];
    if (
      value !== undefined &&
      !(Array.isArray(value) && value.every((item) => typeof item === "string"))
    ) {
      at(key, "expected an array of strings");
    }
  }
  if (file.key_provider !== undefined && !KEY_PROVIDERS.has(file.key_provider as string)) {
    at("key_provider", `expected one of ${[...KEY_PROVIDERS].join(", ")}`);
  }
  if (file.storage_fs !== undefined && !STORAGE_FS.has(file.storage_fs as string)) {
    at("storage_fs", `expected one of ${[...STORAGE_FS].join(", ")}`);
  }
  return issues;
}

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
    const name = (args as { name?: unknown } | null)?.name;
    if (typeof name === "string" && !CVM_NAME.test(name)) {
      issues.push({
        path: "name",
        message:
          "expected 5-63 characters: a letter first, then letters, digits or hyphens, not ending in a hyphen",
      });
    }
    const compose = (args as { compose_file?: unknown } | null)?.compose_file;
    // Its own rules; a non-object is reported by the body check below.
    if (typeof compose === "object" && compose !== null && !Array.isArray(compose)) {
      issues.push(...composeFileIssues(compose));
    }
    const given = (args ?? {}) as { nonce?: unknown; app_id?: unknown };
    if (given.nonce !== undefined && given.app_id === undefined) {
      issues.push({ path: "app_id", message: "required with nonce: the app id that nonce yields" });
    }
    const kms = (args as { kms?: unknown } | null)?.kms;
    if (kms !== undefined && !KMS_TYPES.has(kms as string)) {
      issues.push({ path: "kms", message: `expected one of ${[...KMS_TYPES].join(", ")}` });
    }
    const body = checkBodyArgs(
      "provisionCvm",
      args,
      {
        checks: {
          name: "string",
          compose_file: "object",
          instance_type: "nonEmptyString",
          vcpu: "positiveInt",
          memory: "positiveInt",
          disk_size: "positiveInt",
          node_id: "positiveInt",
          teepod_id: "positiveInt",
          region: "nonEmptyString",
          image: "nonEmptyString",
          kms_id: "nonEmptyString",
          kms: "string",
          kms_contract: "nonEmptyString",
          env_keys: "stringList",
          listed: "boolean",
          nonce: "nonNegativeInt",
          app_id: "nonEmptyString",
        },
        required: ["name", "compose_file"],
      },
      issues,
    );
    return { method: "POST", path: "/cvms/provision", body };
  },
});

export const safeProvisionCvm = /* @__PURE__ */ safe(provisionCvm);
