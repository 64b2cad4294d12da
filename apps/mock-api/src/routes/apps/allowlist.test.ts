import { IsAllowedResultSchema } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { key, mock, oracle, postJson, useAppsMock, web } from "./apps.test-support";

useAppsMock();

describe("attestations and device allowlist", () => {
  it("lists the devices of an on-chain app with its CVMs (0 each in 2026-01-21)", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${oracle}/device-allowlist`, {
      apiKey: key,
    });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/device-allowlist", body)).toEqual([]);
    expect(body).toMatchObject({ is_onchain_kms: true, chain_id: 1 });
    expect(body.devices).toHaveLength(3);
    // 2026-01-21 no longer exposes table ids and sends 0 in their place (hashids from 2026-05-22).
    expect(body.devices[0].cvm_ids[0]).toBe(0);
  });

  it("has no devices for an app with the Phala KMS", async () => {
    const { body } = await getJson(mock.url, `/apps/${web}/device-allowlist`, { apiKey: key });
    expect(body).toMatchObject({ is_onchain_kms: false, devices: [] });
  });
});

describe("is-allowed checks", () => {
  it("POST /apps/{id}/cvms/is-allowed checks every CVM of an on-chain app (no body)", async () => {
    const { status, body } = await postJson(`/apps/${oracle}/cvms/is-allowed`, undefined);
    expect(status).toBe(200);
    expect(contractMismatches("POST /apps/{app_id}/cvms/is-allowed", body)).toEqual([]);
    expect(body).toMatchObject({ is_onchain: true, total: 3, allowed_count: 3, denied_count: 0 });
    // Integers: 2026-01-21 no longer exposes table ids and sends 0 in their place.
    expect(body.results.map((r: { cvm_id: number }) => r.cvm_id)).toEqual([0, 0, 0]);
    const legacy = await postJson(`/apps/${oracle}/cvms/is-allowed`, undefined, key, "2025-10-28");
    const tableIds = legacy.body.results.map((r: { cvm_id: number }) => r.cvm_id);
    expect(tableIds.every((id: number) => Number.isInteger(id) && id > 0)).toBe(true);
    const offChain = await postJson(`/apps/${web}/cvms/is-allowed`, undefined);
    expect(offChain.body).toMatchObject({ is_onchain: false, results: [], total: 0 });
  });

  it("POST /apps/{id}/cvms/is-allowed lists a CVM that never booted as skipped, by number", async () => {
    const app = [...mock.state.apps.values()].find((a) => a.appId === oracle)!;
    const cvm = [...mock.state.cvms.values()].find((c) => c.appId === app.appId)!;
    const instanceId = cvm.instanceId;
    cvm.instanceId = null;
    try {
      const current = await postJson(`/apps/${oracle}/cvms/is-allowed`, undefined);
      expect(current.body.skipped_cvm_ids).toEqual([0]);
      const legacy = await postJson(
        `/apps/${oracle}/cvms/is-allowed`,
        undefined,
        key,
        "2025-10-28",
      );
      expect(legacy.body.skipped_cvm_ids).toEqual([cvm.tableId]);
    } finally {
      cvm.instanceId = instanceId;
    }
  });

  it("POST /apps/{id}/is-allowed denies an unknown compose hash and needs one", async () => {
    const denied = await postJson(`/apps/${oracle}/is-allowed`, {
      compose_hash: "ab".repeat(32),
      node_id: SEED.nodes.prod5.id,
    });
    expect(denied.status).toBe(200);
    expect(IsAllowedResultSchema.safeParse(denied.body).success).toBe(true);
    expect(denied.body).toMatchObject({
      compose_hash_allowed: false,
      device_id_allowed: true,
      is_allowed: false,
    });
    const missing = await postJson(`/apps/${oracle}/is-allowed`, { node_id: "five" });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([
      expect.objectContaining({ type: "missing", loc: ["body", "compose_hash"] }),
      expect.objectContaining({ type: "int_type", loc: ["body", "node_id"] }),
    ]);
  });
});
