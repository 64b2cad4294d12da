import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockCvm, MockNode, MockState, MockWorkspace } from "../../model";
import { tierLimits } from "../workspaces/limits";

// Mock data: the public catalogue of OS images and instance types. Names, hashes
// and sizes match what `seed.ts` gives the seeded CVMs, so a CVM's current image
// and instance type are found here.

export interface CatalogueOsImage {
  name: string;
  slug: string;
  version: [number, number, number];
  isDev: boolean;
  requiresGpu: boolean;
  imageHash: string;
  publishedAt: string;
  /** Nodes the image is deployed on. */
  nodeNames: readonly string[];
}

const ALL_NODES = ["prod5", "prod7", "prod9"] as const;

function osImage(
  version: [number, number, number],
  isDev: boolean,
  publishedAt: string,
  nodeNames: readonly string[] = ALL_NODES,
): CatalogueOsImage {
  const dotted = version.join(".");
  const name = `dstack-${isDev ? "dev-" : ""}${dotted}`;
  return {
    name,
    slug: name,
    version,
    isDev,
    requiresGpu: false,
    // The same label seed.ts hashes, so seeded CVMs point at these images.
    imageHash: deterministicHex(`os:${dotted}:${isDev}`, 64),
    publishedAt,
    nodeNames,
  };
}

/** Oldest first. 0.5.1 is no longer deployed on prod9. */
export const OS_IMAGES: readonly CatalogueOsImage[] = [
  osImage([0, 5, 1], false, "2025-09-15T00:00:00.000Z", ["prod5", "prod7"]),
  osImage([0, 5, 1], true, "2025-09-15T00:00:00.000Z", ["prod5", "prod7"]),
  osImage([0, 5, 2], false, "2025-11-20T00:00:00.000Z"),
  osImage([0, 5, 2], true, "2025-11-20T00:00:00.000Z"),
  osImage([0, 5, 3], false, "2026-01-15T00:00:00.000Z"),
  osImage([0, 5, 3], true, "2026-01-15T00:00:00.000Z"),
];

export interface CatalogueInstanceType {
  id: string;
  name: string;
  description: string;
  vcpu: number;
  memoryMb: number;
  hourlyRate: string;
  gpuCount: number;
  gpuProductId: string | null;
  defaultDiskGb: number;
  family: string;
}

/** Grouped by family in this order; names and prices are those of the seeded CVMs. */
export const INSTANCE_TYPES: readonly CatalogueInstanceType[] = [
  cpuType("tdx.small", "1 vCPU, 2 GB", 1, 2048, "0.058", 20),
  cpuType("tdx.medium", "2 vCPU, 4 GB", 2, 4096, "0.116", 40),
  cpuType("tdx.large", "4 vCPU, 8 GB", 4, 8192, "0.232", 80),
  cpuType("tdx.xlarge", "8 vCPU, 16 GB", 8, 16384, "0.464", 160),
  {
    id: "h200.small",
    name: "h200.small",
    description: "1x NVIDIA H200, 24 vCPU, 192 GB",
    vcpu: 24,
    memoryMb: 196608,
    hourlyRate: "3.500",
    gpuCount: 1,
    gpuProductId: "nvidia-h200",
    defaultDiskGb: 500,
    family: "gpu",
  },
];

function cpuType(
  name: string,
  description: string,
  vcpu: number,
  memoryMb: number,
  hourlyRate: string,
  defaultDiskGb: number,
): CatalogueInstanceType {
  return {
    id: name,
    name,
    description,
    vcpu,
    memoryMb,
    hourlyRate,
    gpuCount: 0,
    gpuProductId: null,
    defaultDiskGb,
    family: "cpu",
  };
}

export { type TierLimits, tierLimits } from "../workspaces/limits";

/** The GPUs a workspace can still get: its reserved ones left, and the nodes' free ones. */
export function gpuAvailability(state: MockState, workspace: MockWorkspace) {
  const limits = tierLimits(workspace);
  const gpusFree = [...state.nodes.values()].reduce(
    (sum, node) => sum + Math.max(0, NODE_CAPACITY.gpus - nodeUsage(state, node).gpus),
    0,
  );
  const reservedInUse = liveCvms(state)
    .filter((cvm) => cvm.workspaceId === workspace.id)
    .reduce((sum, cvm) => sum + cvm.gpus, 0);
  return {
    has_reserved_gpus: limits.reservedGpus > 0,
    reserved_gpu_count: Math.max(0, limits.reservedGpus - reservedInUse),
    has_public_gpus: gpusFree > 0,
    public_gpu_count: gpusFree,
  };
}

/** What one node holds in total (mock data: every seeded node is the same size). */
export const NODE_CAPACITY = { vcpu: 192, memoryMb: 2097152, cvmSlots: 64, gpus: 8 } as const;

/** The CVMs that hold resources: not deleted. Stopped VMs keep their reservation. */
export function liveCvms(state: MockState): MockCvm[] {
  return [...state.cvms.values()].filter((cvm) => cvm.deletedAt === null);
}

export function nodeUsage(state: MockState, node: MockNode) {
  const onNode = liveCvms(state).filter((cvm) => cvm.nodeId === node.id);
  return {
    vcpu: onNode.reduce((sum, cvm) => sum + cvm.vcpu, 0),
    memoryMb: onNode.reduce((sum, cvm) => sum + cvm.memoryMb, 0),
    cvms: onNode.length,
    gpus: onNode.reduce((sum, cvm) => sum + cvm.gpus, 0),
  };
}

/** What a node still has free, and its score: the share free, averaged over what a CVM needs. */
export function nodeRemaining(state: MockState, node: MockNode) {
  const used = nodeUsage(state, node);
  const vcpu = Math.max(0, NODE_CAPACITY.vcpu - used.vcpu);
  const memoryMb = Math.max(0, NODE_CAPACITY.memoryMb - used.memoryMb);
  const cvmSlots = Math.max(0, NODE_CAPACITY.cvmSlots - used.cvms);
  const score =
    (vcpu / NODE_CAPACITY.vcpu +
      memoryMb / NODE_CAPACITY.memoryMb +
      cvmSlots / NODE_CAPACITY.cvmSlots) /
    3;
  return { vcpu, memoryMb, cvmSlots, score: Math.round(score * 1000) / 1000 };
}

/** The workspace's tier and limits, which both capacity answers open with. */
export function workspaceCapacity(workspace: MockWorkspace) {
  const limits = tierLimits(workspace);
  return {
    tier: workspace.tier,
    capacity: {
      max_instances: limits.vmSlots,
      max_vcpu: limits.vcpu,
      max_memory: limits.memoryMb,
      max_disk: limits.diskGb,
    },
  };
}

/** The nodes in id order. */
export function sortedNodes(state: MockState): MockNode[] {
  return [...state.nodes.values()].sort((a, b) => a.id - b.id);
}

/**
 * One node as `GET /teepods/available` and `GET /teepods/cvm-create-resources`
 * list it: what it has free, its OS images (rendered by `image`, the two
 * answers list different fields of them), its device and the KMS it takes.
 */
export function capacityNode<Image>(
  state: MockState,
  node: MockNode,
  image: (image: CatalogueOsImage) => Image,
) {
  const remaining = nodeRemaining(state, node);
  const kmsList = [...state.kms.values()];
  return {
    teepod_id: node.id,
    name: node.name,
    listed: true,
    resource_score: remaining.score,
    remaining_vcpu: remaining.vcpu,
    remaining_memory: remaining.memoryMb,
    remaining_cvm_slots: remaining.cvmSlots,
    images: imagesOnNode(node).map(image),
    support_onchain_kms: true,
    fmspc: node.ppid.slice(0, 12),
    device_id: node.deviceId,
    region_identifier: node.region,
    default_kms: kmsList.find((kms) => kms.kind === "phala")?.slug ?? null,
    kms_list: kmsList.map((kms) => kms.slug),
  };
}

export function imagesOnNode(node: MockNode): CatalogueOsImage[] {
  return OS_IMAGES.filter((image) => image.nodeNames.includes(node.name));
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
