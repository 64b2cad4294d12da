// Replicas: a new VM of the same app and compose on another node, and the ones
// waiting for their device's on-chain registration.
import { deterministicHex } from "../../internal/deterministic-hex";
import { appCvms } from "../../internal/lookup";
import { type Caller, getApp, getNode, type MockCvm, type MockState } from "../../model";
import { composeExtras } from "./compose-store";
import { createCvmRecord } from "./cvm-record";
import { isDeviceRegistered } from "./registration";
import { lifecycleStore, type PreparedReplica } from "./status-machine";

/** What a replica request asks for. */
export interface ReplicaRequest {
  nodeId: number;
  encryptedEnv: string | null;
}

/** A new VM of the same app and compose file, on `nodeId`, booting. */
export function replicateCvmRecord(
  state: MockState,
  source: MockCvm,
  nodeId: number,
  caller: Caller,
  now: Date,
): MockCvm {
  getApp(state, source.appId);
  getNode(state, nodeId);
  const siblings = [...state.cvms.values()].filter(
    (cvm) => cvm.appId === source.appId && cvm.deletedAt === null,
  ).length;
  return createCvmRecord(
    state,
    {
      name: `${source.name}-replica-${siblings}`,
      appId: source.appId,
      workspaceId: source.workspaceId,
      creatorId: caller.user.id,
      nodeId,
      size: {
        name: source.instanceType,
        vcpu: source.vcpu,
        memoryMb: source.memoryMb,
        diskGb: source.diskGb,
        gpus: source.gpus,
        hourlyPrice: source.hourlyPrice,
      },
      diskGb: source.diskGb,
      os: source.os,
      composeFile: source.composeFile,
      composeHash: source.composeHash,
      encryptedEnvPubkey: source.encryptedEnvPubkey,
      listed: source.listed,
      publicLogs: source.publicLogs,
      publicSysinfo: source.publicSysinfo,
      publicTcbinfo: source.publicTcbinfo,
      gatewayEnabled: source.gatewayEnabled,
      secureTime: source.secureTime,
      storageFs: source.storageFs,
      features: source.features,
    },
    now,
  );
}

/** Whether the app's contract allows a device: one its VMs run on, or one registered. */
export function deviceAllowed(state: MockState, appId: string, deviceId: string): boolean {
  const running = appCvms(state, appId).some(
    (cvm) => getNode(state, cvm.nodeId).deviceId === deviceId,
  );
  return running || isDeviceRegistered(state, appId, deviceId);
}

/** A new VM of the source's app and compose, on the requested node, booting. */
export function createReplica(
  state: MockState,
  source: MockCvm,
  request: ReplicaRequest,
  caller: Caller,
  now: Date,
): MockCvm {
  const replica = replicateCvmRecord(state, source, request.nodeId, caller, now);
  const from = composeExtras(state, source);
  const extras = composeExtras(state, replica);
  extras.preLaunchScript = from.preLaunchScript;
  extras.allowedEnvs = [...from.allowedEnvs];
  extras.encryptedEnv = request.encryptedEnv ?? from.encryptedEnv;
  replica.preLaunchScriptHash = source.preLaunchScriptHash;
  return replica;
}

/** Keeps a replica request until its commit; returns the commit token. */
export function prepareReplica(
  state: MockState,
  source: MockCvm,
  request: ReplicaRequest,
  userId: number,
): string {
  const lifecycle = lifecycleStore(state);
  lifecycle.operationCounter += 1;
  const token = `ct_${deterministicHex(`replica:${source.id}:${userId}:${lifecycle.operationCounter}`, 32)}`;
  lifecycle.preparedReplicas.set(token, { token, sourceId: source.id, ...request });
  return token;
}

/** The prepared replica of `source` with this token, removed from the store; undefined if none. */
export function takePreparedReplica(
  state: MockState,
  source: MockCvm,
  token: string,
): PreparedReplica | undefined {
  const prepared = lifecycleStore(state).preparedReplicas.get(token);
  if (!prepared || prepared.sourceId !== source.id) return undefined;
  lifecycleStore(state).preparedReplicas.delete(token);
  return prepared;
}

/** Puts back a prepared replica whose commit failed. */
export function restorePreparedReplica(state: MockState, prepared: PreparedReplica): void {
  lifecycleStore(state).preparedReplicas.set(prepared.token, prepared);
}
