// POST /apps/{app_id}/instances: a new CVM of an app, copied from its newest one.
import type { CvmVmV20260522Schema } from "@phala/cloud-schemas";
import type { Hono, MiddlewareHandler } from "hono";
import { readJsonObject } from "../../internal/body";
import {
  deterministicHashid,
  deterministicHex,
  deterministicUuid,
} from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { phalaError, type ValidationIssue, validationError } from "../../internal/errors";
import { appCvms } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import type { Caller, MockApp, MockCvm, MockState } from "../../model";
import type { WireInput } from "../../versions/sdk-types";
import { type CvmChange, composeExtras, composeHashAfter } from "../cvms/compose-store";
import { renderCvmVm } from "../cvms/cvm-record";
import {
  checkRegistrationProof,
  isRegistered,
  markRegistered,
  newCommitToken,
  registrationRequiredError,
} from "../cvms/registration";
import { assertNodeAvailable } from "../cvms/status-machine";
import { assertQuotaAllows } from "../workspaces/limits";
import { contractAllowlist, isOnChain } from "./allowlist";
import { recordRevision, revisionFor } from "./revisions";
import { ownApp } from "./shared";

export interface CreateInstanceBody {
  name?: string;
  teepod_id?: number;
  node_id?: number;
  docker_compose_file?: string;
  pre_launch_script?: string;
  encrypted_env?: string;
  compose_hash?: string;
  token?: string;
  transaction_hash?: string;
}

const STRING_FIELDS = [
  "name",
  "docker_compose_file",
  "pre_launch_script",
  "encrypted_env",
  "compose_hash",
  "token",
  "transaction_hash",
] as const;

/** Reads the body's fields as FastAPI would: each with its declared type. */
export function readCreateInstanceBody(body: Record<string, unknown>): CreateInstanceBody {
  const issues: ValidationIssue[] = [];
  for (const field of STRING_FIELDS) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== "string") {
      issues.push({
        type: "string_type",
        loc: ["body", field],
        msg: "Input should be a valid string",
        input: value,
      });
    }
  }
  for (const field of ["teepod_id", "node_id"] as const) {
    const value = body[field];
    if (value !== undefined && value !== null && !Number.isInteger(value)) {
      issues.push({
        type: "int_type",
        loc: ["body", field],
        msg: "Input should be a valid integer",
        input: value,
      });
    }
  }
  if (issues.length > 0) throw validationError(issues);
  return body as CreateInstanceBody;
}

/**
 * A new CVM of `app`, copied from the app's newest CVM and changed by the
 * request; it starts in `starting`. It must fit the workspace's quotas. On-chain
 * KMS apps with a compose hash their contract does not know yet get the API's 465
 * (the structured form of every update endpoint) until the request brings the
 * transaction that registered it. `baseUrl` is the API root, for the commit URL.
 */
export function createInstance(
  state: MockState,
  caller: Caller,
  app: MockApp,
  body: CreateInstanceBody,
  now: Date,
  baseUrl: string,
): MockCvm {
  const template = appCvms(state, app.appId)[0];
  if (!template) {
    throw phalaError(400, {
      errorCode: "ERR-01-002",
      message: "App has no CVM to copy a compose file from",
      suggestions: ["Deploy the app with a compose file first"],
    });
  }
  const nodeId = body.teepod_id ?? body.node_id ?? template.nodeId;
  if (!state.nodes.has(nodeId)) {
    throw phalaError(404, {
      errorCode: "ERR-01-001",
      message: "Node not found",
      details: [{ field: "node_id", value: nodeId, message: null }],
    });
  }
  assertNodeAvailable(state, nodeId);
  const name = body.name ?? `${app.name}-${appCvms(state, app.appId).length + 1}`;
  const taken = [...state.cvms.values()].some(
    (cvm) => cvm.deletedAt === null && cvm.workspaceId === caller.workspace.id && cvm.name === name,
  );
  if (taken) {
    throw phalaError(409, {
      errorCode: "ERR-01-004",
      message: "A CVM with this name already exists",
      details: [{ field: "name", value: name, message: null }],
    });
  }
  const composeFile = body.docker_compose_file ?? template.composeFile;
  const change: CvmChange = { dockerComposeFile: composeFile };
  if (body.pre_launch_script !== undefined) change.preLaunchScript = body.pre_launch_script;
  // The app compose of the template with the request's changes, hashed for real.
  const composeHash = composeHashAfter(state, template, change);
  assertQuotaAllows(state, caller.workspace, {
    vmSlots: 1,
    vcpu: template.vcpu,
    memoryMb: template.memoryMb,
    diskGb: template.diskGb,
    gpus: template.gpus,
  });
  if (
    isOnChain(state, app) &&
    !contractAllowlist(state, app).hashes.has(composeHash) &&
    !isRegistered(state, app, composeHash)
  ) {
    if (body.token === undefined && body.transaction_hash === undefined) {
      const token = newCommitToken(state, app.appId);
      throw registrationRequiredError(state, { appId: app.appId, nodeId }, composeHash, {
        commit: {
          token,
          url: `https://cloud.phala.network/apps/${app.appId}/instances/commit?token=${token}`,
          apiUrl: `${baseUrl}/apps/${app.appId}/instances`,
        },
        suggestion:
          "Register the compose hash in the app contract (addComposeHash), then repeat the request with token and transaction_hash",
      });
    }
    checkRegistrationProof(composeHash, body.compose_hash ?? composeHash, body.transaction_hash);
    markRegistered(state, app, composeHash);
  }
  const tableId = Math.max(...[...state.cvms.values()].map((cvm) => cvm.tableId)) + 1;
  const label = `instance:${app.appId}:${tableId}`;
  const createdAt = now.toISOString();
  const cvm: MockCvm = {
    ...template,
    tableId,
    id: deterministicHashid("cvm", `cvm:${label}`),
    name,
    vmUuid: deterministicUuid(`vm:${label}`),
    instanceId: null,
    workspaceId: caller.workspace.id,
    creatorId: caller.user.id,
    status: "starting",
    inProgress: true,
    nodeId,
    composeFile,
    composeHash,
    preLaunchScriptHash:
      change.preLaunchScript === undefined
        ? template.preLaunchScriptHash
        : change.preLaunchScript
          ? deterministicHex(`pre-launch:${change.preLaunchScript}`, 64)
          : null,
    createdAt,
    updatedAt: createdAt,
    startedAt: null,
    exitedAt: null,
    deletedAt: null,
    scheduledDeleteAt: null,
  };
  state.cvms.set(cvm.id, cvm);
  const templateExtras = composeExtras(state, template);
  const extras = composeExtras(state, cvm);
  extras.preLaunchScript = change.preLaunchScript ?? templateExtras.preLaunchScript;
  extras.allowedEnvs = [...templateExtras.allowedEnvs];
  extras.encryptedEnv = body.encrypted_env ?? null;
  recordRevision(state, {
    ...revisionFor(cvm, "create", createdAt),
    encryptedEnv: body.encrypted_env ?? "",
    userId: caller.user.id,
  });
  return cvm;
}

/**
 * The VM record `POST /apps/{app_id}/instances` answers with, carrying the
 * hashids of 2026-05-22; the version chain takes them back for older versions.
 */
export function renderInstance(
  state: MockState,
  cvm: MockCvm,
): WireInput<typeof CvmVmV20260522Schema> {
  return renderCvmVm(state, cvm, {
    status: cvm.status,
    vmUuid: cvm.vmUuid.replaceAll("-", ""),
    appUrlPort: cvm.publicPort,
  });
}

export function registerInstanceRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/apps/:app_id/instances", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const app = ownApp(c);
    const body = readCreateInstanceBody(await readJsonObject(c.req, "empty-object"));
    const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/apps\/.*$/, "");
    const cvm = createInstance(state, caller, app, body, now, baseUrl);
    return respond(c, "createAppInstance", renderInstance(state, cvm));
  });
}
