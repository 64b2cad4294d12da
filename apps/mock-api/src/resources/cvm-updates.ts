/**
 * What the mock keeps per CVM beyond the shared model to serve compose reads and
 * updates: the pre-launch script, allowed env names, encrypted env, boot user
 * config, an update waiting for on-chain registration, and, per app, the compose
 * hashes its contract allows (the mock's stand-in for the chain).
 */
import { deterministicHex } from "../deterministic-hex";
import { phalaError } from "../errors";
import {
  getApp,
  getKms,
  getNode,
  type MockComposeService,
  type MockCvm,
  type MockState,
  resourceState,
} from "../model";

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
  vcpu?: number;
  memoryMb?: number;
  diskGb?: number;
  gpus?: number;
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
  operations: number;
}

function store(state: MockState): ComposeStore {
  return resourceState(state, "cvm-compose", () => ({
    cvms: new Map(),
    registered: new Map(),
    operations: 0,
  }));
}

export function composeExtras(state: MockState, cvm: MockCvm): CvmComposeExtras {
  const cvms = store(state).cvms;
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

/** The app-compose.json of a CVM, the document its compose hash is taken of. */
export function appCompose(state: MockState, cvm: MockCvm, change: CvmChange = {}) {
  const extras = composeExtras(state, cvm);
  const app = getApp(state, cvm.appId);
  const preLaunchScript = change.preLaunchScript ?? extras.preLaunchScript;
  return {
    manifest_version: Number(cvm.manifestVersion),
    name: app.name,
    runner: cvm.runner,
    docker_compose_file: change.dockerComposeFile ?? cvm.composeFile,
    ...(preLaunchScript ? { pre_launch_script: preLaunchScript } : {}),
    kms_enabled: true,
    gateway_enabled: cvm.gatewayEnabled,
    public_logs: change.publicLogs ?? cvm.publicLogs,
    public_sysinfo: change.publicSysinfo ?? cvm.publicSysinfo,
    public_tcbinfo: change.publicTcbinfo ?? cvm.publicTcbinfo,
    secure_time: cvm.secureTime,
    local_key_provider_enabled: false,
    allowed_envs: change.allowedEnvs ?? extras.allowedEnvs,
    no_instance_id: false,
    storage_fs: cvm.storageFs,
  };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Stable per document; the mock needs no real SHA-256 to tell documents apart. */
export function composeHashOf(compose: unknown): string {
  return deterministicHex(`app-compose:${canonicalJson(compose)}`, 64);
}

/** The compose hash the CVM would have after `change`. */
export function composeHashAfter(state: MockState, cvm: MockCvm, change: CvmChange): string {
  // Unchanged content keeps the stored hash (seeded hashes predate this module).
  const before = appCompose(state, cvm);
  const after = appCompose(state, cvm, change);
  return canonicalJson(before) === canonicalJson(after) ? cvm.composeHash : composeHashOf(after);
}

export function isOnChain(state: MockState, cvm: MockCvm): boolean {
  return getKms(state, getApp(state, cvm.appId).kmsId).kind !== "phala";
}

export function isRegistered(state: MockState, cvm: MockCvm, hash: string): boolean {
  return store(state).registered.get(cvm.appId)?.has(hash) ?? false;
}

export function markRegistered(state: MockState, cvm: MockCvm, hash: string): void {
  const registered = store(state).registered;
  const hashes = registered.get(cvm.appId) ?? new Set<string>();
  hashes.add(hash);
  registered.set(cvm.appId, hashes);
}

/** The KMS as a 465 answer and a compose provision describe it. */
export function kmsInfoOf(state: MockState, cvm: MockCvm) {
  const kms = getKms(state, getApp(state, cvm.appId).kmsId);
  return {
    id: kms.id,
    slug: kms.slug,
    url: kms.url,
    version: kms.version,
    chain_id: kms.chainId,
    kms_contract_address: kms.contractAddress,
    gateway_app_id: `0x${kms.gatewayAppId}`,
    k256_pubkey: kms.k256Pubkey,
  };
}

export function deviceIdOf(state: MockState, cvm: MockCvm): string {
  return getNode(state, cvm.nodeId).deviceId;
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
  const operations = ++store(state).operations;
  return `op_${cvm.id}_${operations}`;
}

const TRANSACTION_HASH = /^0x[0-9a-f]{64}$/i;
const bareHash = (hash: string) => hash.toLowerCase().replace(/^0x/, "");

/**
 * The mock cannot read a chain: a follow-up proves registration by naming the
 * pending hash and a well-formed transaction hash. Throws the API's errors otherwise.
 */
export function checkRegistrationProof(
  expectedHash: string,
  composeHash: string | undefined,
  transactionHash: string | undefined,
): void {
  if (transactionHash === undefined || !TRANSACTION_HASH.test(transactionHash)) {
    throw phalaError(400, {
      errorCode: "ERR-01-007",
      message: "Transaction verification failed: expected a transaction hash (0x and 64 hex)",
      details: [{ field: "transaction_hash", value: transactionHash ?? null, message: null }],
      suggestions: ["Send the hash of the transaction that registered the compose hash"],
    });
  }
  if (composeHash === undefined || bareHash(composeHash) !== bareHash(expectedHash)) {
    throw phalaError(409, {
      errorCode: "ERR-01-006",
      message: "Compose hash is invalid or expired: it does not match the pending update",
      details: [
        { field: "compose_hash", value: composeHash ?? null, message: null },
        { field: "expected_compose_hash", value: expectedHash, message: null },
      ],
      suggestions: ["Repeat the update without hashes to get the current compose hash"],
    });
  }
}

/** The 465 answer: register `hash` on-chain, then repeat with it and the transaction hash. */
export function registrationRequiredError(
  state: MockState,
  cvm: MockCvm,
  hash: string,
  commit?: { token: string; baseUrl: string },
) {
  const details = [
    { field: "compose_hash", value: hash, message: null },
    { field: "app_id", value: `0x${cvm.appId}`, message: null },
    { field: "device_id", value: deviceIdOf(state, cvm), message: null },
    { field: "kms_info", value: kmsInfoOf(state, cvm), message: null },
    {
      field: "onchain_status",
      value: { compose_hash_allowed: false, device_id_allowed: true, is_allowed: false },
      message: null,
    },
  ];
  if (commit) {
    details.push(
      { field: "commit_token", value: commit.token, message: null },
      {
        field: "commit_url",
        value: `https://cloud.phala.network/cvms/${cvm.id}/commit?token=${commit.token}`,
        message: null,
      },
      {
        field: "api_commit_url",
        value: `${commit.baseUrl}/cvms/${cvm.id}/commit-update`,
        message: null,
      },
    );
  }
  return phalaError(465, {
    errorCode: "ERR-01-005",
    message: "Compose hash registration required on-chain",
    details,
    suggestions: [
      "Register the compose hash in the app contract (addComposeHash), then repeat the request with X-Compose-Hash and X-Transaction-Hash",
    ],
  });
}

export function newCommitToken(state: MockState, cvm: MockCvm): string {
  return `ct_${deterministicHex(`commit:${cvm.id}:${++store(state).operations}`, 32)}`;
}
