// GET /os-images: the public catalogue of OS images.
//
// Absent from the API reference (listed in contract/exceptions.json). Filed under
// "Instance Types", the closest tag: the images are the other half of the
// deployment catalogue that GET /instance-types lists the sizes of.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { paged, QueryReader, readPagination } from "../../internal/query";
import { compareVersions, OS_IMAGES } from "./catalogue";

export function registerOsImageCatalogueRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
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
}
