import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { isAllowed, setup } from "./apps.test-support";
import { checkAppCvmsIsAllowed } from "./check-app-cvms-is-allowed";

describe("checkAppCvmsIsAllowed", () => {
  it("its POST path, without a body", async () => {
    const cvms = setup({ is_onchain: false });
    const batch = await checkAppCvmsIsAllowed(cvms.client, { appId: APP_HEX });
    expect(cvms.call().method).toBe("POST");
    expect(cvms.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/cvms/is-allowed`);
    // The operation takes no request body: none is sent, nor a JSON content type.
    expect(cvms.call().body).toBeUndefined();
    expect(cvms.call().headers["content-type"]).toBeUndefined();
    expect(batch).toMatchObject({ results: [], total: 0, skipped_cvm_ids: [] });
  });

  it("an on-chain app with CVMs: integer cvm_id and skipped_cvm_ids validate", async () => {
    const answer = {
      is_onchain: true,
      results: [
        { ...isAllowed, cvm_id: 4101 },
        { ...isAllowed, cvm_id: 4102, is_allowed: false, device_id_allowed: false },
      ],
      total: 3,
      allowed_count: 1,
      denied_count: 1,
      error_count: 0,
      skipped_cvm_ids: [4103],
    };
    const { client } = setup(answer);
    const batch = await checkAppCvmsIsAllowed(client, { appId: APP_HEX });
    expect(batch.results.map((result) => result.cvm_id)).toEqual([4101, 4102]);
    expect(batch.results[1]).toMatchObject({ is_allowed: false, error: null });
    expect(batch.skipped_cvm_ids).toEqual([4103]);
    expect(batch.total).toBe(3);
  });

  it("refuses a body field and sends nothing", async () => {
    const { client, fake } = setup({});
    await expect(
      checkAppCvmsIsAllowed(client, { appId: APP_HEX, compose_hash: "ab" } as never),
    ).rejects.toMatchObject({ issues: [{ path: "compose_hash" }] });
    expect(fake.calls).toHaveLength(0);
  });

  it("CVM ids by version: hashid lists on 2026-06-23, a number refused", async () => {
    const batch = setup(
      {
        is_onchain: true,
        results: [{ ...isAllowed, cvm_id: "cvm_a1" }],
        total: 2,
        allowed_count: 1,
        denied_count: 0,
        error_count: 0,
        skipped_cvm_ids: ["cvm_b2"],
      },
      "2026-06-23",
    );
    const answer = await checkAppCvmsIsAllowed(batch.client, { appId: APP_HEX });
    expect(answer.results[0]!.cvm_id).toBe("cvm_a1");
    expect(answer.skipped_cvm_ids).toEqual(["cvm_b2"]);
    const numeric = setup({ is_onchain: true, skipped_cvm_ids: [7] }, "2026-06-23");
    await expect(checkAppCvmsIsAllowed(numeric.client, { appId: APP_HEX })).rejects.toMatchObject({
      issues: [{ path: "skipped_cvm_ids.0" }],
    });
  });
});
