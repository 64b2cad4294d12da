import { createHash } from "node:crypto";
import { UpdateKmsInfoSchema } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { key, mock, oracle, postJson, useAppsMock, web } from "./apps.test-support";

useAppsMock();
// No revision is read before POST /instances here: the revisions the mock seeds
// at their first read must not count a CVM made just before twice.

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
