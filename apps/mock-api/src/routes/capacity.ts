import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";
import { cvmNotFoundError, MockApiError } from "../errors";
import { resolveCvm } from "../lookup";
import { paged, QueryReader, readPagination } from "../query";
import {
  type CatalogueInstanceType,
  type CatalogueOsImage,
  capacityNode,
  compareVersions,
  gpuAvailability,
  INSTANCE_TYPES,
  imagesOnNode,
  OS_IMAGES,
  sortedNodes,
  workspaceCapacity,
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

export function registerCapacityRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/teepods/available", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    return c.json(
      {
        ...workspaceCapacity(caller.workspace),
        nodes: sortedNodes(state).map((node) => capacityNode(state, node, renderNodeImage)),
        kms_list: [...state.kms.values()].map(renderKmsInfo),
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
      paged(images, page, pageSize, (image) => ({
        name: image.name,
        slug: image.slug,
        version: image.version.join("."),
        os_image_hash: image.imageHash,
        is_dev: image.isDev,
        requires_gpu: image.requiresGpu,
      })),
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
