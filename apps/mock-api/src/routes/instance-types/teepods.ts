// GET /teepods/available and GET /teepods/cvm-create-resources: the nodes a
// workspace can deploy to with what each has free, and everything a new CVM can
// use (nodes, KMS, instance types) in one answer.
//
// Both are absent from the API reference (listed in contract/exceptions.json).
// Filed under "Instance Types", the closest tag: they answer from the same
// deployment catalogue as GET /instance-types (sizes, OS images, nodes with room),
// and the reference has no tag for nodes or deployment capacity of its own.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { respond } from "../../internal/respond";
import { renderCvmCreateResources } from "../../versions/render-2026-05-22";
import { renderKmsInfo } from "../kms/list";
import {
  type CatalogueOsImage,
  capacityNode,
  gpuAvailability,
  sortedNodes,
  workspaceCapacity,
} from "./catalogue";

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

export function registerTeepodRoutes(
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
}
