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
  type MockGpuConfig,
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

function store(state: MockState): ComposeStore {
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

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const values = map.get(key) ?? new Set<string>();
  values.add(value);
  map.set(key, values);
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

// --- Compose hash ---------------------------------------------------------------
// The real algorithm, the SDK's `getComposeHash`: SHA-256 of the canonical JSON.
// Written out here because the mock does not import the SDK; synchronous, so seeds
// and sync resource code can hash too.

/** Orders keys by Unicode code point, as Python, Go and Rust do (JS `<` compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
}

const omitted = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * Canonical JSON: keys sorted by code point at every depth, no whitespace, arrays
 * in order, undefined members dropped (`null` in arrays, as JSON.stringify does),
 * null kept, non-finite numbers as null, `toJSON()` honoured.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value !== "object") return "null";
  const object = value as { toJSON?: () => unknown };
  if (typeof object.toJSON === "function") return canonicalJson(object.toJSON());
  if (Array.isArray(value)) {
    return `[${value.map((item) => (omitted(item) ? "null" : canonicalJson(item))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => !omitted(record[key]))
    .sort(compareCodePoints)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(",")}}`;
}

// FIPS 180-4 round constants: the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes.
const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 as lowercase hex, synchronous and free of runtime APIs. */
export function sha256Hex(bytes: Uint8Array): string {
  const hash = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  // Message, a 1 bit, zeros, then the bit length as a 64-bit big-endian integer.
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
  view.setUint32(padded.length - 4, (bytes.length * 8) >>> 0);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[i] = w[i - 16]! + s0 + w[i - 7]! + s1;
    }
    let a = hash[0]!;
    let b = hash[1]!;
    let c = hash[2]!;
    let d = hash[3]!;
    let e = hash[4]!;
    let f = hash[5]!;
    let g = hash[6]!;
    let h = hash[7]!;
    for (let i = 0; i < 64; i++) {
      const t1 =
        (h +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          SHA256_K[i]! +
          w[i]!) |
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, h].forEach((word, i) => {
      hash[i] = hash[i]! + word;
    });
  }
  return [...hash].map((word) => word.toString(16).padStart(8, "0")).join("");
}

/**
 * The compose hash of an app compose: SHA-256 (hex, no 0x) of its canonical JSON,
 * equal to `await getComposeHash(compose)` in the SDK.
 */
export function composeHashOf(compose: object): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(compose)));
}

/** The compose hash the CVM would have after `change`. */
export function composeHashAfter(state: MockState, cvm: MockCvm, change: CvmChange): string {
  // Unchanged content keeps the stored hash (seeded hashes predate this module).
  const before = appCompose(state, cvm);
  const after = appCompose(state, cvm, change);
  return canonicalJson(before) === canonicalJson(after) ? cvm.composeHash : composeHashOf(after);
}

export function isOnChain(state: MockState, cvm: Pick<MockCvm, "appId">): boolean {
  return getKms(state, getApp(state, cvm.appId).kmsId).kind !== "phala";
}

export function isRegistered(state: MockState, cvm: Pick<MockCvm, "appId">, hash: string): boolean {
  return store(state).registered.get(cvm.appId)?.has(hash) ?? false;
}

export function markRegistered(state: MockState, cvm: Pick<MockCvm, "appId">, hash: string): void {
  addTo(store(state).registered, cvm.appId, hash);
}

/**
 * Test hook: the app's contract refuses `hash` from now on, as a contract owner
 * may. An update to it answers 468 (`ERR-01-008`), whatever proof comes with it.
 */
export function disallowComposeHash(state: MockState, appId: string, hash: string): void {
  addTo(store(state).disallowed, appId.toLowerCase().replace(/^(0x|app_)/, ""), bareHash(hash));
}

export function isDisallowed(state: MockState, cvm: Pick<MockCvm, "appId">, hash: string): boolean {
  return store(state).disallowed.get(cvm.appId)?.has(bareHash(hash)) ?? false;
}

/** Throws the 468 for a hash the app's contract refuses. */
export function assertHashAllowed(
  state: MockState,
  cvm: Pick<MockCvm, "appId">,
  hash: string,
): void {
  if (!isDisallowed(state, cvm, hash)) return;
  throw phalaError(468, {
    errorCode: "ERR-01-008",
    message: "Compose hash is not allowed by the app contract",
    details: [
      { field: "compose_hash", value: hash, message: null },
      { field: "app_id", value: `0x${cvm.appId}`, message: null },
    ],
    suggestions: ["Allow the compose hash in the app contract, or deploy another compose"],
  });
}

export function markDeviceRegistered(state: MockState, appId: string, deviceId: string): void {
  addTo(store(state).devices, appId, bareHash(deviceId));
}

export function isDeviceRegistered(state: MockState, appId: string, deviceId: string): boolean {
  return store(state).devices.get(appId)?.has(bareHash(deviceId)) ?? false;
}

/** The KMS as a 465 answer and a compose provision describe it. */
export function kmsInfoOf(state: MockState, cvm: Pick<MockCvm, "appId">) {
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

export function deviceIdOf(state: MockState, cvm: Pick<MockCvm, "nodeId">): string {
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
  const operations = ++store(state).operations;
  return `op_${cvm.id}_${operations}`;
}

const TRANSACTION_HASH = /^0x[0-9a-f]{64}$/i;

/**
 * The statuses a flow answers a bad proof with: the update endpoints have their
 * own (466 for an invalid or expired hash, 467 for a transaction that does not
 * verify); the others answer 400 or 409.
 */
export interface ProofStatuses {
  invalidHash: 400 | 409 | 466;
  failedTransaction: 400 | 467;
}

const OTHER_FLOWS: ProofStatuses = { invalidHash: 409, failedTransaction: 400 };

/** PATCH /cvms/{id}, /envs, /docker-compose, /pre-launch-script. */
export const UPDATE_FLOWS: ProofStatuses = { invalidHash: 466, failedTransaction: 467 };

/** Throws the API's "invalid or expired compose hash" in the flow's status. */
export function invalidComposeHashError(
  statuses: ProofStatuses,
  message: string,
  details: { field: string; value: unknown; message: null }[],
  suggestion: string,
) {
  return phalaError(statuses.invalidHash, {
    errorCode: "ERR-01-006",
    message,
    details,
    suggestions: [suggestion],
  });
}

/**
 * The mock cannot read a chain: a follow-up proves registration by naming the
 * pending hash and a well-formed transaction hash. Throws the API's errors otherwise.
 */
export function checkRegistrationProof(
  expectedHash: string,
  composeHash: string | undefined,
  transactionHash: string | undefined,
  statuses: ProofStatuses = OTHER_FLOWS,
): void {
  if (transactionHash === undefined || !TRANSACTION_HASH.test(transactionHash)) {
    throw phalaError(statuses.failedTransaction, {
      errorCode: "ERR-01-007",
      message: "Transaction verification failed: expected a transaction hash (0x and 64 hex)",
      details: [{ field: "transaction_hash", value: transactionHash ?? null, message: null }],
      suggestions: ["Send the hash of the transaction that registered the compose hash"],
    });
  }
  if (composeHash === undefined || bareHash(composeHash) !== bareHash(expectedHash)) {
    throw invalidComposeHashError(
      statuses,
      "Compose hash is invalid or expired: it does not match the pending update",
      [
        { field: "compose_hash", value: composeHash ?? null, message: null },
        { field: "expected_compose_hash", value: expectedHash, message: null },
      ],
      "Repeat the update without hashes to get the current compose hash",
    );
  }
}

/** What a 465 is about: the app whose contract must allow the hash, and the node it runs on. */
export interface RegistrationTarget {
  appId: string;
  nodeId: number;
}

/** How a prepared change is committed once the hash is registered. */
export interface RegistrationCommit {
  token: string;
  /** Where a person confirms it in the dashboard. */
  url: string;
  /** Where a program sends the token and the transaction hash. */
  apiUrl: string;
}

/** The commit links of a prepare-only update of `cvm`. */
export function cvmUpdateCommit(cvm: MockCvm, token: string, baseUrl: string): RegistrationCommit {
  return {
    token,
    url: `https://cloud.phala.network/cvms/${cvm.id}/commit?token=${token}`,
    apiUrl: `${baseUrl}/cvms/${cvm.id}/commit-update`,
  };
}

/** How a 465 reads: what is to register, and how to finish once it is. */
export interface RegistrationRequired {
  commit?: RegistrationCommit;
  suggestion?: string;
  /** Default: the compose hash is what the contract does not allow yet. */
  message?: string;
  composeHashAllowed?: boolean;
  deviceIdAllowed?: boolean;
}

/**
 * The 465 answer, the one structured form every endpoint uses: register `hash`
 * (or the device) on-chain, then repeat with it and the transaction hash (or
 * commit with the token).
 */
export function registrationRequiredError(
  state: MockState,
  target: RegistrationTarget,
  hash: string,
  options: RegistrationRequired = {},
) {
  const composeHashAllowed = options.composeHashAllowed ?? false;
  const deviceIdAllowed = options.deviceIdAllowed ?? true;
  const details = [
    { field: "compose_hash", value: hash, message: null },
    { field: "app_id", value: `0x${target.appId}`, message: null },
    { field: "device_id", value: deviceIdOf(state, target), message: null },
    { field: "kms_info", value: kmsInfoOf(state, target), message: null },
    {
      field: "onchain_status",
      value: {
        compose_hash_allowed: composeHashAllowed,
        device_id_allowed: deviceIdAllowed,
        is_allowed: composeHashAllowed && deviceIdAllowed,
      },
      message: null,
    },
  ];
  const { commit } = options;
  if (commit) {
    details.push(
      { field: "commit_token", value: commit.token, message: null },
      { field: "commit_url", value: commit.url, message: null },
      { field: "api_commit_url", value: commit.apiUrl, message: null },
    );
  }
  return phalaError(465, {
    errorCode: "ERR-01-005",
    message: options.message ?? "Compose hash registration required on-chain",
    details,
    suggestions: [
      options.suggestion ??
        "Register the compose hash in the app contract (addComposeHash), then repeat the request with X-Compose-Hash and X-Transaction-Hash",
    ],
  });
}

/** A fresh commit token; `subject` (a CVM or app id) keeps tokens of different things apart. */
export function newCommitToken(state: MockState, subject: string): string {
  return `ct_${deterministicHex(`commit:${subject}:${++store(state).operations}`, 32)}`;
}
