import type { Context, Hono, MiddlewareHandler } from "hono";
import { readJsonObject, readTextField } from "../body";
import type { MockEnv } from "../env";
import { cvmNotFoundError, phalaError, type ValidationIssue, validationError } from "../errors";
import { resolveCvm } from "../lookup";
import type { MockCvm } from "../model";
import {
  applyChange,
  type CvmChange,
  checkRegistrationProof,
  composeExtras,
  composeHashAfter,
  cvmUpdateCommit,
  deviceIdOf,
  isOnChain,
  isRegistered,
  kmsInfoOf,
  markRegistered,
  newCommitToken,
  registrationRequiredError,
} from "../resources/cvm-updates";
import { assertGrowthAllowed } from "../resources/quotas";

type Ctx = Context<MockEnv>;
type Json = Record<string, unknown>;

function cvmOf(c: Ctx): MockCvm {
  const ctx = c.get("render");
  const id = c.req.param("cvm_id") ?? "";
  const cvm = resolveCvm(ctx.state, ctx.caller.workspace.id, id);
  if (!cvm) throw cvmNotFoundError(id);
  return cvm;
}

type Kind = "string" | "boolean" | "int" | "stringList" | "object";

const TYPE_ERRORS: Record<Kind, [type: string, msg: string]> = {
  string: ["string_type", "Input should be a valid string"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  int: ["int_type", "Input should be a valid integer"],
  stringList: ["list_type", "Input should be a valid list of strings"],
  object: ["model_type", "Input should be a valid dictionary"],
};

function matches(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "int":
      return Number.isInteger(value);
    case "stringList":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

/** Pydantic-style checks of body fields: every problem in one 422, `loc: ["body", field]`. */
function checkBody(body: Json, fields: Record<string, { kind: Kind; required?: boolean }>): void {
  const issues: ValidationIssue[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const value = body[name];
    if (value === undefined || value === null) {
      if (field.required) {
        issues.push({ type: "missing", loc: ["body", name], msg: "Field required", input: body });
      }
      continue;
    }
    if (!matches(field.kind, value)) {
      const [type, msg] = TYPE_ERRORS[field.kind];
      issues.push({ type, loc: ["body", name], msg, input: value });
    }
  }
  if (issues.length) throw validationError(issues);
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

function requireComposeText(text: string, field: string): void {
  if (text.trim() === "") {
    throw phalaError(400, {
      errorCode: "ERR-01-002",
      message: `${field} must not be empty`,
      details: [{ field, value: text, message: null }],
    });
  }
}

/**
 * One update that may change the compose hash. Off-chain KMS: applied at once.
 * On-chain KMS: applied only with proof that the new hash was registered
 * (or when it already is); otherwise remembered as pending and answered with 465.
 */
function runUpdate(
  c: Ctx,
  cvm: MockCvm,
  change: CvmChange,
  proof: { composeHash?: string; transactionHash?: string },
  prepareOnly = false,
): string {
  const { state, caller, now } = c.get("render");
  // A change that grows the VM must fit the workspace's quotas.
  assertGrowthAllowed(state, caller.workspace, cvm, change);
  const hash = composeHashAfter(state, cvm, change);
  const hashChanges = hash !== cvm.composeHash;
  if (hashChanges && isOnChain(state, cvm) && !isRegistered(state, cvm, hash)) {
    if (proof.composeHash === undefined && proof.transactionHash === undefined) {
      const commitToken = prepareOnly ? newCommitToken(state, cvm.id) : null;
      composeExtras(state, cvm).pending = { composeHash: hash, change, commitToken };
      const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/cvms\/.*$/, "");
      throw registrationRequiredError(
        state,
        cvm,
        hash,
        commitToken ? cvmUpdateCommit(cvm, commitToken, baseUrl) : undefined,
      );
    }
    checkRegistrationProof(hash, proof.composeHash, proof.transactionHash);
    markRegistered(state, cvm, hash);
  }
  return applyChange(state, cvm, change, now);
}

function headerProof(c: Ctx) {
  return {
    composeHash: c.req.header("X-Compose-Hash"),
    transactionHash: c.req.header("X-Transaction-Hash"),
  };
}

export function registerCvmUpdateRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/:cvm_id/compose_file/provision", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const cvm = cvmOf(c);
    const body = await readJsonObject(c.req, "json_invalid");
    checkBody(body, {
      docker_compose_file: { kind: "string", required: true },
      pre_launch_script: { kind: "string" },
      allowed_envs: { kind: "stringList" },
      public_logs: { kind: "boolean" },
      public_sysinfo: { kind: "boolean" },
      public_tcbinfo: { kind: "boolean" },
      update_env_vars: { kind: "boolean" },
    });
    requireComposeText(body.docker_compose_file as string, "docker_compose_file");
    const change: CvmChange = {
      dockerComposeFile: body.docker_compose_file as string,
      preLaunchScript: str(body.pre_launch_script) ?? "",
      allowedEnvs: (body.allowed_envs as string[] | undefined) ?? [],
      publicLogs: body.public_logs as boolean | undefined,
      publicSysinfo: body.public_sysinfo as boolean | undefined,
      publicTcbinfo: body.public_tcbinfo as boolean | undefined,
    };
    const hash = composeHashAfter(state, cvm, change);
    composeExtras(state, cvm).provisioned.set(hash, change);
    const onChain = isOnChain(state, cvm);
    return c.json({
      app_id: cvm.appId,
      device_id: deviceIdOf(state, cvm),
      compose_hash: hash,
      kms_info: kmsInfoOf(state, cvm),
      compose_hash_registered:
        !onChain || hash === cvm.composeHash || isRegistered(state, cvm, hash),
      compose_unchanged: hash === cvm.composeHash,
    });
  });

  api.patch("/cvms/:cvm_id/compose_file", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const cvm = cvmOf(c);
    const body = await readJsonObject(c.req, "json_invalid");
    checkBody(body, {
      compose_hash: { kind: "string", required: true },
      encrypted_env: { kind: "string" },
      env_keys: { kind: "stringList" },
      update_env_vars: { kind: "boolean" },
    });
    const hash = (body.compose_hash as string).toLowerCase().replace(/^0x/, "");
    const provisioned = composeExtras(state, cvm).provisioned.get(hash);
    if (!provisioned) {
      throw phalaError(400, {
        errorCode: "ERR-01-006",
        message: "Compose hash is invalid or expired: provision the compose file first",
        details: [{ field: "compose_hash", value: body.compose_hash, message: null }],
        suggestions: ["POST /cvms/{cvm_id}/compose_file/provision, then commit its compose_hash"],
      });
    }
    const change: CvmChange = { ...provisioned };
    if (body.env_keys) change.allowedEnvs = body.env_keys as string[];
    if (typeof body.encrypted_env === "string") change.encryptedEnv = body.encrypted_env;
    const proof = headerProof(c);
    runUpdate(c, cvm, change, {
      composeHash: proof.composeHash ?? (proof.transactionHash ? hash : undefined),
      transactionHash: proof.transactionHash,
    });
    composeExtras(state, cvm).provisioned.delete(hash);
    return c.body(null, 202);
  });

  api.patch("/cvms/:cvm_id/envs", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const cvm = cvmOf(c);
    const body = await readJsonObject(c.req, "json_invalid");
    checkBody(body, {
      encrypted_env: { kind: "string", required: true },
      env_keys: { kind: "stringList" },
      compose_hash: { kind: "string" },
      transaction_hash: { kind: "string" },
    });
    const before = [...composeExtras(state, cvm).allowedEnvs];
    const change: CvmChange = { encryptedEnv: body.encrypted_env as string };
    if (body.env_keys) change.allowedEnvs = body.env_keys as string[];
    const operation = runUpdate(c, cvm, change, {
      composeHash: str(body.compose_hash),
      transactionHash: str(body.transaction_hash),
    });
    const after = composeExtras(state, cvm).allowedEnvs;
    return c.json({
      status: "in_progress",
      message: "Environment variables update in progress",
      correlation_id: operation,
      allowed_envs_changed: before.join("\n") !== after.join("\n"),
    });
  });

  const fileUpdate = (field: "docker_compose_file" | "pre_launch_script") =>
    (async (c: Ctx) => {
      const { state } = c.get("render");
      const cvm = cvmOf(c);
      const text = await readTextField(c.req, field);
      const change: CvmChange =
        field === "docker_compose_file" ? { dockerComposeFile: text } : { preLaunchScript: text };
      if (field === "docker_compose_file") requireComposeText(text, field);
      const current =
        field === "docker_compose_file"
          ? cvm.composeFile
          : composeExtras(state, cvm).preLaunchScript;
      if (text === current) {
        return c.json({ status: "no_change", message: "The content is unchanged" });
      }
      const operation = runUpdate(c, cvm, change, headerProof(c));
      return c.json(
        {
          status: "in_progress",
          message: "Update in progress",
          correlation_id: operation,
        },
        202,
      );
    }) satisfies (c: Ctx) => Promise<Response>;

  api.patch("/cvms/:cvm_id/docker-compose", requireApiKey, fileUpdate("docker_compose_file"));
  api.patch("/cvms/:cvm_id/pre-launch-script", requireApiKey, fileUpdate("pre_launch_script"));

  api.post("/cvms/:cvm_id/commit-update", requireApiKey, async (c) => {
    const { state, now } = c.get("render");
    const cvm = cvmOf(c);
    const body = await readJsonObject(c.req, "json_invalid");
    checkBody(body, {
      token: { kind: "string", required: true },
      compose_hash: { kind: "string", required: true },
      transaction_hash: { kind: "string", required: true },
    });
    const pending = composeExtras(state, cvm).pending;
    if (!pending || pending.commitToken === null || pending.commitToken !== body.token) {
      throw phalaError(409, {
        errorCode: "ERR-01-006",
        message: "Commit token is invalid or expired",
        details: [{ field: "token", value: body.token, message: null }],
        suggestions: ["Prepare the update again with X-Prepare-Only: true"],
      });
    }
    checkRegistrationProof(pending.composeHash, str(body.compose_hash), str(body.transaction_hash));
    assertGrowthAllowed(state, c.get("render").caller.workspace, cvm, pending.change);
    markRegistered(state, cvm, pending.composeHash);
    const operation = applyChange(state, cvm, pending.change, now);
    return c.json({ status: "in_progress", correlation_id: operation });
  });

  api.patch("/cvms/:cvm_id", requireApiKey, async (c) => {
    const { state, now } = c.get("render");
    const cvm = cvmOf(c);
    const proof = headerProof(c);
    // The confirmation of a pending on-chain update carries no body, only the proof.
    if (proof.composeHash !== undefined || proof.transactionHash !== undefined) {
      const pending = composeExtras(state, cvm).pending;
      if (!pending) {
        throw phalaError(409, {
          errorCode: "ERR-01-006",
          message: "No update of this CVM is waiting for on-chain registration",
          details: [{ field: "compose_hash", value: proof.composeHash ?? null, message: null }],
        });
      }
      checkRegistrationProof(pending.composeHash, proof.composeHash, proof.transactionHash);
      assertGrowthAllowed(state, c.get("render").caller.workspace, cvm, pending.change);
      markRegistered(state, cvm, pending.composeHash);
      return c.json({ correlation_id: applyChange(state, cvm, pending.change, now) }, 202);
    }
    const body = await readJsonObject(c.req, "json_invalid");
    checkBody(body, {
      docker_compose_file: { kind: "string" },
      pre_launch_script: { kind: "string" },
      allowed_envs: { kind: "stringList" },
      public_logs: { kind: "boolean" },
      public_sysinfo: { kind: "boolean" },
      public_tcbinfo: { kind: "boolean" },
      encrypted_env: { kind: "string" },
      user_config: { kind: "string" },
      gpus: { kind: "object" },
      vcpu: { kind: "int" },
      memory: { kind: "int" },
      disk_size: { kind: "int" },
      image: { kind: "string" },
      shutdown_timeout: { kind: "int" },
      allow_force_stop: { kind: "boolean" },
    });
    const gpus = body.gpus as { count?: unknown } | undefined;
    const change: CvmChange = {
      dockerComposeFile: str(body.docker_compose_file),
      preLaunchScript: str(body.pre_launch_script),
      allowedEnvs: body.allowed_envs as string[] | undefined,
      publicLogs: body.public_logs as boolean | undefined,
      publicSysinfo: body.public_sysinfo as boolean | undefined,
      publicTcbinfo: body.public_tcbinfo as boolean | undefined,
      encryptedEnv: str(body.encrypted_env),
      userConfig: str(body.user_config),
      vcpu: body.vcpu as number | undefined,
      memoryMb: body.memory as number | undefined,
      diskGb: body.disk_size as number | undefined,
      gpus: typeof gpus?.count === "number" ? gpus.count : undefined,
      image: str(body.image),
    };
    if (change.dockerComposeFile !== undefined) {
      requireComposeText(change.dockerComposeFile, "docker_compose_file");
    }
    const prepareOnly = (c.req.header("X-Prepare-Only") ?? "").toLowerCase() === "true";
    const operation = runUpdate(c, cvm, change, {}, prepareOnly);
    return c.json({ correlation_id: operation }, 202);
  });
}
