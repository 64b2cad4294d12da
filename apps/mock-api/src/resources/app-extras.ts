import type { CvmVmV20260522Schema } from "@phala/cloud-schemas";
import { deterministicHashid, deterministicHex, deterministicUuid } from "../deterministic-hex";
import { phalaError, type ValidationIssue, validationError } from "../errors";
import { appCvms } from "../lookup";
import {
  type Caller,
  getKms,
  getNode,
  getUser,
  getWorkspace,
  type MockApp,
  type MockCvm,
  type MockState,
  resourceState,
} from "../model";
import type { WireInput } from "../versions/sdk-types";
import { assertNodeAvailable, renderCvmVm } from "./cvm-lifecycle";
import {
  type CvmChange,
  checkRegistrationProof,
  composeExtras,
  composeHashAfter,
  isRegistered,
  markRegistered,
  newCommitToken,
  registrationRequiredError,
} from "./cvm-updates";
import { assertQuotaAllows } from "./quotas";

/** One recorded change of what an app runs. */
export interface MockRevision {
  revisionId: string;
  appId: string;
  cvmId: string;
  vmUuid: string;
  composeHash: string;
  composeFile: string;
  encryptedEnv: string;
  userConfig: string;
  createdAt: string;
  traceId: string;
  operationType: string;
  userId: number;
}

const REVISIONS_KEY = "app-extras/revisions";

/** Every CVM was created once: that is its first revision. */
function seedRevisions(state: MockState): MockRevision[] {
  return [...state.cvms.values()].map((cvm) => revisionFor(cvm, "create", cvm.createdAt));
}

function revisionFor(cvm: MockCvm, operationType: string, createdAt: string): MockRevision {
  const label = `${cvm.id}:${operationType}:${createdAt}`;
  return {
    revisionId: `rev_${deterministicHex(`revision:${label}`, 16)}`,
    appId: cvm.appId,
    cvmId: cvm.id,
    vmUuid: cvm.vmUuid,
    composeHash: cvm.composeHash,
    composeFile: cvm.composeFile,
    encryptedEnv: deterministicHex(`env:${label}`, 96),
    userConfig: "",
    createdAt,
    traceId: deterministicHex(`trace:${label}`, 32),
    operationType,
    userId: cvm.creatorId,
  };
}

export function appRevisions(state: MockState, appId: string): MockRevision[] {
  return resourceState(state, REVISIONS_KEY, seedRevisions)
    .filter((revision) => revision.appId === appId)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function recordRevision(state: MockState, revision: MockRevision): void {
  resourceState(state, REVISIONS_KEY, seedRevisions).push(revision);
}

/** The app compose the platform hashes, as the revision detail shows it. */
function appCompose(app: MockApp, revision: MockRevision) {
  return {
    manifest_version: 2,
    name: app.name,
    runner: "docker-compose",
    docker_compose_file: revision.composeFile,
    kms_enabled: true,
    gateway_enabled: true,
    public_logs: true,
    public_sysinfo: true,
    allowed_envs: [],
    no_instance_id: false,
    secure_time: false,
  };
}

export function renderRevision(state: MockState, revision: MockRevision) {
  const user = getUser(state, revision.userId);
  const cvm = state.cvms.get(revision.cvmId);
  const workspace = cvm ? getWorkspace(state, cvm.workspaceId) : undefined;
  return {
    revision_id: revision.revisionId,
    app_id: revision.appId,
    vm_uuid: revision.vmUuid,
    compose_hash: revision.composeHash,
    created_at: revision.createdAt,
    trace_id: revision.traceId,
    operation_type: revision.operationType,
    triggered_by: {
      object_type: "user" as const,
      id: user.hashedId,
      username: user.username,
      avatar_url: user.avatarUrl,
    },
    cvm: cvm
      ? {
          object_type: "cvm" as const,
          name: cvm.name,
          app_id: cvm.appId,
          vm_uuid: cvm.vmUuid,
        }
      : null,
    workspace: workspace
      ? {
          object_type: "workspace" as const,
          id: workspace.id,
          name: workspace.name,
          slug: workspace.slug,
          avatar_url: workspace.avatarUrl,
        }
      : null,
  };
}

export function renderRevisionDetail(
  state: MockState,
  app: MockApp,
  revision: MockRevision,
  rawComposeFile: boolean,
) {
  const compose = appCompose(app, revision);
  return {
    ...renderRevision(state, revision),
    compose_file: rawComposeFile ? JSON.stringify(compose) : compose,
    encrypted_env: revision.encryptedEnv,
    user_config: revision.userConfig,
  };
}

function distinct(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))].sort();
}

/** The values each app-list filter can take, from the workspace's live CVMs. */
export function renderFilterOptions(state: MockState, cvms: MockCvm[]) {
  const nodes = cvms.map((cvm) => getNode(state, cvm.nodeId));
  const kms = cvms.map((cvm) => {
    const app = state.apps.get(cvm.appId);
    return app ? getKms(state, app.kmsId) : undefined;
  });
  return {
    statuses: distinct(cvms.map((cvm) => cvm.status)),
    image_versions: distinct(cvms.map((cvm) => cvm.os.name)),
    instance_types: distinct(cvms.map((cvm) => cvm.instanceType)),
    kms_slugs: distinct(kms.map((k) => k?.slug)),
    kms_types: distinct(kms.map((k) => k?.kind)),
    regions: distinct(nodes.map((node) => node.region)),
    nodes: distinct(nodes.map((node) => node.name)),
  };
}

export function isOnChain(state: MockState, app: MockApp): boolean {
  return getKms(state, app.kmsId).chainId !== null;
}

/** What the app contract allows: the compose hashes it recorded and the devices its CVMs run on. */
function contractAllowlist(state: MockState, app: MockApp) {
  const hashes = new Set(appRevisions(state, app.appId).map((revision) => revision.composeHash));
  const devices = new Set(
    appCvms(state, app.appId).map((cvm) => getNode(state, cvm.nodeId).deviceId),
  );
  return { hashes, devices };
}

export function contractAddress(app: MockApp): string {
  return app.contractAddress ?? `0x${app.appId}`;
}

/** The on-chain check of one compose hash on one device. */
export function checkAllowed(
  state: MockState,
  app: MockApp,
  composeHash: string,
  deviceId: string,
  /** The CVM checked, by its hashid (the version chain numbers it for older versions). */
  cvmId?: string,
) {
  const base = {
    ...(cvmId === undefined ? {} : { cvm_id: cvmId }),
    app_contract_address: contractAddress(app),
    compose_hash: composeHash,
    device_id: deviceId,
    allow_any_device: false,
  };
  if (!isOnChain(state, app)) {
    return {
      ...base,
      compose_hash_allowed: false,
      device_id_allowed: null,
      is_allowed: false,
      error: "App does not use an on-chain KMS",
    };
  }
  const { hashes, devices } = contractAllowlist(state, app);
  const composeHashAllowed = hashes.has(composeHash.replace(/^0x/, "").toLowerCase());
  const deviceAllowed = devices.has(deviceId.replace(/^0x/, "").toLowerCase());
  return {
    ...base,
    compose_hash_allowed: composeHashAllowed,
    device_id_allowed: deviceAllowed,
    is_allowed: composeHashAllowed && deviceAllowed,
    error: null,
  };
}

export function renderDeviceAllowlist(state: MockState, app: MockApp) {
  const kms = getKms(state, app.kmsId);
  if (kms.chainId === null) {
    return {
      is_onchain_kms: false,
      allow_any_device: null,
      chain_id: null,
      app_contract_address: null,
      devices: [],
    };
  }
  const byNode = new Map<number, MockCvm[]>();
  for (const cvm of appCvms(state, app.appId)) {
    byNode.set(cvm.nodeId, [...(byNode.get(cvm.nodeId) ?? []), cvm]);
  }
  return {
    is_onchain_kms: true,
    allow_any_device: false,
    chain_id: kms.chainId,
    app_contract_address: contractAddress(app),
    devices: [...byNode].map(([nodeId, cvms]) => {
      const node = getNode(state, nodeId);
      return {
        device_id: node.deviceId,
        node_name: node.name,
        allowed_onchain: true,
        status: "allowed",
        // Hashids, in the order of the table ids older versions show.
        cvm_ids: cvms.sort((a, b) => a.tableId - b.tableId).map((cvm) => cvm.id),
      };
    }),
  };
}

/** What the guest agent of a KMS or gateway app reports about itself (mock figures). */
function guestAgentInfo(appId: string, label: string) {
  return {
    device_id: deterministicHex(`guest-device:${label}`, 64),
    mr_aggregated: deterministicHex(`mr-aggregated:${label}`, 64),
    os_image_hash: deterministicHex(`guest-os:${label}`, 64),
    instance_id: deterministicHex(`guest-instance:${label}`, 40),
    app_id: appId,
    mr_key_provider: deterministicHex(`mr-key-provider:${label}`, 64),
    compose_hash: deterministicHex(`guest-compose:${label}`, 64),
  };
}

export function renderAttestation(state: MockState, app: MockApp) {
  const kms = getKms(state, app.kmsId);
  const instances = appCvms(state, app.appId).map((cvm) => {
    const node = getNode(state, cvm.nodeId);
    const common = {
      vm_uuid: cvm.vmUuid,
      name: cvm.name,
      instance_id: cvm.instanceId,
      status: cvm.status,
      image_version: cvm.os.name,
      device_id: node.deviceId,
      ppid: node.ppid,
    };
    if (cvm.status !== "running") {
      return {
        ...common,
        quote: null,
        tcb_info: null,
        app_certificates: null,
        error: "CVM is not running",
      };
    }
    const measurement = (register: string) => deterministicHex(`${register}:${cvm.id}`, 96);
    return {
      ...common,
      quote: deterministicHex(`quote:${cvm.id}`, 256),
      ppid_sha256: deterministicHex(`ppid-sha256:${node.ppid}`, 64),
      fmspc: "00806f050000",
      tee_tcb_svn: deterministicHex(`svn:${node.name}`, 32),
      cpusvn: deterministicHex(`cpusvn:${node.name}`, 32),
      pcesvn: 13,
      tcb_info: {
        mrtd: measurement("mrtd"),
        rootfs_hash: null,
        rtmr0: measurement("rtmr0"),
        rtmr1: measurement("rtmr1"),
        rtmr2: measurement("rtmr2"),
        rtmr3: measurement("rtmr3"),
        event_log: [
          {
            imr: 3,
            event_type: 134217729,
            digest: measurement("compose-hash-event"),
            event: "compose-hash",
            event_payload: cvm.composeHash,
          },
        ],
        app_compose: cvm.composeFile,
      },
      app_certificates: [],
      compose_file: cvm.composeFile,
      error: null,
    };
  });
  return {
    app_id: app.appId,
    contract_address: contractAddress(app),
    kms_info: {
      contract_address: kms.contractAddress ?? "",
      chain_id: kms.chainId,
      version: kms.version,
      url: kms.url,
      gateway_app_id: kms.gatewayAppId,
      gateway_app_url: `https://gateway.${kms.slug}.phala.network`,
      kms_type: kms.kind,
    },
    instances,
    kms_guest_agent_info: guestAgentInfo(deterministicHex(`kms-app:${kms.id}`, 40), kms.slug),
    gateway_guest_agent_info: guestAgentInfo(kms.gatewayAppId, `${kms.slug}-gateway`),
    qemu_version: "9.2.1",
  };
}

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
