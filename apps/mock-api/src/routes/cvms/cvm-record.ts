// A new CVM record (booting), as a commit or a replica creates it, and the VM
// record (`CvmVm`) the lifecycle endpoints and app instances answer with.
import type { CvmVmV20260522Schema } from "@phala/cloud-schemas";
import {
  deterministicHashid,
  deterministicHex,
  deterministicUuid,
} from "../../internal/deterministic-hex";
import {
  type CvmStatus,
  getNode,
  getUser,
  type MockCvm,
  type MockOsImage,
  type MockState,
} from "../../model";
import type { WireInput } from "../../versions/sdk-types";
import type { InstanceTypeSpec } from "./sizes";
import { beginTransition, lifecycleStore } from "./status-machine";

function services(composeFile: string): MockCvm["services"] {
  // Enough YAML for the mock: service names are the two-space-indented keys under
  // `services:`, each with an `image:` line.
  const found: MockCvm["services"] = [];
  let inServices = false;
  for (const line of composeFile.split(/\r?\n/)) {
    if (/^services:\s*$/.test(line)) {
      inServices = true;
      continue;
    }
    if (/^\S/.test(line)) inServices = false;
    if (!inServices) continue;
    const service = /^ {2}([A-Za-z0-9_.-]+):\s*$/.exec(line);
    if (service?.[1]) found.push({ name: service[1], image: "" });
    const image = /^ {4}image:\s*["']?([^"'\s]+)/.exec(line);
    const last = found[found.length - 1];
    if (image?.[1] && last) last.image = image[1];
  }
  return found;
}

function publishedPort(composeFile: string): number {
  const port = /["']?(\d{2,5}):\d{2,5}["']?/.exec(composeFile);
  return port?.[1] ? Number(port[1]) : 8080;
}

interface NewCvmFields {
  name: string;
  appId: string;
  workspaceId: string;
  creatorId: number;
  nodeId: number;
  size: InstanceTypeSpec;
  diskGb: number;
  os: MockOsImage;
  composeFile: string;
  composeHash: string;
  encryptedEnvPubkey: string;
  listed: boolean;
  publicLogs: boolean;
  publicSysinfo: boolean;
  publicTcbinfo: boolean;
  gatewayEnabled: boolean;
  secureTime: boolean;
  storageFs: string;
  features: string[];
}

/** A new CVM record, booting: `starting` until `transitionMs` has passed. */
export function createCvmRecord(state: MockState, fields: NewCvmFields, now: Date): MockCvm {
  const lifecycle = lifecycleStore(state);
  const tableId = lifecycle.nextTableId++;
  const seed = `${fields.appId}:${tableId}:${now.getTime()}`;
  const cvm: MockCvm = {
    tableId,
    id: deterministicHashid("cvm", `cvm:${seed}`),
    name: fields.name,
    vmUuid: deterministicUuid(`vm:${seed}`),
    appId: fields.appId,
    instanceId: null,
    workspaceId: fields.workspaceId,
    creatorId: fields.creatorId,
    status: "stopped",
    inProgress: false,
    vcpu: fields.size.vcpu,
    memoryMb: fields.size.memoryMb,
    diskGb: fields.diskGb,
    gpus: fields.size.gpus,
    instanceType: fields.size.name,
    billingPeriod: "hourly",
    hourlyPrice: fields.size.hourlyPrice,
    nodeId: fields.nodeId,
    os: fields.os,
    encryptedEnvPubkey: fields.encryptedEnvPubkey,
    composeFile: fields.composeFile,
    services: services(fields.composeFile),
    composeHash: fields.composeHash,
    dockerComposeHash: deterministicHex(`docker-compose:${fields.composeFile}`, 64),
    preLaunchScriptHash: null,
    publicPort: publishedPort(fields.composeFile),
    publicLogs: fields.publicLogs,
    publicSysinfo: fields.publicSysinfo,
    publicTcbinfo: fields.publicTcbinfo,
    gatewayEnabled: fields.gatewayEnabled,
    secureTime: fields.secureTime,
    listed: fields.listed,
    allowUpgrade: true,
    storageFs: fields.storageFs,
    projectType: null,
    features: [...fields.features],
    runner: "docker-compose",
    manifestVersion: "2",
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    startedAt: null,
    exitedAt: null,
    deletedAt: null,
    scheduledDeleteAt: null,
  };
  state.cvms.set(cvm.id, cvm);
  beginTransition(state, cvm, "create", "starting", "running", now);
  return cvm;
}

/** What differs between the endpoints that answer with a VM record. */
export interface CvmVmRendering {
  /** The status shown: the live one, or the one stored. */
  status: CvmStatus;
  /** The VM UUID as shown, with or without its dashes. */
  vmUuid: string;
  /** The port in `app_url`. */
  appUrlPort: number;
}

/**
 * The VM record (`CvmVm`) with the hashids of 2026-05-22 (`cvm_...`, `usr_...`);
 * the version chain takes them back for older versions.
 */
export function renderCvmVm(
  state: MockState,
  cvm: MockCvm,
  rendering: CvmVmRendering,
): WireInput<typeof CvmVmV20260522Schema> {
  const node = getNode(state, cvm.nodeId);
  return {
    id: cvm.id,
    name: cvm.name,
    status: rendering.status,
    teepod_id: node.id,
    teepod: { id: node.id, name: node.name },
    app_id: cvm.appId,
    vm_uuid: rendering.vmUuid,
    instance_id: cvm.instanceId,
    app_url: `https://${cvm.appId}-${rendering.appUrlPort}.${node.gatewayBaseDomain}`,
    base_image: cvm.os.name,
    vcpu: cvm.vcpu,
    memory: cvm.memoryMb,
    disk_size: cvm.diskGb,
    manifest_version: Number(cvm.manifestVersion),
    version: cvm.os.version,
    runner: cvm.runner,
    docker_compose_file: cvm.composeFile,
    features: [...cvm.features],
    created_at: cvm.createdAt,
    encrypted_env_pubkey: cvm.encryptedEnvPubkey,
    user_id: getUser(state, cvm.creatorId).hashedId,
  };
}
