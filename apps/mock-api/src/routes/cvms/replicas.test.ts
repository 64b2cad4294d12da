import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import {
  api,
  expect422,
  expectPhalaError,
  key,
  running,
  send,
  useLifecycleMock,
} from "./lifecycle.test-support";

useLifecycleMock();

describe("POST /cvms/{id}/replicas", () => {
  it("creates a booting VM of the same app, on the node asked for", async () => {
    const replica = await send("POST", `/cvms/${running.id}/replicas`, {
      node_id: SEED.nodes.prod9.id,
    });
    expect(replica.status).toBe(200);
    expect(contractMismatches("POST /cvms/{cvm_id}/replicas", replica.body)).toEqual([]);
    expect(replica.body.app_id).toBe(running.appId);
    expect(replica.body.teepod_id).toBe(SEED.nodes.prod9.id);
    expect(replica.body.status).toBe("starting");
    expect(replica.body.vm_uuid).not.toBe(running.vmUuid);
    const cvms = await getJson(api.url, `/apps/${running.appId}/cvms`, { apiKey: key });
    expect(cvms.body.some((cvm: { vm_uuid: string }) => cvm.vm_uuid === replica.body.vm_uuid)).toBe(
      true,
    );
    expectPhalaError(
      await send("POST", `/cvms/${running.id}/replicas`, { node_id: 999 }),
      404,
      "ERR-01-001",
    );
  });

  it("takes teepod_id (before node_id), an encrypted env and the source's compose hash", async () => {
    const replica = await send("POST", `/cvms/${running.id}/replicas`, {
      teepod_id: SEED.nodes.prod7.id,
      node_id: SEED.nodes.prod9.id,
      encrypted_env: "abcd",
      compose_hash: `0x${api.state.cvms.get(running.id)!.composeHash}`,
    });
    expect(replica.status).toBe(200);
    expect(replica.body.teepod_id).toBe(SEED.nodes.prod7.id);
    expectPhalaError(
      await send("POST", `/cvms/${running.id}/replicas`, { compose_hash: "ab".repeat(32) }),
      400,
      "ERR-01-006",
    );
    expect422(
      await send("POST", `/cvms/${running.id}/replicas`, { teepod_id: "seven" }),
      ["body", "teepod_id"],
      "int_type",
    );
  });

  it("answers 503 for a node under maintenance", async () => {
    api.state.nodes.get(SEED.nodes.prod9.id)!.status = "MAINTENANCE";
    const refused = await send("POST", `/cvms/${running.id}/replicas`, {
      teepod_id: SEED.nodes.prod9.id,
    });
    expect(refused.status).toBe(503);
    expect(refused.body.detail.details[0]).toMatchObject({ value: SEED.nodes.prod9.id });
  });

  it("on-chain: a new device is a 465 with a commit token; POST /commit-replica creates it", async () => {
    const source = SEED.mainWorkspaceCvms.find((cvm) => cvm.appId === SEED.apps.oracle.appId)!;
    const prod5 = api.state.nodes.get(SEED.nodes.prod5.id)!;
    // A node none of the app's VMs runs on: its device is not in the app contract yet.
    api.state.nodes.set(11, {
      ...prod5,
      id: 11,
      nodeId: 111,
      name: "prod11",
      deviceId: "11".repeat(32),
    });
    const first = await send(
      "POST",
      `/cvms/${source.id}/replicas`,
      { teepod_id: 11 },
      { headers: { "X-Prepare-Only": "true" } },
    );
    expectPhalaError(first, 465, "ERR-01-005");
    const details = Object.fromEntries(
      first.body.detail.details.map((d: { field: string; value: unknown }) => [d.field, d.value]),
    );
    expect(details.device_id).toBe("11".repeat(32));
    expect(details.onchain_status).toMatchObject({ device_id_allowed: false });
    expect(details.commit_token).toMatch(/^ct_/);
    expect(details.api_commit_url).toBe(`${api.url}/cvms/${source.id}/commit-replica`);

    const badTx = await send("POST", `/cvms/${source.id}/commit-replica`, {
      token: details.commit_token,
      transaction_hash: "0x1234",
    });
    expectPhalaError(badTx, 400, "ERR-01-007");
    const wrongToken = await send("POST", `/cvms/${source.id}/commit-replica`, {
      token: "ct_wrong",
      transaction_hash: `0x${"ab".repeat(32)}`,
    });
    expectPhalaError(wrongToken, 409, "ERR-01-006");
    // The token may come in the query.
    const committed = await send(
      "POST",
      `/cvms/${source.id}/commit-replica?token=${details.commit_token}`,
      { transaction_hash: `0x${"ab".repeat(32)}` },
    );
    expect(committed.status).toBe(200);
    expect(contractMismatches("POST /cvms/{cvm_id}/commit-replica", committed.body)).toEqual([]);
    expect(committed.body).toMatchObject({ teepod_id: 11, status: "starting" });
    // Used once; and the device is allowed now.
    expectPhalaError(
      await send("POST", `/cvms/${source.id}/commit-replica?token=${details.commit_token}`, {
        transaction_hash: `0x${"ab".repeat(32)}`,
      }),
      409,
      "ERR-01-006",
    );
    expect((await send("POST", `/cvms/${source.id}/replicas`, { teepod_id: 11 })).status).toBe(200);
  });
});
