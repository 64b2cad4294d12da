import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PermissionDeniedError, type RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { getWorkspace, safeGetWorkspace } from "./get-workspace";
import { setup, workspace } from "./workspaces.test-support";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("getWorkspace", () => {
  it.each([["acme"], [{ teamSlug: "acme" }]])("GETs /workspaces/acme given %j", async (args) => {
    const { fake, client } = setup({ body: workspace });
    const result = await getWorkspace(client, args);
    expect(fake.calls[0]).toMatchObject({ method: "GET", url: `${TEST_BASE_URL}/workspaces/acme` });
    expect(result.slug).toBe("acme");
  });

  it("encodes the slug and refuses an empty one", async () => {
    const { fake, client } = setup({ body: workspace });
    await getWorkspace(client, { teamSlug: "a/b" });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/workspaces/a%2Fb`);
    const result = await safeGetWorkspace(client, "");
    expect((result.error as RequestValidationError).issues[0]!.path).toBe("teamSlug");
    expect(fake.calls).toHaveLength(1);
  });

  it("surfaces 403 as PermissionDeniedError", async () => {
    const { client } = setup({ status: 403, body: { detail: "not a member" } });
    expect((await safeGetWorkspace(client, "x")).error).toBeInstanceOf(PermissionDeniedError);
  });
});
