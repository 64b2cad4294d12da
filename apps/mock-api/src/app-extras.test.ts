import { createHash } from "node:crypto";
import {
  AppAttestationResponseSchema,
  IsAllowedResultSchema,
  UpdateKmsInfoSchema,
} from "@phala/cloud-schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";
import { sendJson } from "./test-http";
import { contractMismatches, getJson } from "./test-support";

let mock: RunningMockApi;
const key = SEED.apiKeys.demo;
const web = SEED.apps.web.appId;
const oracle = SEED.apps.oracle.appId;

beforeAll(async () => {
  mock = await startMockApi();
});
afterAll(async () => {
  await mock.close();
});

function postJson(path: string, body: unknown, apiKey = key, version?: string) {
  return sendJson(mock.url, "POST", path, { apiKey, version, body, jsonContentType: true });
}

describe("GET /apps/filter-options", () => {
  it("lists the workspace's distinct values, not /apps/:app_id", async () => {
    const { status, body } = await getJson(mock.url, "/apps/filter-options", { apiKey: key });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/filter-options", body)).toEqual([]);
    expect(body.nodes).toEqual(["prod5", "prod7", "prod9"]);
    expect(body.statuses).toEqual(["running", "starting", "stopped"]);
    expect(body.kms_types).toEqual(["base", "ethereum", "phala"]);
  });

  it("needs an API key", async () => {
    const { status, body } = await getJson(mock.url, "/apps/filter-options");
    expect(status).toBe(401);
    expect(body.detail.message).toBe("Invalid or missing API key");
  });
});

describe("revisions", () => {
  it("pages an app's revisions newest first", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${web}/revisions?page_size=2`, {
      apiKey: key,
    });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/revisions", body)).toEqual([]);
    expect(body).toMatchObject({ total: 3, page: 1, page_size: 2, total_pages: 2 });
    expect(body.revisions).toHaveLength(2);
    expect(body.revisions[0].created_at >= body.revisions[1].created_at).toBe(true);
    const second = await getJson(mock.url, `/apps/0x${web}/revisions?page=2&page_size=2`, {
      apiKey: key,
    });
    expect(second.body.revisions).toHaveLength(1);
  });

  it("answers 422 for a page size over 1000", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${web}/revisions?page_size=1001`, {
      apiKey: key,
    });
    expect(status).toBe(422);
    expect(body.detail[0]).toMatchObject({ type: "less_than_equal", loc: ["query", "page_size"] });
  });

  it("returns one revision, its compose parsed or raw", async () => {
    const list = await getJson(mock.url, `/apps/${web}/revisions`, { apiKey: key });
    const id = list.body.revisions[0].revision_id;
    const { status, body } = await getJson(mock.url, `/apps/${web}/revisions/${id}`, {
      apiKey: key,
    });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/revisions/{revision_id}", body)).toEqual([]);
    expect(body.compose_file.docker_compose_file).toContain("services:");
    const raw = await getJson(mock.url, `/apps/${web}/revisions/${id}?raw_compose_file=true`, {
      apiKey: key,
    });
    expect(typeof raw.body.compose_file).toBe("string");
    expect(JSON.parse(raw.body.compose_file)).toEqual(body.compose_file);
    const missing = await getJson(mock.url, `/apps/${web}/revisions/rev_nope`, { apiKey: key });
    expect(missing.status).toBe(404);
  });

  it("hides another workspace's app behind the API's 404", async () => {
    const { status, body } = await getJson(
      mock.url,
      `/apps/${SEED.apps.notebook.appId}/revisions`,
      { apiKey: key },
    );
    expect(status).toBe(404);
    expect(body.detail.message).toBe("App not found");
  });
});

describe("attestations and device allowlist", () => {
  it("attests each instance; stopped ones say why they have no quote", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${web}/attestations`, { apiKey: key });
    expect(status).toBe(200);
    expect(AppAttestationResponseSchema.safeParse(body).success).toBe(true);
    expect(body.instances).toHaveLength(3);
    const stopped = body.instances.find((i: { name: string }) => i.name === "acme-web-3");
    expect(stopped).toMatchObject({ quote: null, error: "CVM is not running" });
  });

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

describe("POST /apps/{id}/instances", () => {
  it("adds a starting CVM to the app and records a revision", async () => {
    const { status, body } = await postJson(`/apps/${web}/instances`, {
      name: "acme-web-4",
      node_id: SEED.nodes.prod7.id,
    });
    expect(status).toBe(200);
    expect(contractMismatches("POST /apps/{app_id}/instances", body)).toEqual([]);
    expect(body).toMatchObject({ name: "acme-web-4", status: "starting", teepod_id: 7 });
    const created = [...mock.state.cvms.values()].find((cvm) => cvm.name === "acme-web-4");
    expect(created?.status).toBe("starting");
    const cvms = await getJson(mock.url, `/apps/${web}/cvms`, { apiKey: key });
    expect(cvms.body.map((c: { name: string }) => c.name)).toContain("acme-web-4");
    const revisions = await getJson(mock.url, `/apps/${web}/revisions`, { apiKey: key });
    expect(revisions.body.total).toBe(4);
  });

  it("refuses a taken name (409), an unknown node (404) and a wrong type (422)", async () => {
    const taken = await postJson(`/apps/${web}/instances`, { name: "cvm-abc123" });
    expect(taken.status).toBe(409);
    const node = await postJson(`/apps/${web}/instances`, { node_id: 999 });
    expect(node.status).toBe(404);
    expect(node.body.detail.error_code).toBe("ERR-01-001");
    const wrong = await postJson(`/apps/${web}/instances`, { name: 5 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.detail[0]).toMatchObject({ type: "string_type", loc: ["body", "name"] });
  });

  it("asks an on-chain app to register a new compose hash first (465)", async () => {
    const compose = "services:\n  oracle:\n    image: ghcr.io/acme-research/price-oracle:2.0.0\n";
    const nodeId = SEED.nodes.prod9.id;
    const first = await postJson(`/apps/${oracle}/instances`, {
      name: "oracle-next",
      node_id: nodeId,
      docker_compose_file: compose,
    });
    // The structured 465 of the CVM update endpoints, from the same builder.
    expect(first.status).toBe(465);
    expect(first.body.detail.error_code).toBe("ERR-01-005");
    expect(first.body.detail.message).toBe("Compose hash registration required on-chain");
    const fields = first.body.detail.details.map((item: { field: string }) => item.field);
    expect(fields).toEqual([
      "compose_hash",
      "app_id",
      "device_id",
      "kms_info",
      "onchain_status",
      "commit_token",
      "commit_url",
      "api_commit_url",
    ]);
    const details = Object.fromEntries(
      first.body.detail.details.map((item: { field: string; value: unknown }) => [
        item.field,
        item.value,
      ]),
    );
    expect(details.compose_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(details.app_id).toBe(`0x${oracle}`);
    expect(details.device_id).toBe(mock.state.nodes.get(nodeId)!.deviceId);
    expect(UpdateKmsInfoSchema.safeParse(details.kms_info).success).toBe(true);
    expect(details.kms_info.chain_id).toBe(1);
    expect(details.commit_token).toMatch(/^ct_/);
    expect(details.commit_url).toContain(details.commit_token);
    expect(details.api_commit_url).toBe(`${mock.url}/apps/${oracle}/instances`);

    const wrongHash = await postJson(`/apps/${oracle}/instances`, {
      name: "oracle-next",
      node_id: nodeId,
      docker_compose_file: compose,
      token: details.commit_token,
      compose_hash: "ab".repeat(32),
      transaction_hash: `0x${"1".repeat(64)}`,
    });
    expect(wrongHash.status).toBe(409);
    expect(wrongHash.body.detail.error_code).toBe("ERR-01-006");
    const badTx = await postJson(`/apps/${oracle}/instances`, {
      name: "oracle-next",
      node_id: nodeId,
      docker_compose_file: compose,
      token: details.commit_token,
      transaction_hash: "0x12",
    });
    expect(badTx.status).toBe(400);
    expect(badTx.body.detail.error_code).toBe("ERR-01-007");

    const second = await postJson(`/apps/${oracle}/instances`, {
      name: "oracle-next",
      node_id: nodeId,
      docker_compose_file: compose,
      token: details.commit_token,
      compose_hash: details.compose_hash,
      transaction_hash: `0x${"1".repeat(64)}`,
    });
    expect(second.status).toBe(200);
    // The hash is the real one of the new instance's app compose.
    const composeFile = await getJson(mock.url, `/cvms/${second.body.vm_uuid}/compose_file`, {
      apiKey: key,
    });
    const canonical = JSON.stringify(composeFile.body, Object.keys(composeFile.body).sort());
    expect(createHash("sha256").update(canonical).digest("hex")).toBe(details.compose_hash);
    // Registered now: the same compose file needs no second registration.
    const third = await postJson(`/apps/${oracle}/instances`, {
      name: "oracle-next-2",
      docker_compose_file: compose,
    });
    expect(third.status).toBe(200);
  });
});
