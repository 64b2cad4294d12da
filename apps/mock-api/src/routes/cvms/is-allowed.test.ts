import { describe, expect, it } from "vitest";
import { SEED } from "../../seed";
import { key, mock, postJson, useAppsMock } from "../apps/apps.test-support";

useAppsMock();

describe("is-allowed checks", () => {
  it("POST /cvms/{id}/is-allowed checks what the CVM runs where it runs", async () => {
    const cvm = SEED.mainWorkspaceCvms.find((c) => c.name === "oracle-ap")!;
    const { status, body } = await postJson(`/cvms/${cvm.id}/is-allowed`, {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ cvm_id: 0, is_allowed: true, compose_hash_allowed: true });
    const legacy = await postJson(`/cvms/${cvm.id}/is-allowed`, {}, key, "2025-10-28");
    expect(legacy.body.cvm_id).toBe(mock.state.cvms.get(cvm.id)!.tableId);
    const unknown = await postJson("/cvms/no-such-cvm/is-allowed", {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail.error_code).toBe("ERR-03-001");
    const badJson = await postJson(`/cvms/${cvm.id}/is-allowed`, "{not json");
    expect(badJson.status).toBe(422);
    expect(badJson.body.detail[0]).toMatchObject({ type: "json_invalid", loc: ["body", 0] });
  });
});
