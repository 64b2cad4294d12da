// What a CVM runs: POST /cvms/{cvm_id}/compose_file/provision and PATCH
// /compose_file (provision, then commit), PATCH /envs, /docker-compose and
// /pre-launch-script.
import type { Hono, MiddlewareHandler } from "hono";
import { readJsonObject, readTextField } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { operationAccepted } from "../../internal/respond";
import { bareHash, type CvmChange, composeExtras, composeHashAfter } from "./compose-store";
import { deviceIdOf, isOnChain, isRegistered, kmsInfoOf, type ProofStatuses } from "./registration";
import { cvmOf } from "./shared";
import {
  type Ctx,
  checkBody,
  headerProof,
  requireComposeText,
  runUpdate,
  str,
} from "./update-flow";

/** The compose_file flow documents 400 for a bad proof, not 466/467. */
const COMPOSE_FILE_FLOW: ProofStatuses = { invalidHash: 400, failedTransaction: 400 };

export function registerComposeRoutes(
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
}
