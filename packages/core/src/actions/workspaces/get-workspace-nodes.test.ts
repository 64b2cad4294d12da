import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getWorkspaceNodes, safeGetWorkspaceNodes } from "./get-workspace-nodes";
import { setup } from "./workspaces.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const node = {
  object_type: "node",
  id: 5,
  name: "prod5",
  region: "us-west-1",
  device_id: "ab",
  ppid: "cd",
  status: "online",
  version: "0.5.3",
};

describe("getWorkspaceNodes", () => {
  const nodes = { items: [node], total: 3, page: 2, page_size: 1, pages: 3 };

  it("GETs the nodes and sends pageSize as page_size", async () => {
    const { fake, client } = setup({ body: nodes });
    const result = await getWorkspaceNodes(client, { teamSlug: "acme", page: 2, pageSize: 1 });
    const url = new URL(fake.calls[0]!.url);
    expect(url.pathname).toBe("/api/v1/workspaces/acme/nodes");
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: "2", page_size: "1" });
    expect(result.items[0]!.name).toBe("prod5");
  });

  it("sends no query when not paging", async () => {
    const { fake, client } = setup({ body: nodes });
    await getWorkspaceNodes(client, { teamSlug: "acme" });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/workspaces/acme/nodes`);
  });

  it.each([
    [{ teamSlug: "acme", pageSize: 0 }, "pageSize"],
    [{ teamSlug: "acme", page: 0 }, "page"],
    [{ page: 1 }, "teamSlug"],
  ])("refuses %j", async (args, field) => {
    const { fake, client } = setup({ body: nodes });
    const result = await safeGetWorkspaceNodes(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });
});
