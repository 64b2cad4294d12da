import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RequestValidationError, ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { listWorkspaces, safeListWorkspaces } from "./list-workspaces";
import { setup, workspace } from "./workspaces.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("listWorkspaces", () => {
  const page = { data: [workspace], pagination: { has_more: true, next_cursor: "c2", total: 3 } };

  it("GETs /workspaces with cursor and limit", async () => {
    const { fake, client } = setup({ body: page });
    const result = await listWorkspaces(client, { cursor: "c1", limit: 2 });
    const url = new URL(fake.calls[0]!.url);
    expect(fake.calls[0]!.method).toBe("GET");
    expect(url.pathname).toBe("/api/v1/workspaces");
    expect(Object.fromEntries(url.searchParams)).toEqual({ cursor: "c1", limit: "2" });
    expect(result.pagination.next_cursor).toBe("c2");
  });

  it("sends no query without arguments; an omitted billing_status comes back null", async () => {
    const { billing_status: _omitted, ...withoutStatus } = workspace;
    const { fake, client } = setup({ body: { ...page, data: [withoutStatus] } });
    const result = await listWorkspaces(client);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/workspaces`);
    // The contract gives it no default: an absent value is not claimed to be "active".
    expect(result.data[0]!.billing_status).toBeNull();
  });

  it.each([
    [{ limit: 0 }, "limit"],
    [{ limit: 101 }, "limit"],
    [{ cursor: 5 }, "cursor"],
    [{ page: 1 }, "page"],
  ])("refuses %j", async (args, field) => {
    const { fake, client } = setup({ body: page });
    const result = await safeListWorkspaces(client, args as never);
    expect((result.error as RequestValidationError).issues[0]!.path).toBe(field);
    expect(fake.calls).toHaveLength(0);
  });

  it("rejects a page without pagination", async () => {
    const { client } = setup({ body: { data: [] } });
    expect((await safeListWorkspaces(client)).error).toBeInstanceOf(ResponseValidationError);
  });
});
