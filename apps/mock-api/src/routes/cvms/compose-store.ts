/**
 * What the mock keeps per CVM beyond the shared model to serve compose reads and
 * updates: the pre-launch script, allowed env names, encrypted env, boot user
 * config, an update waiting for on-chain registration, and, per app, the compose
 * hashes its contract allows (the mock's stand-in for the chain, which
 * registration.ts reads and writes).
 */
import { deterministicHex } from "../../internal/deterministic-hex";
import {
  getApp,
  type MockComposeService,
  type MockCvm,
  type MockGpuConfig,
  type MockState,
  resourceState,
} from "../../model";
import { canonicalJson, composeHashOf } from "./compose-hash";
import { recordOperation } from "./operation-log";

/** Everything an update may change; absent fields stay as they are. */
export interface CvmChange {
  dockerComposeFile?: string;
  preLaunchScript?: string;
  allowedEnvs?: string[];
  encryptedEnv?: string;
  userConfig?: string;
  publicLogs?: boolean;
  publicSysinfo?: boolean;
  publicTcbinfo?: boolean;
  instanceType?: string;
  hourlyPrice?: string;
  vcpu?: number;
  memoryMb?: number;
  diskGb?: number;
  gpus?: number;
  gpuConfig?: MockGpuConfig;
  image?: string;
}

export interface PendingUpdate {
  composeHash: string;
  change: CvmChange;
  /** Set for a prepare-only patch: whoever holds it may commit. */
  commitToken: string | null;
}

export interface CvmComposeExtras {
  preLaunchScript: string;
  allowedEnvs: string[];
  encryptedEnv: string | null;
  userConfig: string | null;
  pending: PendingUpdate | null;
  /** Compose files provisioned by `POST /compose_file/provision`, by hash. */
  provisioned: Map<string, CvmChange>;
}

interface ComposeStore {
  cvms: Map<string, CvmComposeExtras>;
  /** App id -> compose hashes registered in its contract. */
  registered: Map<string, Set<string>>;
  /** App id -> compose hashes its contract refuses (468 whatever the proof). */
  disallowed: Map<string, Set<string>>;
  /** App id -> device ids registered in its contract besides those it runs on. */
  devices: Map<string, Set<string>>;
  operations: number;
}

export function composeStore(state: MockState): ComposeStore {
  return resourceState(state, "cvm-compose", () => ({
    cvms: new Map(),
    registered: new Map(),
    disallowed: new Map(),
    devices: new Map(),
    operations: 0,
  }));
}

/** A hash (or device id) as the mock keeps it: lower case, no `0x`. */
export const bareHash = (hash: string) => hash.toLowerCase().replace(/^0x/, "");

export function composeExtras(state: MockState, cvm: MockCvm): CvmComposeExtras {
  const cvms = composeStore(state).cvms;
  let extras = cvms.get(cvm.id);
  if (!extras) {
    extras = {
      preLaunchScript: "",
      allowedEnvs: [],
      encryptedEnv: null,
      userConfig: null,
      pending: null,
      provisioned: new Map(),
    };
    cvms.set(cvm.id, extras);
  }
  return extras;
}

/** What an app-compose.json is made of, before defaults the mock always sets. */
export interface AppComposeFields {
  name: string;
  dockerComposeFile: string;
  preLaunchScript: string;
  allowedEnvs: string[];
  gatewayEnabled: boolean;
  publicLogs: boolean;
  publicSysinfo: boolean;
  publicTcbinfo: boolean;
  secureTime: boolean;
  storageFs: string;
  runner?: string;
  manifestVersion?: number;
}

/**
 * The app-compose.json the mock builds, one shape for every CVM: what a provision
 * hashes, what `GET /cvms/{id}/compose_file` shows, and what updates re-hash. So
 * `getComposeHash(appCompose)` of a CVM created by provision + commit is its hash.
 */
export function appComposeDocument(fields: AppComposeFields) {
  return {
    manifest_version: fields.manifestVersion ?? 2,
    name: fields.name,
    runner: fields.runner ?? "docker-compose",
    docker_compose_file: fields.dockerComposeFile,
    ...(fields.preLaunchScript ? { pre_launch_script: fields.preLaunchScript } : {}),
    kms_enabled: true,
    gateway_enabled: fields.gatewayEnabled,
    public_logs: fields.publicLogs,
    public_sysinfo: fields.publicSysinfo,
    public_tcbinfo: fields.publicTcbinfo,
    secure_time: fields.secureTime,
    local_key_provider_enabled: false,
    allowed_envs: fields.allowedEnvs,
    no_instance_id: false,
    storage_fs: fields.storageFs,
  };
}

/** The app-compose.json of a CVM, the document its compose hash is taken of. */
export function appCompose(state: MockState, cvm: MockCvm, change: CvmChange = {}) {
  const extras = composeExtras(state, cvm);
  const app = getApp(state, cvm.appId);
  return appComposeDocument({
    manifestVersion: Number(cvm.manifestVersion),
    name: app.name,
    runner: cvm.runner,
    dockerComposeFile: change.dockerComposeFile ?? cvm.composeFile,
    preLaunchScript: change.preLaunchScript ?? extras.preLaunchScript,
    gatewayEnabled: cvm.gatewayEnabled,
    publicLogs: change.publicLogs ?? cvm.publicLogs,
    publicSysinfo: change.publicSysinfo ?? cvm.publicSysinfo,
    publicTcbinfo: change.publicTcbinfo ?? cvm.publicTcbinfo,
    secureTime: cvm.secureTime,
    allowedEnvs: change.allowedEnvs ?? extras.allowedEnvs,
    storageFs: cvm.storageFs,
  });
}

/** The compose hash the CVM would have after `change`. */
export function composeHashAfter(state: MockState, cvm: MockCvm, change: CvmChange): string {
  // Unchanged content keeps the stored hash (seeded hashes predate this module).
  const before = appCompose(state, cvm);
  const after = appCompose(state, cvm, change);
  return canonicalJson(before) === canonicalJson(after) ? cvm.composeHash : composeHashOf(after);
}

/** Top-level services and their images, read from the compose text line by line. */
function servicesOf(composeFile: string): MockComposeService[] {
  const services: MockComposeService[] = [];
  let inServices = false;
  for (const line of composeFile.split("\n")) {
    if (/^\S/.test(line)) inServices = /^services:\s*$/.test(line);
    else if (inServices) {
      const service = /^ {2}([A-Za-z0-9._-]+):\s*$/.exec(line);
      if (service) services.push({ name: service[1]!, image: "" });
      const image = /^ {4}image:\s*["']?([^"'\s]+)/.exec(line);
      const last = services[services.length - 1];
      if (image && last) last.image = image[1]!;
    }
  }
  return services;
}

const OS_IMAGE = /^dstack-(dev-)?(\d+\.\d+\.\d+)$/;

/** Applies `change` to the CVM; returns the id of the operation that rolls it out. */
export function applyChange(state: MockState, cvm: MockCvm, change: CvmChange, now: Date): string {
  const extras = composeExtras(state, cvm);
  const hash = composeHashAfter(state, cvm, change);
  if (change.dockerComposeFile !== undefined) {
    cvm.composeFile = change.dockerComposeFile;
    cvm.services = servicesOf(change.dockerComposeFile);
    cvm.dockerComposeHash = deterministicHex(`docker-compose:${change.dockerComposeFile}`, 64);
  }
  if (change.preLaunchScript !== undefined) {
    extras.preLaunchScript = change.preLaunchScript;
    cvm.preLaunchScriptHash = change.preLaunchScript
      ? deterministicHex(`pre-launch:${change.preLaunchScript}`, 64)
      : null;
  }
  if (change.allowedEnvs !== undefined) extras.allowedEnvs = [...change.allowedEnvs];
  if (change.encryptedEnv !== undefined) extras.encryptedEnv = change.encryptedEnv;
  if (change.userConfig !== undefined) extras.userConfig = change.userConfig;
  if (change.publicLogs !== undefined) cvm.publicLogs = change.publicLogs;
  if (change.publicSysinfo !== undefined) cvm.publicSysinfo = change.publicSysinfo;
  if (change.publicTcbinfo !== undefined) cvm.publicTcbinfo = change.publicTcbinfo;
  if (change.vcpu !== undefined) cvm.vcpu = change.vcpu;
  if (change.memoryMb !== undefined) cvm.memoryMb = change.memoryMb;
  if (change.diskGb !== undefined) cvm.diskGb = change.diskGb;
  if (change.gpus !== undefined) cvm.gpus = change.gpus;
  if (change.gpuConfig !== undefined) cvm.gpuConfig = change.gpuConfig;
  if (change.instanceType !== undefined) cvm.instanceType = change.instanceType;
  if (change.hourlyPrice !== undefined) cvm.hourlyPrice = change.hourlyPrice;
  const image = change.image === undefined ? null : OS_IMAGE.exec(change.image);
  if (change.image !== undefined && image) {
    cvm.os = {
      name: change.image,
      version: image[2]!,
      isDev: image[1] !== undefined,
      imageHash: deterministicHex(`os:${image[2]}:${image[1] !== undefined}`, 64),
    };
  }
  cvm.composeHash = hash;
  cvm.updatedAt = now.toISOString();
  extras.pending = null;
  const operations = ++composeStore(state).operations;
  const correlationId = `op_${cvm.id}_${operations}`;
  // Applied at once: the operations log shows it completed.
  const status = cvm.status;
  recordOperation(state, cvm, {
    correlationId,
    type: "update",
    from: status,
    via: status,
    target: status,
    startedAt: now,
    durationMs: 0,
    untilMs: null,
  });
  return correlationId;
}
