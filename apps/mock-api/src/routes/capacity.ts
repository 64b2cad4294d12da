import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";
import { cvmNotFoundError, MockApiError } from "../errors";
import { resolveCvm } from "../lookup";
import type { MockKms, MockState } from "../model";
import { QueryReader, readPagination } from "../query";
import {
  type CatalogueInstanceType,
  type CatalogueOsImage,
  compareVersions,
  gpuAvailability,
  INSTANCE_TYPES,
  imagesOnNode,
  nodeRemaining,
  OS_IMAGES,
  tierLimits,
} from "../resources/capacity";
import { renderCvmCreateResources } from "../versions/render-2026-05-22";
import { renderKmsInfo } from "./kms";
import { respond } from "./respond";

function renderInstanceType(type: CatalogueInstanceType) {
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    vcpu: type.vcpu,
    memory_mb: type.memoryMb,
    hourly_rate: type.hourlyRate,
    requires_gpu: type.gpuCount > 0,
    default_disk_size_gb: type.defaultDiskGb,
    family: type.family,
  };
}

function families(): string[] {
  return [...new Set(INSTANCE_TYPES.map((type) => type.family))];
}

function renderNodeImage(image: CatalogueOsImage) {
  return {
    name: image.name,
    slug: image.slug,
    release: image.version.join("."),
    published_at: image.publishedAt,
    is_dev: image.isDev,
    version: image.version,
    os_image_hash: image.imageHash,
    requires_gpu: image.requiresGpu,
    supports_cpu: true,
    supports_gpu: true,
    enabled: true,
  };
}

function defaultKms(state: MockState): MockKms | undefined {
  return [...state.kms.values()].find((kms) => kms.kind === "phala");
}

export function registerCapacityRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/teepods/available", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const limits = tierLimits(caller.workspace);
    const kmsList = [...state.kms.values()];
    const nodes = [...state.nodes.values()].sort((a, b) => a.id - b.id);
    return c.json(
      {
        tier: caller.workspace.tier,
        capacity: {
          max_instances: limits.vmSlots,
          max_vcpu: limits.vcpu,
          max_memory: limits.memoryMb,
          max_disk: limits.diskGb,
        },
        nodes: nodes.map((node) => {
          const remaining = nodeRemaining(state, node);
          return {
            teepod_id: node.id,
            name: node.name,
            listed: true,
            resource_score: remaining.score,
            remaining_vcpu: remaining.vcpu,
            remaining_memory: remaining.memoryMb,
            remaining_cvm_slots: remaining.cvmSlots,
            images: imagesOnNode(node).map(renderNodeImage),
            support_onchain_kms: true,
            fmspc: node.ppid.slice(0, 12),
            device_id: node.deviceId,
            region_identifier: node.region,
            default_kms: defaultKms(state)?.slug ?? null,
            kms_list: kmsList.map((kms) => kms.slug),
          };
        }),
        kms_list: kmsList.map(renderKmsInfo),
        gpu_availability: gpuAvailability(state, caller.workspace),
      },
      200,
    );
  });

  // Everything a new CVM can use, in one answer; its KMS and gateway ids are strings from 2026-05-22.
  api.get("/teepods/cvm-create-resources", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    return respond(c, "getCvmCreateResources", renderCvmCreateResources(state, caller));
  });

  api.get("/instance-types", requireApiKey, (c) =>
    c.json(
      {
        result: families().map((family) => {
          const items = INSTANCE_TYPES.filter((type) => type.family === family);
          return { name: family, items: items.map(renderInstanceType), total: items.length };
        }),
      },
      200,
    ),
  );

  api.get("/instance-types/:family", requireApiKey, (c) => {
    const family = c.req.param("family");
    const items = INSTANCE_TYPES.filter((type) => type.family === family);
    if (items.length === 0) {
      throw new MockApiError(404, { detail: `Instance type family '${family}' not found` });
    }
    return c.json({ items: items.map(renderInstanceType), total: items.length, family }, 200);
  });

  api.get("/os-images", requireApiKey, (c) => {
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const { page, pageSize } = readPagination(query, 50);
    const isDev = query.bool("is_dev");
    query.assertValid();
    const images = OS_IMAGES.filter((image) => isDev === undefined || image.isDev === isDev)
      .slice()
      .sort((a, b) => compareVersions(b.version, a.version) || a.name.localeCompare(b.name));
    return c.json(
      {
        items: images.slice((page - 1) * pageSize, page * pageSize).map((image) => ({
          name: image.name,
          slug: image.slug,
          version: image.version.join("."),
          os_image_hash: image.imageHash,
          is_dev: image.isDev,
          requires_gpu: image.requiresGpu,
        })),
        total: images.length,
        page,
        page_size: pageSize,
        pages: Math.max(1, Math.ceil(images.length / pageSize)),
      },
      200,
    );
  });

  api.get("/cvms/:cvm_id/available-os-images", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const id = c.req.param("cvm_id");
    const cvm = resolveCvm(state, caller.workspace.id, id);
    if (!cvm) throw cvmNotFoundError(id);
    const node = state.nodes.get(cvm.nodeId);
    const current = OS_IMAGES.find((image) => image.imageHash === cvm.os.imageHash);
    const currentVersion = current?.version ?? [0, 0, 0];
    // Deployed on the CVM's node, not older than what it runs, GPU images only for
    // GPU CVMs, and a production CVM never gets a dev build.
    const candidates = (node ? imagesOnNode(node) : []).filter(
      (image) =>
        compareVersions(image.version, currentVersion) >= 0 &&
        (!image.requiresGpu || cvm.gpus > 0) &&
        (cvm.os.isDev || !image.isDev),
    );
    const versions = [...new Set(candidates.map((image) => image.version.join(".")))];
    const variant = (image: CatalogueOsImage | undefined) =>
      image
        ? {
            name: image.name,
            slug: image.slug,
            os_image_hash: image.imageHash,
            is_current: image.imageHash === cvm.os.imageHash,
          }
        : null;
    const body = versions
      .map((dotted) => {
        const same = candidates.filter((image) => image.version.join(".") === dotted);
        return {
          version: same[0]!.version,
          prod: variant(same.find((image) => !image.isDev)),
          dev: variant(same.find((image) => image.isDev)),
        };
      })
      .sort((a, b) => compareVersions(b.version, a.version));
    return c.json(body, 200);
  });
}
