import type {
  CvmVmV20260522Schema,
  InstanceIdRefreshResultV20260522Schema,
} from "@phala/cloud-schemas";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { BodyReader, readCommitRequest, readJsonObject } from "../body";
import type { MockEnv } from "../env";
import {
  cvmNotFoundError,
  MockApiError,
  phalaError,
  type ValidationIssue,
  validationError,
} from "../errors";
import { normalizeAppId, resolveCvm, workspaceCvms } from "../lookup";
import { getNode, type MockCvm, type MockKms, type MockState } from "../model";
import {
  applyChangeWithRestart,
  applyPowerAction,
  assertNodeAvailable,
  chooseSize,
  commitProvision,
  createProvision,
  createReplica,
  currentCvmOperation,
  currentCvmStatus,
  deleteCvmRecord,
  deviceAllowed,
  findOsImage,
  findProvision,
  OS_IMAGES,
  type PowerAction,
  planResize,
  prepareReplica,
  renderCvmVm,
  restorePreparedReplica,
  takePreparedReplica,
} from "../resources/cvm-lifecycle";
import {
  bareHash,
  checkRegistrationProof,
  isOnChain,
  markDeviceRegistered,
  registrationRequiredError,
} from "../resources/cvm-updates";
import { nextAppIdFor } from "../resources/kms";
import { assertGrowthAllowed, assertQuotaAllows } from "../resources/quotas";
import { formatUptime } from "../versions/change-2026-01-21";
import type { RenderContext } from "../versions/context";
import type { WireInput } from "../versions/sdk-types";
import { operationAccepted, respond } from "./respond";

function cvmOf(c: Context<MockEnv>): MockCvm {
  const { state, caller } = c.get("render");
  const id = c.req.param("cvm_id") ?? "";
  const cvm = resolveCvm(state, caller.workspace.id, id);
  if (!cvm) throw cvmNotFoundError(id);
  return cvm;
}

/**
 * The VM record of start/stop/shutdown/restart/replicas and the commit, with the
 * hashids of 2026-05-22 (`cvm_...`, `usr_...`); the version chain takes them back
 * to the table ids of 2025-10-28 or the placeholder 0 of 2026-01-21.
 */
function renderVm(c: Context<MockEnv>, cvm: MockCvm): WireInput<typeof CvmVmV20260522Schema> {
  const { state } = c.get("render");
  return renderCvmVm(state, cvm, {
    status: currentCvmStatus(state, cvm),
    vmUuid: cvm.vmUuid,
    appUrlPort: 8090,
  });
}

function nodeNotFound(nodeId: number) {
  return phalaError(404, {
    errorCode: "ERR-01-001",
    message: "Node not found",
    details: [{ field: "node_id", value: nodeId, message: null }],
    suggestions: ["List the nodes you can deploy to with GET /teepods/available"],
  });
}

function kmsNotFound(field: string, value: string) {
  return phalaError(404, {
    errorCode: "ERR-02-011",
    message: "KMS not found",
    details: [{ field, value, message: null }],
    suggestions: ["List the KMS instances with GET /kms"],
  });
}

const KMS_KIND: Record<string, MockKms["kind"]> = {
  PHALA: "phala",
  ETHEREUM: "ethereum",
  BASE: "base",
};
const CVM_NAME = /^[a-zA-Z][a-zA-Z0-9-]{3,61}[a-zA-Z0-9]$/;

function chooseKms(
  state: MockState,
  kmsId: string | undefined,
  kmsType: string | undefined,
): MockKms {
  if (kmsId !== undefined) {
    const kms = state.kms.get(kmsId) ?? [...state.kms.values()].find((k) => k.slug === kmsId);
    if (!kms) throw kmsNotFound("kms_id", kmsId);
    return kms;
  }
  const kind = KMS_KIND[kmsType ?? "PHALA"] ?? "phala";
  const kms = [...state.kms.values()].find((k) => k.kind === kind);
  if (!kms) throw kmsNotFound("kms", kmsType ?? "PHALA");
  return kms;
}

function imageNotFound(name: string) {
  return phalaError(404, {
    errorCode: "ERR-02-010",
    message: `OS image '${name}' not found`,
    details: [{ field: "image", value: name, message: null }],
    suggestions: [`Available images: ${OS_IMAGES.map((image) => image.name).join(", ")}`],
  });
}

async function provision(c: Context<MockEnv>) {
  const { state, caller, now } = c.get("render");
  const body = new BodyReader(await readJsonObject(c.req, "missing"));
  const name = body.string("name", true);
  const compose = body.object("compose_file", true);
  const instanceType = body.string("instance_type");
  const vcpu = body.int("vcpu", { ge: 1 });
  const memory = body.int("memory", { ge: 1 });
  const diskSize = body.int("disk_size", { ge: 1 });
  const nodeId = body.int("node_id") ?? body.int("teepod_id");
  const image = body.string("image");
  const kmsId = body.string("kms_id");
  const kmsType = body.string("kms");
  const envKeys = body.strings("env_keys");
  const listed = body.bool("listed");
  const nonce = body.int("nonce", { ge: 0 });
  const appId = body.string("app_id");
  body.string("region");
  if (name !== undefined && !CVM_NAME.test(name)) {
    body.invalid(
      "name",
      "Name must be 5-63 characters, start with letter, and contain only letters/numbers/hyphens",
    );
  }
  if (kmsType !== undefined && !(kmsType in KMS_KIND)) {
    body.invalid("kms", "kms must be one of PHALA, ETHEREUM, BASE");
  }
  if (nonce !== undefined && appId === undefined)
    body.invalid("app_id", "app_id is required with nonce");
  if (appId !== undefined && !/^(0x)?[0-9a-fA-F]{40}$/.test(appId))
    body.invalid("app_id", "app_id must be 40 hex characters");
  const file = compose ? new BodyReader(compose) : undefined;
  const dockerCompose = file?.string("docker_compose_file");
  const composeFlags = {
    preLaunchScript: file?.string("pre_launch_script"),
    allowedEnvs: file?.strings("allowed_envs"),
    features: file?.strings("features"),
    gatewayEnabled: file?.bool("gateway_enabled") ?? file?.bool("tproxy_enabled"),
    publicLogs: file?.bool("public_logs"),
    publicSysinfo: file?.bool("public_sysinfo"),
    publicTcbinfo: file?.bool("public_tcbinfo"),
    secureTime: file?.bool("secure_time"),
    storageFs: file?.string("storage_fs"),
  };
  body.assertValid();
  // Nested problems are reported under compose_file, as pydantic locates them.
  try {
    file?.assertValid();
  } catch (error) {
    const detail = (error as { body: { detail: ValidationIssue[] } }).body.detail;
    throw validationError(
      detail.map((issue) => ({ ...issue, loc: ["body", "compose_file", ...issue.loc.slice(1)] })),
    );
  }
  if (!dockerCompose || dockerCompose.trim() === "") {
    throw phalaError(400, {
      errorCode: "ERR-01-002",
      message: "compose_file.docker_compose_file is required",
      details: [{ field: "compose_file.docker_compose_file", value: null, message: null }],
    });
  }
  const workspace = caller.workspace;
  if (!workspace.isPostPaid && workspace.creditsCents + workspace.grantedCreditsCents <= 0) {
    // 400: the contract documents no 402 for the provision.
    throw phalaError(400, {
      errorCode: "ERR-04-001",
      message: "Insufficient balance to deploy a CVM",
      suggestions: ["Add credits to the workspace"],
    });
  }
  const duplicate = workspaceCvms(state, workspace.id).some((cvm) => cvm.name === name);
  if (duplicate) {
    throw phalaError(409, {
      errorCode: "ERR-01-004",
      message: `A CVM named '${name}' already exists in this workspace`,
      details: [{ field: "name", value: name, message: null }],
      suggestions: ["Choose another name"],
    });
  }
  if (nodeId !== undefined && !state.nodes.has(nodeId)) throw nodeNotFound(nodeId);
  const kms = chooseKms(state, kmsId, kmsType);
  if (nonce !== undefined && kms.kind !== "phala") {
    body.invalid("nonce", "nonce is only supported with the PHALA KMS");
    body.assertValid();
  }
  if (
    nonce !== undefined &&
    appId !== undefined &&
    normalizeAppId(appId) !== nextAppIdFor(workspace.id, nonce)
  ) {
    throw phalaError(400, {
      errorCode: "ERR-02-008",
      message: "app_id does not match the app id of this nonce",
      details: [
        { field: "app_id", value: appId, message: null },
        { field: "nonce", value: nonce, message: null },
      ],
      suggestions: ["Take app_id and nonce from the same GET /kms/phala/next_app_id item"],
    });
  }
  const size = chooseSize(instanceType, vcpu, memory);
  const os = image === undefined ? OS_IMAGES[0] : findOsImage(image);
  if (!os) throw imageNotFound(image as string);
  const node = getNode(state, nodeId ?? [...state.nodes.keys()][0]!);
  assertNodeAvailable(state, node.id);
  const diskGb = diskSize ?? size.diskGb;
  // The size asked for must fit the workspace's quotas now, and again at the commit.
  assertQuotaAllows(state, workspace, {
    vmSlots: 1,
    vcpu: size.vcpu,
    memoryMb: size.memoryMb,
    diskGb,
    gpus: size.gpus,
  });
  const composeName = compose?.name;
  const created = await createProvision(
    state,
    {
      appName:
        typeof composeName === "string" && composeName !== "" ? composeName : (name as string),
      appId: appId === undefined ? undefined : normalizeAppId(appId),
      workspaceId: workspace.id,
      creatorId: caller.user.id,
      name: name as string,
      nodeId: node.id,
      kms,
      size,
      diskGb,
      os,
      composeFile: dockerCompose,
      preLaunchScript: composeFlags.preLaunchScript ?? null,
      allowedEnvs: composeFlags.allowedEnvs ?? [],
      envKeys: envKeys ?? [],
      listed: listed ?? false,
      publicLogs: composeFlags.publicLogs ?? true,
      publicSysinfo: composeFlags.publicSysinfo ?? true,
      publicTcbinfo: composeFlags.publicTcbinfo ?? false,
      gatewayEnabled: composeFlags.gatewayEnabled ?? true,
      secureTime: composeFlags.secureTime ?? false,
      storageFs: composeFlags.storageFs ?? "ext4",
      features: composeFlags.features ?? ["kms", "tproxy-net"],
    },
    now,
  );
  return c.json(
    {
      app_id: created.appId,
      app_env_encrypt_pubkey: created.envPublicKeyHex,
      compose_hash: created.composeHash,
      kms_info: {
        id: kms.id,
        slug: kms.slug,
        url: kms.url,
        version: kms.version,
        chain_id: kms.chainId,
        kms_contract_address: kms.contractAddress,
        gateway_app_id: kms.gatewayAppId,
      },
      fmspc: "00806f050000",
      device_id: node.deviceId,
      os_image_hash: os.imageHash,
      instance_type: size.name,
      token: null,
      node_id: node.id,
      teepod_id: node.id,
      kms_id: kms.id,
      kms_contract_id: kms.contractAddress,
      // An on-chain app registers its compose hash in its contract after the provision.
      compose_hash_registered: kms.kind === "phala",
    },
    200,
  );
}

async function commit(c: Context<MockEnv>) {
  const { state, caller, now } = c.get("render");
  const body = new BodyReader(await readJsonObject(c.req, "missing"));
  const rawAppId = body.string("app_id", true);
  const composeHash = body.string("compose_hash", true);
  const encryptedEnv = body.string("encrypted_env");
  const envKeys = body.strings("env_keys");
  const kmsId = body.string("kms_id");
  const contractAddress = body.string("contract_address");
  const deployerAddress = body.string("deployer_address");
  if (rawAppId !== undefined && !/^(0x|app_)?[0-9a-fA-F]{40}$/.test(rawAppId.trim())) {
    body.invalid("app_id", "app_id must be 40 hex characters");
  }
  if (encryptedEnv !== undefined && !/^(0x)?[0-9a-fA-F]*$/.test(encryptedEnv)) {
    body.invalid("encrypted_env", "encrypted_env must be hex");
  }
  body.assertValid();
  const appId = normalizeAppId(rawAppId);
  const found = findProvision(state, composeHash, now, {
    workspaceId: caller.workspace.id,
    appId,
  });
  if (!found) {
    throw phalaError(404, {
      errorCode: "ERR-01-006",
      message: "Provision not found or expired",
      details: [{ field: "compose_hash", value: composeHash, message: null }],
      suggestions: [
        "Provision the CVM again with POST /cvms/provision, then commit within the hour",
      ],
    });
  }
  if (kmsId !== undefined && kmsId !== found.kms.id && kmsId !== found.kms.slug) {
    throw kmsNotFound("kms_id", kmsId);
  }
  const existing = found.committedCvmId ? state.cvms.get(found.committedCvmId) : undefined;
  if (existing && existing.deletedAt === null) {
    if (existing.appId === appId) return respond(c, "commitCvmProvision", renderVm(c, existing));
  }
  const appInUse = [...state.cvms.values()].find(
    (cvm) => cvm.appId === appId && cvm.deletedAt === null && cvm.composeHash !== found.composeHash,
  );
  if ((found.appId !== null && found.appId !== appId) || appInUse) {
    throw phalaError(409, {
      errorCode: "ERR-03-007",
      message: "This app id is already used with another compose hash",
      details: [
        { field: "app_id", value: appId, message: null },
        { field: "compose_hash", value: composeHash, message: null },
      ],
      suggestions: ["Commit with the app id and compose hash of the same provision"],
    });
  }
  if (
    found.kms.kind !== "phala" &&
    (contractAddress === undefined || deployerAddress === undefined)
  ) {
    const missing = contractAddress === undefined ? "contract_address" : "deployer_address";
    throw validationError([
      {
        type: "missing",
        loc: ["body", missing],
        msg: "Field required for an on-chain KMS",
        input: null,
      },
    ]);
  }
  assertQuotaAllows(state, caller.workspace, {
    vmSlots: 1,
    vcpu: found.size.vcpu,
    memoryMb: found.size.memoryMb,
    diskGb: found.diskGb,
    gpus: found.size.gpus,
  });
  assertNodeAvailable(state, found.nodeId);
  const cvm = commitProvision(
    state,
    found,
    {
      appId,
      encryptedEnv: encryptedEnv ?? null,
      envKeys: envKeys ?? null,
      contractAddress: contractAddress ?? null,
      deployerAddress: deployerAddress ?? null,
    },
    now,
  );
  return respond(c, "commitCvmProvision", renderVm(c, cvm));
}

const POWER_ENDPOINTS = {
  start: "startCvm",
  stop: "stopCvm",
  shutdown: "shutdownCvm",
  restart: "restartCvm",
} as const satisfies Record<PowerAction, string>;

function powerRoute(action: PowerAction, takesForce: boolean) {
  return async (c: Context<MockEnv>) => {
    const { state, now } = c.get("render");
    if (takesForce) {
      const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
      body.bool("force");
      body.assertValid();
    }
    const cvm = cvmOf(c);
    applyPowerAction(state, cvm, action, now);
    return respond(c, POWER_ENDPOINTS[action], renderVm(c, cvm));
  };
}

function batchStatus(ctx: RenderContext, cvm: MockCvm) {
  const status = currentCvmStatus(ctx.state, cvm);
  const operation = currentCvmOperation(ctx.state, cvm);
  const uptime = status === "running" ? formatUptime(cvm.startedAt, ctx.now) : null;
  return {
    vm_uuid: cvm.vmUuid,
    status,
    uptime: uptime || null,
    in_progress: operation !== null,
    boot_progress:
      status === "starting" || status === "restarting"
        ? "booting"
        : status === "running"
          ? "done"
          : null,
    boot_error: null,
    shutdown_progress: status === "stopping" ? "shutting down" : null,
    operation: operation && {
      type: operation.type,
      phase: "in_progress",
      started_at: operation.startedAt,
      correlation_id: operation.correlationId,
    },
  };
}

/** One refresh's result, with the CVM's hashid (null when there is none). */
type RefreshItem = WireInput<typeof InstanceIdRefreshResultV20260522Schema> & {
  status: "updated" | "unchanged" | "skipped" | "conflict" | "error";
};

/** What refreshing a CVM's instance id from its node finds; saved unless a dry run. */
function refreshInstanceId(
  c: Context<MockEnv>,
  cvm: MockCvm,
  identifier: string,
  options: { overwrite: boolean; dryRun: boolean },
): RefreshItem {
  const { state } = c.get("render");
  const base = { cvm_id: cvm.id, identifier, old_instance_id: cvm.instanceId };
  const status = currentCvmStatus(state, cvm);
  // The node knows a VM's instance id once it has booted; the mock derives it from the VM.
  const reported =
    cvm.instanceId ??
    (status === "running" ? `${cvm.vmUuid.replaceAll("-", "")}${cvm.appId}`.slice(0, 40) : null);
  if (reported === null) {
    return {
      ...base,
      status: "skipped",
      new_instance_id: null,
      source: "none",
      verified_with_gateway: false,
      reason: "the VM has not booted yet",
    };
  }
  const verified = cvm.gatewayEnabled;
  if (reported === cvm.instanceId) {
    return {
      ...base,
      status: "unchanged",
      new_instance_id: reported,
      source: "teepod_state",
      verified_with_gateway: verified,
      reason: null,
    };
  }
  if (cvm.instanceId !== null && !options.overwrite) {
    return {
      ...base,
      status: "conflict",
      new_instance_id: reported,
      source: "teepod_state",
      verified_with_gateway: verified,
      reason: "an instance id is already recorded; pass overwrite to replace it",
    };
  }
  if (!options.dryRun) cvm.instanceId = reported;
  return {
    ...base,
    status: "updated",
    new_instance_id: reported,
    source: "teepod_state",
    verified_with_gateway: verified,
    reason: options.dryRun ? "dry run: not saved" : null,
  };
}

export function registerCvmLifecycleRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/provision", requireApiKey, provision);
  api.post("/cvms", requireApiKey, commit);

  api.post("/status/batch", requireApiKey, async (c) => {
    const ctx = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const uuids = body.strings("vm_uuids", true);
    body.assertValid();
    const result: Record<string, ReturnType<typeof batchStatus>> = {};
    const mine = workspaceCvms(ctx.state, ctx.caller.workspace.id);
    for (const uuid of uuids as string[]) {
      const bare = uuid.trim().toLowerCase().replaceAll("-", "");
      const cvm = mine.find((candidate) => candidate.vmUuid.replaceAll("-", "") === bare);
      if (cvm) result[uuid] = batchStatus(ctx, cvm);
    }
    return c.json(result, 200);
  });

  // Before /cvms/:cvm_id/... so "instance-ids" is never taken for a CVM id.
  api.patch("/cvms/instance-ids", requireApiKey, async (c) => {
    const { state, caller } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const cvmIds = body.strings("cvm_ids");
    const runningOnly = body.bool("running_only") ?? true;
    const missingOnly = body.bool("missing_only") ?? true;
    const overwrite = body.bool("overwrite") ?? false;
    const limit = body.int("limit", { ge: 1, le: 500 }) ?? 100;
    const dryRun = body.bool("dry_run") ?? false;
    body.assertValid();
    const targets: { identifier: string; cvm: MockCvm | null }[] = cvmIds
      ? cvmIds.map((identifier) => ({
          identifier,
          cvm: resolveCvm(state, caller.workspace.id, identifier),
        }))
      : workspaceCvms(state, caller.workspace.id).map((cvm) => ({ identifier: cvm.id, cvm }));
    const eligible = targets.filter(
      ({ cvm }) =>
        cvm === null ||
        ((!runningOnly || currentCvmStatus(state, cvm) === "running") &&
          (!missingOnly || cvm.instanceId === null)),
    );
    const scanned = eligible.slice(0, limit);
    const items: RefreshItem[] = scanned.map(({ identifier, cvm }) =>
      cvm
        ? refreshInstanceId(c, cvm, identifier, { overwrite, dryRun })
        : {
            // No CVM: no hashid (the chain gives older versions the placeholder 0).
            cvm_id: null,
            identifier,
            status: "error",
            old_instance_id: null,
            new_instance_id: null,
            source: "none",
            verified_with_gateway: false,
            reason: "CVM not found",
          },
    );
    const count = (status: RefreshItem["status"]) =>
      items.filter((item) => item.status === status).length;
    return respond(c, "refreshCvmInstanceIds", {
      total: targets.length,
      scanned: items.length,
      updated: count("updated"),
      unchanged: count("unchanged"),
      skipped: count("skipped"),
      conflicts: count("conflict"),
      errors: count("error"),
      items,
    });
  });

  api.post("/cvms/:cvm_id/start", requireApiKey, powerRoute("start", false));
  api.post("/cvms/:cvm_id/stop", requireApiKey, powerRoute("stop", false));
  api.post("/cvms/:cvm_id/shutdown", requireApiKey, powerRoute("shutdown", false));
  api.post("/cvms/:cvm_id/restart", requireApiKey, powerRoute("restart", true));

  api.post("/cvms/:cvm_id/replicas", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const teepodId = body.int("teepod_id");
    // The official SDKs send the target as node_id; it names the same teepod.
    const nodeIdField = body.int("node_id");
    const encryptedEnv = body.string("encrypted_env");
    const composeHash = body.string("compose_hash");
    if (encryptedEnv !== undefined && !/^(0x)?[0-9a-fA-F]*$/.test(encryptedEnv)) {
      body.invalid("encrypted_env", "encrypted_env must be hex");
    }
    body.assertValid();
    const source = cvmOf(c);
    const nodeId = teepodId ?? nodeIdField ?? source.nodeId;
    if (!state.nodes.has(nodeId)) throw nodeNotFound(nodeId);
    if (composeHash !== undefined && bareHash(composeHash.trim()) !== source.composeHash) {
      throw phalaError(400, {
        errorCode: "ERR-01-006",
        message: "Compose hash is invalid or expired: a replica runs its source's compose",
        details: [
          { field: "compose_hash", value: composeHash, message: null },
          { field: "expected_compose_hash", value: source.composeHash, message: null },
        ],
        suggestions: ["Omit compose_hash, or send the source CVM's"],
      });
    }
    assertNodeAvailable(state, nodeId);
    assertQuotaAllows(state, caller.workspace, {
      vmSlots: 1,
      vcpu: source.vcpu,
      memoryMb: source.memoryMb,
      diskGb: source.diskGb,
      gpus: source.gpus,
    });
    const request = { nodeId, encryptedEnv: encryptedEnv ?? null };
    // On-chain, the app contract must allow the new node's device first. The 465
    // always carries a commit token (X-Prepare-Only or not): /commit-replica with
    // the registering transaction is the only way to finish, the request body
    // having no transaction field. Where nothing needs registering, the replica
    // is created at once.
    const deviceId = getNode(state, nodeId).deviceId;
    if (isOnChain(state, source) && !deviceAllowed(state, source.appId, deviceId)) {
      const token = prepareReplica(state, source, request, caller.user.id);
      const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/cvms\/.*$/, "");
      throw registrationRequiredError(state, { appId: source.appId, nodeId }, source.composeHash, {
        message: "Device registration required on-chain",
        composeHashAllowed: true,
        deviceIdAllowed: false,
        commit: {
          token,
          url: `https://cloud.phala.network/cvms/${source.id}/commit-replica?token=${token}`,
          apiUrl: `${baseUrl}/cvms/${source.id}/commit-replica`,
        },
        suggestion:
          "Register the device in the app contract (addDevice), then POST the commit URL with the token and the transaction hash",
      });
    }
    const replica = createReplica(state, source, request, caller, now);
    return respond(c, "replicateCvm", renderVm(c, replica));
  });

  api.post("/cvms/:cvm_id/commit-replica", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const source = cvmOf(c);
    const body = await readCommitRequest(c.req, c.req.query("token"));
    const pending = takePreparedReplica(state, source, body.token);
    if (!pending) {
      throw phalaError(409, {
        errorCode: "ERR-01-006",
        message: "Commit token is invalid or expired",
        details: [{ field: "token", value: body.token, message: null }],
        suggestions: ["Request the replica again to get a fresh commit token"],
      });
    }
    try {
      checkRegistrationProof(
        source.composeHash,
        body.compose_hash || source.composeHash,
        body.transaction_hash || undefined,
        { invalidHash: 400, failedTransaction: 400 },
      );
      assertNodeAvailable(state, pending.nodeId);
    } catch (error) {
      // A failed commit leaves the replica prepared: the caller may try again.
      restorePreparedReplica(state, pending);
      throw error;
    }
    markDeviceRegistered(state, source.appId, getNode(state, pending.nodeId).deviceId);
    const replica = createReplica(state, source, pending, caller, now);
    return respond(c, "commitCvmReplica", renderVm(c, replica));
  });

  api.patch("/cvms/:cvm_id/resources", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const vcpu = body.int("vcpu", { ge: 1 });
    const memory = body.int("memory", { ge: 1 });
    const diskSize = body.int("disk_size", { ge: 1 });
    const instanceType = body.string("instance_type");
    const allowRestart = body.flag("allow_restart") ?? false;
    body.assertValid();
    const cvm = cvmOf(c);
    if ([vcpu, memory, diskSize, instanceType].every((value) => value === undefined)) {
      throw phalaError(400, {
        errorCode: "ERR-02-008",
        message: "Nothing to update: give vcpu, memory, disk_size or instance_type",
      });
    }
    const resize = planResize(cvm, { vcpu, memory, diskSize, instanceType });
    const status = currentCvmStatus(state, cvm);
    if (status === "running" && !allowRestart) {
      throw phalaError(400, {
        errorCode: "ERR-02-008",
        message: "Resizing a running CVM restarts it; pass allow_restart: true",
        details: [{ field: "allow_restart", value: false, message: null }],
        suggestions: ["Set allow_restart to true, or stop the CVM first"],
      });
    }
    assertGrowthAllowed(state, caller.workspace, cvm, {
      vcpu: resize.vcpu,
      memoryMb: resize.memoryMb,
      diskGb: resize.diskGb,
      gpus: resize.gpus,
    });
    const operation = applyChangeWithRestart(state, cvm, "resize", now);
    if (resize.instanceType !== undefined) {
      cvm.instanceType = resize.instanceType;
      cvm.vcpu = resize.vcpu as number;
      cvm.memoryMb = resize.memoryMb as number;
      cvm.gpus = resize.gpus as number;
      cvm.hourlyPrice = resize.hourlyPrice as string;
    }
    if (resize.diskGb !== undefined) cvm.diskGb = resize.diskGb;
    return c.json(operationAccepted(operation, "Resize in progress"), 202);
  });

  api.patch("/cvms/:cvm_id/visibility", requireApiKey, async (c) => {
    const ctx = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const publicSysinfo = body.bool("public_sysinfo");
    const publicLogs = body.bool("public_logs");
    const publicTcbinfo = body.bool("public_tcbinfo");
    if (publicSysinfo === undefined && body.body.public_sysinfo === undefined)
      body.string("public_sysinfo", true);
    if (publicLogs === undefined && body.body.public_logs === undefined)
      body.string("public_logs", true);
    body.assertValid();
    const cvm = cvmOf(c);
    cvm.publicSysinfo = publicSysinfo as boolean;
    cvm.publicLogs = publicLogs as boolean;
    if (publicTcbinfo !== undefined) cvm.publicTcbinfo = publicTcbinfo;
    cvm.updatedAt = ctx.now.toISOString();
    // The VM record after the change (it does not carry the visibility flags).
    return respond(c, "patchCvmVisibility", renderVm(c, cvm));
  });

  api.patch("/cvms/:cvm_id/os-image", requireApiKey, async (c) => {
    const { state, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const name = body.string("os_image_name", true);
    body.assertValid();
    const cvm = cvmOf(c);
    const image = findOsImage(name);
    if (!image) throw imageNotFound(name);
    if (image.isDev !== cvm.os.isDev) {
      throw phalaError(400, {
        errorCode: "ERR-02-013",
        message: `OS image '${name}' is not compatible with this CVM (${cvm.os.isDev ? "dev" : "production"} image)`,
        details: [{ field: "os_image_name", value: name, message: null }],
        suggestions: [
          "List the images this CVM can move to with GET /cvms/{id}/available-os-images",
        ],
      });
    }
    if (image.name === cvm.os.name) {
      throw phalaError(409, {
        errorCode: "ERR-02-008",
        message: `CVM already runs OS image '${name}'`,
        details: [{ field: "os_image_name", value: name, message: null }],
      });
    }
    const operation = applyChangeWithRestart(state, cvm, "os-upgrade", now);
    cvm.os = image;
    return c.json(operationAccepted(operation, "OS image update in progress"), 202);
  });

  api.patch("/cvms/:cvm_id/instance-id", requireApiKey, async (c) => {
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const overwrite = body.bool("overwrite") ?? false;
    const dryRun = body.bool("dry_run") ?? false;
    body.assertValid();
    const cvm = cvmOf(c);
    const result = refreshInstanceId(c, cvm, c.req.param("cvm_id"), { overwrite, dryRun });
    return respond(c, "refreshCvmInstanceId", result);
  });

  api.patch("/cvms/:cvm_id/name", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const name = body.string("name", true);
    if (name !== undefined && !CVM_NAME.test(name)) {
      body.invalid(
        "name",
        "CVM name must be an RFC 1123 label: 5-63 characters, a letter first, letters, digits and hyphens, no hyphen last",
      );
    }
    body.assertValid();
    // Renamed by its cvm_... hashid alone: not by a UUID, an app or instance id, or a name.
    const rawId = c.req.param("cvm_id");
    const mine = workspaceCvms(state, caller.workspace.id);
    const cvm = mine.find((candidate) => candidate.id === rawId.trim());
    if (!cvm) throw cvmNotFoundError(rawId);
    if (mine.some((other) => other !== cvm && other.name === name)) {
      throw new MockApiError(400, {
        detail: `CVM name "${name}" is already in use in this workspace`,
      });
    }
    cvm.name = name as string;
    cvm.updatedAt = now.toISOString();
    return c.body(null, 204);
  });

  api.delete("/cvms/:cvm_id", requireApiKey, (c) => {
    const { state, now } = c.get("render");
    const cvm = cvmOf(c);
    deleteCvmRecord(state, cvm, now);
    return c.body(null, 204);
  });
}
