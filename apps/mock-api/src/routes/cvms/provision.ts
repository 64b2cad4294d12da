// POST /cvms/provision and POST /cvms: a CVM is created in two steps, the
// provision (what it will run, its compose hash and env key) and the commit.
import type { Context, Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError, type ValidationIssue, validationError } from "../../internal/errors";
import { normalizeAppId, workspaceCvms } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import { getNode, type MockKms, type MockState } from "../../model";
import { nextAppIdFor } from "../kms/next-app-id";
import { assertQuotaAllows } from "../workspaces/limits";
import { findOsImage, imageNotFound, OS_IMAGES } from "./os-images";
import { commitProvision, createProvision, findProvision } from "./provision-store";
import { nodeNotFound, renderVm } from "./shared";
import { chooseSize } from "./sizes";
import { assertNodeAvailable } from "./status-machine";

function kmsNotFound(field: string, value: string) {
  return phalaError(404, {
    errorCode: "ERR-02-011",
    message: "KMS not found",
    details: [{ field, value, message: null }],
    suggestions: ["List the KMS instances with GET /kms"],
  });
}

// The contract's `KmsType` is lower case (`legacy` being the old Phala KMS); the
// upper-case names older clients send are taken too.
const KMS_KIND: Record<string, MockKms["kind"]> = {
  phala: "phala",
  legacy: "phala",
  ethereum: "ethereum",
  base: "base",
};
const kmsKind = (kmsType: string | undefined): MockKms["kind"] | undefined =>
  KMS_KIND[(kmsType ?? "phala").toLowerCase()];
export const CVM_NAME = /^[a-zA-Z][a-zA-Z0-9-]{3,61}[a-zA-Z0-9]$/;

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
  const kind = kmsKind(kmsType) ?? "phala";
  const kms = [...state.kms.values()].find((k) => k.kind === kind);
  if (!kms) throw kmsNotFound("kms", kmsType ?? "phala");
  return kms;
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
  if (kmsType !== undefined && kmsKind(kmsType) === undefined) {
    body.invalid("kms", "kms must be one of phala, ethereum, base, legacy");
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

export function registerProvisionRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/provision", requireApiKey, provision);
  api.post("/cvms", requireApiKey, commit);
}
