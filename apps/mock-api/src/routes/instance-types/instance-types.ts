// GET /instance-types and GET /instance-types/{family}: the sizes a CVM can have.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { MockApiError } from "../../internal/errors";
import { type CatalogueInstanceType, INSTANCE_TYPES } from "./catalogue";

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

export function registerInstanceTypeListRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
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
}
