// PATCH /cvms/{cvm_id}, the update of any of a CVM's fields (size and GPUs
// included), and POST /cvms/{cvm_id}/commit-update, the commit of a prepared one.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readCommitRequest, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError, validationError } from "../../internal/errors";
import { operationAccepted } from "../../internal/respond";
import type { MockCvm, MockGpuConfig } from "../../model";
import { type CvmChange, composeExtras } from "./compose-store";
import { checkRegistrationProof, invalidComposeHashError, UPDATE_FLOWS } from "./registration";
import { cvmOf } from "./shared";
import { planResize } from "./sizes";
import { currentCvmStatus } from "./status-machine";
import {
  checkBody,
  commitPending,
  headerProof,
  type Json,
  requireComposeText,
  runUpdate,
  str,
} from "./update-flow";

export function registerUpdateRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
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
