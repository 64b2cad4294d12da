// The sizes a CVM may be created or resized to, and how a request picks one.
import { phalaError } from "../../internal/errors";
import type { MockCvm } from "../../model";

export interface InstanceTypeSpec {
  name: string;
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpus: number;
  hourlyPrice: string;
}

/** The sizes a CVM may be created or resized to, smallest first. */
export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = [
  { name: "tdx.small", vcpu: 1, memoryMb: 2048, diskGb: 20, gpus: 0, hourlyPrice: "0.058" },
  { name: "tdx.medium", vcpu: 2, memoryMb: 4096, diskGb: 40, gpus: 0, hourlyPrice: "0.116" },
  { name: "tdx.large", vcpu: 4, memoryMb: 8192, diskGb: 80, gpus: 0, hourlyPrice: "0.232" },
  { name: "tdx.xlarge", vcpu: 8, memoryMb: 16384, diskGb: 160, gpus: 0, hourlyPrice: "0.464" },
  { name: "h200.small", vcpu: 24, memoryMb: 196608, diskGb: 500, gpus: 1, hourlyPrice: "3.500" },
];

export const DEFAULT_INSTANCE_TYPE = "tdx.small";

export function findInstanceType(name: string): InstanceTypeSpec | undefined {
  return INSTANCE_TYPES.find((type) => type.name === name);
}

/** The smallest type with at least this much; what a vcpu/memory request is matched to. */
export function smallestInstanceTypeFor(vcpu = 0, memoryMb = 0): InstanceTypeSpec | undefined {
  return INSTANCE_TYPES.find((type) => type.vcpu >= vcpu && type.memoryMb >= memoryMb);
}

/**
 * The size a create or resize asks for: a named instance type, else the
 * smallest type with the vCPUs and memory asked for, else the default.
 */
export function chooseSize(
  instanceType: string | undefined,
  vcpu: number | undefined,
  memory: number | undefined,
): InstanceTypeSpec {
  if (instanceType !== undefined) {
    const type = findInstanceType(instanceType);
    if (!type) {
      throw phalaError(404, {
        errorCode: "ERR-02-001",
        message: `Instance type '${instanceType}' not found`,
        details: [{ field: "instance_type", value: instanceType, message: null }],
        suggestions: ["List the instance types with GET /instance-types"],
      });
    }
    return type;
  }
  if (vcpu === undefined && memory === undefined) {
    return findInstanceType(DEFAULT_INSTANCE_TYPE) as InstanceTypeSpec;
  }
  const type = smallestInstanceTypeFor(vcpu, memory);
  if (!type) {
    throw phalaError(400, {
      errorCode: "ERR-02-002",
      message: "No instance type offers the requested vCPUs and memory",
      details: [
        { field: "vcpu", value: vcpu ?? null, message: null },
        { field: "memory", value: memory ?? null, message: null },
      ],
    });
  }
  return type;
}

/** What a resize asks for, as the API names the fields. */
export interface ResizeRequest {
  vcpu?: number;
  memory?: number;
  diskSize?: number;
  instanceType?: string;
}

/** The sizes a CVM gets from a resize request; throws the API's 400/404 for an impossible one. */
export function planResize(cvm: MockCvm, request: ResizeRequest) {
  const { vcpu, memory, diskSize, instanceType } = request;
  const size =
    instanceType !== undefined || vcpu !== undefined || memory !== undefined
      ? chooseSize(
          instanceType,
          vcpu ?? (instanceType ? undefined : cvm.vcpu),
          memory ?? (instanceType ? undefined : cvm.memoryMb),
        )
      : undefined;
  if (diskSize !== undefined && diskSize < cvm.diskGb) {
    throw phalaError(400, {
      errorCode: "ERR-02-009",
      message: `Disk size cannot be reduced (current ${cvm.diskGb} GB, requested ${diskSize} GB)`,
      details: [{ field: "disk_size", value: diskSize, message: null }],
      suggestions: [`Request ${cvm.diskGb} GB or more`],
    });
  }
  return {
    instanceType: size?.name,
    vcpu: size ? (vcpu ?? size.vcpu) : undefined,
    memoryMb: size ? (memory ?? size.memoryMb) : undefined,
    gpus: size?.gpus,
    hourlyPrice: size?.hourlyPrice,
    diskGb: diskSize,
  };
}
