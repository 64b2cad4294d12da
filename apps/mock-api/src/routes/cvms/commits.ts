// GET /cvms/{cvm_id}/commit-update (what a prepared update commits, by its token),
// POST /cvms/{cvm_id}/compose_file (a compose file submitted with its hash, in one
// step) and POST /cvms/{cvm_id}/revisions/{revision_id}/redeploy (a revision's
// compose file put back). The two POSTs change the compose hash: for an on-chain
// KMS the new hash must be registered first (465), as for every update.
import type { Hono, MiddlewareHandler } from "hono";
import { readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError, validationError } from "../../internal/errors";
import { QueryReader } from "../../internal/query";
import { operationAccepted } from "../../internal/respond";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { appRevisions, recordRevision, revisionFor } from "../apps/revisions";
import { bareHash, type CvmChange, composeExtras, composeHashAfter } from "./compose-store";
import { deviceIdOf, isRegistered, kmsInfoOf, type ProofStatuses } from "./registration";
import { cvmOf } from "./shared";
import { assertIdle, beginTransition, currentCvmStatus } from "./status-machine";
import {
  checkBody,
  headerProof,
  type Json,
  requireComposeText,
  runUpdate,
  str,
} from "./update-flow";

/** The compose_file flow documents 400 for a bad proof, not 466/467. */
const COMPOSE_FILE_FLOW: ProofStatuses = { invalidHash: 400, failedTransaction: 400 };
/** The redeploy documents 409 (and no 466/467): a stale hash is a conflict. */
const REDEPLOY_FLOW: ProofStatuses = { invalidHash: 409, failedTransaction: 400 };

function invalidToken(token: string | undefined) {
  return phalaError(409, {
    errorCode: "ERR-01-006",
    message: "Commit token is invalid or expired",
    details: [{ field: "token", value: token ?? null, message: null }],
    suggestions: ["Prepare the update again with X-Prepare-Only: true"],
  });
}

/** The change an app compose (AppComposeV2) makes, checked as pydantic locates it. */
function composeChange(compose: Json): CvmChange {
  const loc = (field: string) => ["body", "compose_file", field];
  if (typeof compose.name !== "string") {
    throw validationError([
      compose.name === undefined
        ? { type: "missing", loc: loc("name"), msg: "Field required", input: compose }
        : {
            type: "string_type",
            loc: loc("name"),
            msg: "Input should be a valid string",
            input: compose.name,
          },
    ]);
  }
  const text = compose.docker_compose_file;
  if (text !== undefined && text !== null && typeof text !== "string") {
    throw validationError([
      {
        type: "string_type",
        loc: loc("docker_compose_file"),
        msg: "Input should be a valid string",
        input: text,
      },
    ]);
  }
  if (typeof text === "string") requireComposeText(text, "compose_file.docker_compose_file");
  const flag = (value: unknown) => (typeof value === "boolean" ? value : undefined);
  return {
    dockerComposeFile: typeof text === "string" ? text : undefined,
    preLaunchScript: str(compose.pre_launch_script) ?? "",
    allowedEnvs: Array.isArray(compose.allowed_envs)
      ? compose.allowed_envs.filter((item): item is string => typeof item === "string")
      : [],
    publicLogs: flag(compose.public_logs),
    publicSysinfo: flag(compose.public_sysinfo),
    publicTcbinfo: flag(compose.public_tcbinfo),
  };
}

export function registerCommitRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/cvms/:cvm_id/commit-update", requireApiKey, (c) => {
    const { state } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const token = query.string("token");
    if (token === undefined) query.fail("token", "missing", "Field required", null);
    query.assertValid();
    const cvm = cvmOf(c);
    const pending = composeExtras(state, cvm).pending;
    if (!pending || pending.commitToken === null || pending.commitToken !== token) {
      throw invalidToken(token);
    }
    const registered = isRegistered(state, cvm, pending.composeHash);
    // The reference leaves the body open: what the 465 of the prepare-only update
    // said, for whoever holds the token (a multisig) to check before committing.
    const body: WireBody<"getCvmCommitUpdateInfo", RenderVersion> = {
      cvm_id: cvm.id,
      app_id: `0x${cvm.appId}`,
      compose_hash: pending.composeHash,
      device_id: deviceIdOf(state, cvm),
      kms_info: kmsInfoOf(state, cvm),
      onchain_status: {
        compose_hash_allowed: registered,
        device_id_allowed: true,
        is_allowed: registered,
      },
    };
    return c.json(body);
  });

  api.post("/cvms/:cvm_id/compose_file", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const cvm = cvmOf(c);
    const body = await readJsonObject(c.req, "json_invalid");
    checkBody(body, {
      compose_file: { kind: "object", required: true },
      compose_hash: { kind: "string", required: true },
      encrypted_env: { kind: "string" },
      env_keys: { kind: "stringList" },
    });
    const change = composeChange(body.compose_file as Json);
    if (body.env_keys) change.allowedEnvs = body.env_keys as string[];
    const hash = composeHashAfter(state, cvm, change);
    if (bareHash(body.compose_hash as string) !== hash) {
      throw phalaError(400, {
        errorCode: "ERR-01-006",
        message: "Compose hash is invalid: it is not the hash of the submitted compose file",
        details: [
          { field: "compose_hash", value: body.compose_hash, message: null },
          { field: "expected_compose_hash", value: hash, message: null },
        ],
        suggestions: ["Take the hash from POST /cvms/{cvm_id}/compose_file/provision"],
      });
    }
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
    return c.json(operationAccepted(operation, "Compose update in progress"), 202);
  });

  api.post("/cvms/:cvm_id/revisions/:revision_id/redeploy", requireApiKey, (c) => {
    const { state, now } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const transactionHash = query.string("transaction_hash");
    query.assertValid();
    const cvm = cvmOf(c);
    const revisionId = c.req.param("revision_id");
    const revision = appRevisions(state, cvm.appId).find(
      (candidate) => candidate.revisionId === revisionId,
    );
    if (!revision) {
      throw phalaError(404, {
        message: "Revision not found",
        details: [{ field: "revision_id", value: revisionId, message: null }],
        suggestions: ["List the app's revisions with GET /apps/{app_id}/revisions"],
      });
    }
    assertIdle(state, cvm);
    const change: CvmChange = { dockerComposeFile: revision.composeFile };
    const hash = composeHashAfter(state, cvm, change);
    const applied = runUpdate(
      c,
      cvm,
      change,
      { composeHash: transactionHash ? hash : undefined, transactionHash },
      { statuses: REDEPLOY_FLOW },
    );
    // A running CVM restarts with it; a stopped one takes it at its next start.
    const operation =
      currentCvmStatus(state, cvm) === "running"
        ? beginTransition(state, cvm, "redeploy", "restarting", "running", now)
        : applied;
    recordRevision(state, revisionFor(cvm, "redeploy", now.toISOString()));
    return c.json(operationAccepted(operation, "Redeploy in progress"), 202);
  });
}
