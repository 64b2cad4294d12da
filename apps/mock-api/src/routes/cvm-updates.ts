import type { Context, Hono, MiddlewareHandler } from "hono";
import { BodyReader, readCommitRequest, readJsonObject, readTextField } from "../body";
import type { MockEnv } from "../env";
import { cvmNotFoundError, phalaError, type ValidationIssue, validationError } from "../errors";
import { resolveCvm } from "../lookup";
import type { MockCvm, MockGpuConfig } from "../model";
import { assertNodeAvailable, currentCvmStatus, planResize } from "../resources/cvm-lifecycle";
import {
  applyChange,
  assertHashAllowed,
  bareHash,
  type CvmChange,
  checkRegistrationProof,
  composeExtras,
  composeHashAfter,
  cvmUpdateCommit,
  deviceIdOf,
  invalidComposeHashError,
  isOnChain,
  isRegistered,
  kmsInfoOf,
  markRegistered,
  newCommitToken,
  type PendingUpdate,
  type ProofStatuses,
  registrationRequiredError,
  UPDATE_FLOWS,
} from "../resources/cvm-updates";
import { assertGrowthAllowed } from "../resources/quotas";
import { operationAccepted } from "./respond";

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

/** The compose_file flow documents 400 for a bad proof, not 466/467. */
const COMPOSE_FILE_FLOW: ProofStatuses = { invalidHash: 400, failedTransaction: 400 };

/**
 * One update that may change the compose hash. Off-chain KMS: applied at once.
 * On-chain KMS: applied only with proof that the new hash was registered
 * (or when it already is); otherwise remembered as pending and answered with 465.
 * A hash the app's contract refuses is a 468.
 */
function runUpdate(
  c: Ctx,
  cvm: MockCvm,
  change: CvmChange,
  proof: { composeHash?: string; transactionHash?: string },
  options: { prepareOnly?: boolean; statuses?: ProofStatuses } = {},
): string {
  const { state, caller, now } = c.get("render");
  const statuses = options.statuses ?? UPDATE_FLOWS;
  assertNodeAvailable(state, cvm.nodeId);
  // A change that grows the VM must fit the workspace's quotas.
  assertGrowthAllowed(state, caller.workspace, cvm, change);
  const hash = composeHashAfter(state, cvm, change);
  const hashChanges = hash !== cvm.composeHash;
  if (hashChanges && isOnChain(state, cvm)) assertHashAllowed(state, cvm, hash);
  if (hashChanges && isOnChain(state, cvm) && !isRegistered(state, cvm, hash)) {
    if (proof.composeHash === undefined && proof.transactionHash === undefined) {
      const commitToken = options.prepareOnly ? newCommitToken(state, cvm.id) : null;
      composeExtras(state, cvm).pending = { composeHash: hash, change, commitToken };
      const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/cvms\/.*$/, "");
      throw registrationRequiredError(state, cvm, hash, {
        commit: commitToken ? cvmUpdateCommit(cvm, commitToken, baseUrl) : undefined,
      });
    }
    checkRegistrationProof(hash, proof.composeHash, proof.transactionHash, statuses);
    markRegistered(state, cvm, hash);
  }
  return applyChange(state, cvm, change, now);
}

/**
 * Applies a pending update once its registration is proven: the contract must
 * still allow the hash, the node be up and the workspace's quotas fit the change.
 */
function commitPending(c: Ctx, cvm: MockCvm, pending: PendingUpdate): string {
  const { state, caller, now } = c.get("render");
  assertHashAllowed(state, cvm, pending.composeHash);
  assertNodeAvailable(state, cvm.nodeId);
  assertGrowthAllowed(state, caller.workspace, cvm, pending.change);
  markRegistered(state, cvm, pending.composeHash);
  return applyChange(state, cvm, pending.change, now);
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
    const hash = bareHash(body.compose_hash as string);
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
    const operation = runUpdate(
      c,
      cvm,
      change,
      {
        composeHash: proof.composeHash ?? (proof.transactionHash ? hash : undefined),
        transactionHash: proof.transactionHash,
      },
      { statuses: COMPOSE_FILE_FLOW },
    );
    composeExtras(state, cvm).provisioned.delete(hash);
    return c.json(operationAccepted(operation, "Compose update in progress"), 202);
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
    return c.json(
      {
        status: "in_progress",
        message: "Environment variables update in progress",
        correlation_id: operation,
        allowed_envs_changed: before.join("\n") !== after.join("\n"),
      },
      202,
    );
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
        return c.json(
          { status: "no_change", message: "The content is unchanged", correlation_id: null },
          202,
        );
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
    const { state } = c.get("render");
    const cvm = cvmOf(c);
    const body = await readCommitRequest(c.req, c.req.query("token"));
    const pending = composeExtras(state, cvm).pending;
    if (!pending || pending.commitToken === null || pending.commitToken !== body.token) {
      throw phalaError(409, {
        errorCode: "ERR-01-006",
        message: "Commit token is invalid or expired",
        details: [{ field: "token", value: body.token, message: null }],
        suggestions: ["Prepare the update again with X-Prepare-Only: true"],
      });
    }
    checkRegistrationProof(
      pending.composeHash,
      body.compose_hash || pending.composeHash,
      body.transaction_hash || undefined,
    );
    const operation = commitPending(c, cvm, pending);
    return c.json({ status: "in_progress", correlation_id: operation }, 202);
  });

  api.patch("/cvms/:cvm_id", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const cvm = cvmOf(c);
    const proof = headerProof(c);
    // The confirmation of a pending on-chain update carries no body, only the proof.
    if (proof.composeHash !== undefined || proof.transactionHash !== undefined) {
      const pending = composeExtras(state, cvm).pending;
      if (!pending) {
        throw invalidComposeHashError(
          UPDATE_FLOWS,
          "Compose hash is invalid or expired: no update of this CVM is waiting for on-chain registration",
          [{ field: "compose_hash", value: proof.composeHash ?? null, message: null }],
          "Repeat the update without hashes to get the current compose hash",
        );
      }
      checkRegistrationProof(
        pending.composeHash,
        proof.composeHash,
        proof.transactionHash,
        UPDATE_FLOWS,
      );
      return c.json(operationAccepted(commitPending(c, cvm, pending), "Update in progress"), 202);
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
      instance_type: { kind: "string" },
      image: { kind: "string" },
      shutdown_timeout: { kind: "int" },
      allow_force_stop: { kind: "boolean" },
    });
    const gpuConfig = readGpuConfig(body.gpus);
    const allowRestart = readAllowRestart(body.allow_restart);
    readShutdownTimeout(body);
    const resize = planResize(cvm, {
      vcpu: body.vcpu as number | undefined,
      memory: body.memory as number | undefined,
      diskSize: body.disk_size as number | undefined,
      instanceType: str(body.instance_type),
    });
    const resizes = Object.values(resize).some((value) => value !== undefined);
    if (resizes && allowRestart === false && currentCvmStatus(state, cvm) === "running") {
      throw phalaError(400, {
        errorCode: "ERR-02-008",
        message: "Resizing a running CVM restarts it; allow_restart is false",
        details: [{ field: "allow_restart", value: false, message: null }],
        suggestions: ["Set allow_restart to true, or stop the CVM first"],
      });
    }
    const change: CvmChange = {
      dockerComposeFile: str(body.docker_compose_file),
      preLaunchScript: str(body.pre_launch_script),
      allowedEnvs: body.allowed_envs as string[] | undefined,
      publicLogs: body.public_logs as boolean | undefined,
      publicSysinfo: body.public_sysinfo as boolean | undefined,
      publicTcbinfo: body.public_tcbinfo as boolean | undefined,
      encryptedEnv: str(body.encrypted_env),
      userConfig: str(body.user_config),
      instanceType: resize.instanceType,
      hourlyPrice: resize.hourlyPrice,
      vcpu: resize.vcpu,
      memoryMb: resize.memoryMb,
      diskGb: resize.diskGb,
      gpus: gpuConfig ? gpuCount(cvm, gpuConfig) : resize.gpus,
      gpuConfig,
      image: str(body.image),
    };
    if (change.dockerComposeFile !== undefined) {
      requireComposeText(change.dockerComposeFile, "docker_compose_file");
    }
    const prepareOnly = (c.req.header("X-Prepare-Only") ?? "").toLowerCase() === "true";
    const operation = runUpdate(c, cvm, change, {}, { prepareOnly });
    return c.json(operationAccepted(operation, "Update in progress"), 202);
  });
}

function fail(field: string, type: string, msg: string, input: unknown): never {
  throw validationError([{ type, loc: ["body", ...field.split(".")], msg, input }]);
}

/** `gpus` as `GpuConfig`: `{ gpus: [{ slot, product_id? }], attach_mode: "listed" | "all" }`. */
function readGpuConfig(value: unknown): MockGpuConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const config = value as Record<string, unknown>;
  if (!Array.isArray(config.gpus)) {
    if (config.gpus === undefined) fail("gpus.gpus", "missing", "Field required", config);
    fail("gpus.gpus", "list_type", "Input should be a valid list", config.gpus);
  }
  const slots = config.gpus.map((gpu: unknown, index: number) => {
    const spec = gpu as Record<string, unknown>;
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
      fail(`gpus.gpus.${index}`, "model_type", "Input should be a valid dictionary", gpu);
    }
    if (typeof spec.slot !== "string") {
      if (spec.slot === undefined)
        fail(`gpus.gpus.${index}.slot`, "missing", "Field required", spec);
      fail(`gpus.gpus.${index}.slot`, "string_type", "Input should be a valid string", spec.slot);
    }
    const productId = spec.product_id ?? null;
    if (productId !== null && typeof productId !== "string") {
      fail(
        `gpus.gpus.${index}.product_id`,
        "string_type",
        "Input should be a valid string",
        productId,
      );
    }
    return { slot: spec.slot, productId: productId as string | null };
  });
  const mode = config.attach_mode ?? "listed";
  if (typeof mode !== "string") {
    fail("gpus.attach_mode", "string_type", "Input should be a valid string", mode);
  }
  return { slots, attachMode: mode === "all" ? "all" : "listed" };
}

/** GPUs attached: the listed slots, or with `all` at least the ones the VM had. */
function gpuCount(cvm: MockCvm, config: MockGpuConfig): number {
  return config.attachMode === "all"
    ? Math.max(config.slots.length, cvm.gpus)
    : config.slots.length;
}

/** `allow_restart` as the API reads it: a boolean, or 0 / 1. */
function readAllowRestart(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === 0 || value === 1) return value === 1;
  fail("allow_restart", "bool_parsing", "Input should be a valid boolean", value);
}

/** `shutdown_timeout`, 10 to 1200 seconds when given (its type is checked with the body's). */
function readShutdownTimeout(body: Json): void {
  const reader = new BodyReader(body);
  reader.int("shutdown_timeout", { ge: 10, le: 1200 });
  reader.assertValid();
}
