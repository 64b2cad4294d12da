import { deterministicHashid } from "../internal/deterministic-hex";
import type { Caller, MockKms, MockNode, MockState } from "../model";
import {
  capacityNode,
  gpuAvailability,
  INSTANCE_TYPES,
  imagesOnNode,
  OS_IMAGES,
  sortedNodes,
  workspaceCapacity,
} from "../routes/instance-types/catalogue";
import { contractOfKmsIn, kmsContracts } from "../routes/kms/contracts";
import type { CanonicalBody } from "./endpoints";

// `GET /teepods/cvm-create-resources` as 2026-05-22 (and 2026-06-23) answer it:
// KMS, KMS contract and gateway ids are strings. Before 2026-05-22 they were a
// number or a string; the mock's have always been strings (see change-2026-05-22).

type CreateResourcesBody = CanonicalBody<"getCvmCreateResources">;

/** The OS images a KMS lets CVMs boot: an on-chain KMS allows production images only. */
function imagesForKms(kms: MockKms) {
  return OS_IMAGES.filter((image) => kms.kind === "phala" || !image.isDev);
}

/** The gateway of a node for the CVMs of one KMS contract (mock ids, stable per pair). */
function gatewayId(node: MockNode, contractId: string): string {
  return deterministicHashid("gw", `gateway:${node.id}:${contractId}`);
}

export function renderCvmCreateResources(state: MockState, caller: Caller): CreateResourcesBody {
  const kmsNodes = [...state.kms.values()];
  const nodes = sortedNodes(state);
  // The KMS contracts, derived once for every lookup below.
  const contracts = kmsContracts(state);
  const contractOf = contractOfKmsIn(contracts);
  return {
    ...workspaceCapacity(caller.workspace),
    nodes: nodes.map((node) => ({
      ...capacityNode(state, node, (image) => ({
        name: image.name,
        is_dev: image.isDev,
        version: image.version,
        os_image_hash: image.imageHash,
      })),
      device_ids: [{ device_id: node.deviceId, algorithm_version: "v1", enabled: true }],
    })),
    kms_nodes: kmsNodes.map((kms) => ({
      id: kms.id,
      slug: kms.slug,
      url: kms.url,
      version: kms.version,
      kms_type: kms.kind,
      chain_id: kms.chainId,
      kms_contract_id: contractOf(kms).id,
      kms_contract_address: kms.contractAddress,
      gateway_app_id: kms.gatewayAppId,
      supported_os_images: imagesForKms(kms).map((image) => image.name),
    })),
    node_kms_relations: nodes.flatMap((node) => {
      const onNode = new Set(imagesOnNode(node).map((image) => image.name));
      return kmsNodes.map((kms) => ({
        teepod_id: node.id,
        kms_id: kms.id,
        kms_type: kms.kind,
        kms_contract_id: contractOf(kms).id,
        kms_contract_address: kms.contractAddress,
        supported_os_images: imagesForKms(kms)
          .map((image) => image.name)
          .filter((name) => onNode.has(name)),
      }));
    }),
    gateway_nodes: nodes.flatMap((node) =>
      contracts.map((contract) => ({
        id: gatewayId(node, contract.id),
        teepod_id: node.id,
        kms_contract_id: contract.id,
        rpc_url: `https://${node.gatewayCname}:9202`,
        domain_suffix: node.gatewayBaseDomain,
        enabled: node.status === "ONLINE",
      })),
    ),
    instance_types: INSTANCE_TYPES.map((type, index) => ({
      id: type.id,
      name: type.name,
      vcpu: type.vcpu,
      memory_mb: type.memoryMb,
      default_disk_size_gb: type.defaultDiskGb,
      requires_gpu: type.gpuCount > 0,
      requires_gpu_count: type.gpuCount,
      family: type.family,
      display_order: index,
    })),
    gpu_availability: gpuAvailability(state, caller.workspace),
  };
}
