// The provisions waiting for their commit, and the commit that turns one into a
// CVM (and its app, the first time).
import { deterministicHashid, deterministicHex } from "../../internal/deterministic-hex";
import { normalizeAppId } from "../../internal/lookup";
import type { MockApp, MockCvm, MockState } from "../../model";
import { envKeyPairFor } from "../kms/keys";
import { composeHashOf } from "./compose-hash";
import { appComposeDocument, bareHash, composeExtras } from "./compose-store";
import { createCvmRecord } from "./cvm-record";
import { lifecycleStore, type MockProvision } from "./status-machine";

/** How long a provision waits for its commit, on the request clock. */
export const PROVISION_TTL_MS = 60 * 60 * 1000;

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return [...buffer].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type ProvisionInput = Omit<
  MockProvision,
  | "composeHash"
  | "appCompose"
  | "appId"
  | "envKeyPair"
  | "envPublicKeyHex"
  | "expiresAtMs"
  | "committedCvmId"
  | "encryptedEnv"
> & {
  /** A caller-chosen app id (Phala KMS with a nonce), else a fresh one. */
  appId?: string;
};

/** The app compose a provision builds from its request, in the shape every CVM's has. */
export function provisionAppCompose(input: ProvisionInput): Record<string, unknown> {
  return appComposeDocument({
    name: input.appName,
    dockerComposeFile: input.composeFile,
    preLaunchScript: input.preLaunchScript ?? "",
    allowedEnvs: input.allowedEnvs,
    gatewayEnabled: input.gatewayEnabled,
    publicLogs: input.publicLogs,
    publicSysinfo: input.publicSysinfo,
    publicTcbinfo: input.publicTcbinfo,
    secureTime: input.secureTime,
    storageFs: input.storageFs,
  });
}

/** Stores a provision and returns it; an on-chain KMS gets no app id nor env key yet. */
export async function createProvision(
  state: MockState,
  input: ProvisionInput,
  now: Date,
): Promise<MockProvision> {
  const { appId: requestedAppId, ...rest } = input;
  const onChain = input.kms.kind !== "phala";
  const appId = onChain ? null : (requestedAppId ?? randomHex(20));
  // The KMS module's key for (KMS, app), so `GET /kms/{kms}/pubkey/{app_id}` agrees.
  const envKeyPair = appId === null ? null : await envKeyPairFor(state, input.kms, appId);
  const envPublicKeyHex = envKeyPair
    ? toHex(await crypto.subtle.exportKey("raw", envKeyPair.publicKey))
    : null;
  const appCompose = provisionAppCompose(input);
  const provision: MockProvision = {
    ...rest,
    composeHash: composeHashOf(appCompose),
    appCompose,
    appId,
    envKeyPair,
    envPublicKeyHex,
    expiresAtMs: now.getTime() + PROVISION_TTL_MS,
    committedCvmId: null,
    encryptedEnv: null,
  };
  lifecycleStore(state).provisions.push(provision);
  return provision;
}

/**
 * The workspace's live provision with this compose hash, or undefined when unknown
 * or expired. Equal app composes share a hash, so among several the one of `appId`
 * wins (its own app id, or the app id it was committed with), then the newest
 * uncommitted on-chain one (it takes the app id the commit brings), then the newest.
 */
export function findProvision(
  state: MockState,
  composeHash: string,
  now: Date,
  scope: { workspaceId: string; appId: string },
): MockProvision | undefined {
  const hash = bareHash(composeHash.trim());
  const live = lifecycleStore(state).provisions.filter(
    (provision) =>
      provision.composeHash === hash &&
      provision.workspaceId === scope.workspaceId &&
      (provision.committedCvmId !== null || now.getTime() <= provision.expiresAtMs),
  );
  const committedApp = (provision: MockProvision) =>
    provision.committedCvmId === null ? null : state.cvms.get(provision.committedCvmId)?.appId;
  return (
    live.find((provision) => provision.appId === scope.appId) ??
    live.find((provision) => committedApp(provision) === scope.appId) ??
    [...live]
      .reverse()
      .find((provision) => provision.appId === null && provision.committedCvmId === null) ??
    live[live.length - 1]
  );
}

/** The provision an app id was provisioned with, for other modules (env key lookup). */
export function provisionForApp(state: MockState, appId: string): MockProvision | undefined {
  const bare = normalizeAppId(appId);
  return lifecycleStore(state).provisions.find((provision) => provision.appId === bare);
}

/**
 * The X25519 private key that the env vars of a provisioned app are encrypted
 * to, so a test can decrypt what `encryptEnvVars` produced; undefined for an
 * app the mock did not provision or one with an on-chain KMS.
 */
export function provisionPrivateKeyFor(state: MockState, appId: string): CryptoKey | undefined {
  return provisionForApp(state, appId)?.envKeyPair?.privateKey;
}

interface CommitInput {
  appId: string;
  encryptedEnv: string | null;
  envKeys: string[] | null;
  contractAddress: string | null;
  deployerAddress: string | null;
}

function ensureApp(
  state: MockState,
  provision: MockProvision,
  input: CommitInput,
  now: Date,
): MockApp {
  const existing = state.apps.get(input.appId);
  if (existing) return existing;
  const app: MockApp = {
    appId: input.appId,
    hashedId: deterministicHashid("prj", `app-row:${input.appId}`),
    name: provision.appName,
    workspaceId: provision.workspaceId,
    creatorId: provision.creatorId,
    kmsId: provision.kms.id,
    provisionType: "phala_cloud",
    iconUrl: null,
    createdAt: now.toISOString(),
    profile: null,
    contractAddress: input.contractAddress,
    deployerAddress: input.deployerAddress,
  };
  state.apps.set(app.appId, app);
  return app;
}

/**
 * Creates the CVM of a provision (and its app, the first time). The caller has
 * checked the app id and the idempotency rules.
 */
export function commitProvision(
  state: MockState,
  provision: MockProvision,
  input: CommitInput,
  now: Date,
): MockCvm {
  ensureApp(state, provision, input, now);
  const cvm = createCvmRecord(
    state,
    {
      name: provision.name,
      appId: input.appId,
      workspaceId: provision.workspaceId,
      creatorId: provision.creatorId,
      nodeId: provision.nodeId,
      size: provision.size,
      diskGb: provision.diskGb,
      os: provision.os,
      composeFile: provision.composeFile,
      composeHash: provision.composeHash,
      encryptedEnvPubkey:
        provision.envPublicKeyHex ?? deterministicHex(`env-pubkey:${input.appId}`, 64),
      listed: provision.listed,
      publicLogs: provision.publicLogs,
      publicSysinfo: provision.publicSysinfo,
      publicTcbinfo: provision.publicTcbinfo,
      gatewayEnabled: provision.gatewayEnabled,
      secureTime: provision.secureTime,
      storageFs: provision.storageFs,
      features: provision.features,
    },
    now,
  );
  // What the compose module keeps beside the model, so the CVM's app compose (and
  // its hash) is the provision's.
  const extras = composeExtras(state, cvm);
  extras.preLaunchScript = provision.preLaunchScript ?? "";
  extras.allowedEnvs = [...provision.allowedEnvs];
  extras.encryptedEnv = input.encryptedEnv;
  cvm.preLaunchScriptHash = provision.preLaunchScript
    ? deterministicHex(`pre-launch:${provision.preLaunchScript}`, 64)
    : null;
  provision.committedCvmId = cvm.id;
  provision.encryptedEnv = input.encryptedEnv;
  if (input.envKeys) provision.envKeys = input.envKeys;
  return cvm;
}
