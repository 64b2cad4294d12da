// The on-chain side of a change: which compose hashes and devices an app
// contract allows (the mock's stand-in for the chain), the proof a follow-up
// brings, and the 465 that asks for a registration first.
import { deterministicHex } from "../../internal/deterministic-hex";
import { phalaError } from "../../internal/errors";
import { getApp, getKms, getNode, type MockCvm, type MockState } from "../../model";
import { bareHash, composeStore } from "./compose-store";

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const values = map.get(key) ?? new Set<string>();
  values.add(value);
  map.set(key, values);
}

export function isOnChain(state: MockState, cvm: Pick<MockCvm, "appId">): boolean {
  return getKms(state, getApp(state, cvm.appId).kmsId).kind !== "phala";
}

export function isRegistered(state: MockState, cvm: Pick<MockCvm, "appId">, hash: string): boolean {
  return composeStore(state).registered.get(cvm.appId)?.has(hash) ?? false;
}

export function markRegistered(state: MockState, cvm: Pick<MockCvm, "appId">, hash: string): void {
  addTo(composeStore(state).registered, cvm.appId, hash);
}

/**
 * Test hook: the app's contract refuses `hash` from now on, as a contract owner
 * may. An update to it answers 468 (`ERR-01-008`), whatever proof comes with it.
 */
export function disallowComposeHash(state: MockState, appId: string, hash: string): void {
  addTo(
    composeStore(state).disallowed,
    appId.toLowerCase().replace(/^(0x|app_)/, ""),
    bareHash(hash),
  );
}

export function isDisallowed(state: MockState, cvm: Pick<MockCvm, "appId">, hash: string): boolean {
  return composeStore(state).disallowed.get(cvm.appId)?.has(bareHash(hash)) ?? false;
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
  addTo(composeStore(state).devices, appId, bareHash(deviceId));
}

export function isDeviceRegistered(state: MockState, appId: string, deviceId: string): boolean {
  return composeStore(state).devices.get(appId)?.has(bareHash(deviceId)) ?? false;
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
  return `ct_${deterministicHex(`commit:${subject}:${++composeStore(state).operations}`, 32)}`;
}
