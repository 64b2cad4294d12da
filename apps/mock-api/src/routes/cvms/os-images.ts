// PATCH /cvms/{cvm_id}/os-image and GET /cvms/{cvm_id}/available-os-images. Two
// lists of images: the ones a CVM can be created with or moved to (OS_IMAGES
// here), and the public catalogue the listings show (instance-types/catalogue.ts).
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { cvmNotFoundError, phalaError } from "../../internal/errors";
import { resolveCvm } from "../../internal/lookup";
import { operationAccepted } from "../../internal/respond";
import type { MockOsImage } from "../../model";
import {
  OS_IMAGES as CATALOGUE_OS_IMAGES,
  type CatalogueOsImage,
  compareVersions,
  imagesOnNode,
} from "../instance-types/catalogue";
import { cvmOf } from "./shared";
import { applyChangeWithRestart } from "./status-machine";

/** Hashes follow the seed's rule, so a seeded CVM's image is found by name. */
function osImage(version: string, isDev = false): MockOsImage {
  return {
    name: `dstack-${isDev ? "dev-" : ""}${version}`,
    version,
    isDev,
    imageHash: deterministicHex(`os:${version}:${isDev}`, 64),
  };
}

/** The OS images the mock offers, newest stable first. */
export const OS_IMAGES: readonly MockOsImage[] = [
  osImage("0.5.4"),
  osImage("0.5.3"),
  osImage("0.5.2"),
  osImage("0.5.4", true),
  osImage("0.5.3", true),
];

export function findOsImage(name: string): MockOsImage | undefined {
  return OS_IMAGES.find((image) => image.name === name);
}

export function imageNotFound(name: string) {
  return phalaError(404, {
    errorCode: "ERR-02-010",
    message: `OS image '${name}' not found`,
    details: [{ field: "image", value: name, message: null }],
    suggestions: [`Available images: ${OS_IMAGES.map((image) => image.name).join(", ")}`],
  });
}

export function registerOsImageRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/cvms/:cvm_id/available-os-images", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const id = c.req.param("cvm_id");
    const cvm = resolveCvm(state, caller.workspace.id, id);
    if (!cvm) throw cvmNotFoundError(id);
    const node = state.nodes.get(cvm.nodeId);
    const current = CATALOGUE_OS_IMAGES.find((image) => image.imageHash === cvm.os.imageHash);
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

  api.patch("/cvms/:cvm_id/os-image", requireApiKey, async (c) => {
    const { state, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const name = body.string("os_image_name", true);
    body.assertValid();
    const cvm = cvmOf(c);
    const image = findOsImage(name);
    if (!image) throw imageNotFound(name);
    if (image.isDev !== cvm.os.isDev) {
      throw phalaError(400, {
        errorCode: "ERR-02-013",
        message: `OS image '${name}' is not compatible with this CVM (${cvm.os.isDev ? "dev" : "production"} image)`,
        details: [{ field: "os_image_name", value: name, message: null }],
        suggestions: [
          "List the images this CVM can move to with GET /cvms/{id}/available-os-images",
        ],
      });
    }
    if (image.name === cvm.os.name) {
      throw phalaError(409, {
        errorCode: "ERR-02-008",
        message: `CVM already runs OS image '${name}'`,
        details: [{ field: "os_image_name", value: name, message: null }],
      });
    }
    const operation = applyChangeWithRestart(state, cvm, "os-upgrade", now);
    cvm.os = image;
    return c.json(operationAccepted(operation, "OS image update in progress"), 202);
  });
}
