import { describe, expect, it } from "vitest";
import { ResponseValidationError } from "../../errors";
import { APP_HEX, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { revision, setup } from "./apps.test-support";
import { getAppRevisions, safeGetAppRevisions } from "./get-app-revisions";

describe("getAppRevisions", () => {
  it("GET /apps/{id}/revisions with page args", async () => {
    const { client, call } = setup({
      revisions: [revision],
      total: 1,
      page: 2,
      page_size: 500,
      total_pages: 1,
    });
    const result = await getAppRevisions(client, {
      appId: `0x${APP_HEX}`,
      page: 2,
      page_size: 500,
    });
    expect(call().method).toBe("GET");
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/revisions?page=2&page_size=500`);
    expect(call().headers["x-phala-version"]).toBe("2026-01-21");
    expect(call().headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(result.revisions[0]?.revision_id).toBe("rev_1");
  });

  it("names the wrong argument and sends nothing", async () => {
    const { client, fake } = setup({});
    await expect(
      getAppRevisions(client, { appId: APP_HEX, page_size: 1001 }),
    ).rejects.toMatchObject({
      name: "RequestValidationError",
      issues: [{ path: "page_size" }],
    });
    expect(fake.calls).toHaveLength(0);
  });

  it("rejects a body of the wrong shape; the safe twin resolves the error", async () => {
    const { client } = setup({ revisions: "nope" });
    await expect(getAppRevisions(client, { appId: APP_HEX })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    const result = await safeGetAppRevisions(client, { appId: APP_HEX });
    expect(result.success).toBe(false);
  });
});
