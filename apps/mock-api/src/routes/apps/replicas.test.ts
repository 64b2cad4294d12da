import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { SEED } from "../../seed";
import {
  api,
  expectPhalaError,
  running,
  send,
  useLifecycleMock,
} from "../cvms/lifecycle.test-support";

useLifecycleMock();

const web = SEED.apps.web.appId;
const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.appId === SEED.apps.oracle.appId)!;
const path = (appId: string, vmUuid: string) => `/apps/${appId}/cvms/${vmUuid}/replicas`;

describe("POST /apps/{app_id}/cvms/{vm_uuid}/replicas", () => {
  it("adds a booting VM of the same app, the CVM named by its VM UUID, dashes optional", async () => {
    const replica = await send("POST", path(web, running.vmUuid.replaceAll("-", "")), {
      node_id: SEED.nodes.prod9.id,
    });
    expect(replica.status).toBe(200);
    expect(contractMismatches("POST /apps/{app_id}/cvms/{vm_uuid}/replicas", replica.body)).toEqual(
      [],
    );
    expect(replica.body).toMatchObject({ app_id: web, teepod_id: 9, status: "starting" });
    // 2026-05-22 names it by its hashid, 2026-01-21 by the placeholder 0.
    expect(replica.body.id).toBe(0);
    const hashid = await send("POST", path(web, running.vmUuid), {}, { version: "2026-05-22" });
    expect(hashid.body.id).toMatch(/^cvm_/);
  });

  it("a VM UUID of another app, or none, is the API's 404; a node unknown too", async () => {
    expectPhalaError(await send("POST", path(web, oracle.vmUuid), {}), 404, "ERR-03-001");
    expectPhalaError(
      await send("POST", path(web, running.vmUuid), { node_id: 999 }),
      404,
      "ERR-01-001",
    );
    const wrong = await send("POST", path(web, running.vmUuid), { node_id: "prod9" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.detail[0]).toMatchObject({ loc: ["body", "node_id"] });
  });

  it("on-chain: a device the contract does not allow is a 465; /cvms/{id}/commit-replica ends it", async () => {
    const prod5 = api.state.nodes.get(SEED.nodes.prod5.id)!;
    api.state.nodes.set(11, {
      ...prod5,
      id: 11,
      nodeId: 111,
      name: "prod11",
      deviceId: "11".repeat(32),
    });
    const first = await send("POST", path(SEED.apps.oracle.appId, oracle.vmUuid), {
      teepod_id: 11,
    });
    expectPhalaError(first, 465, "ERR-01-005");
    const details = Object.fromEntries(
      first.body.detail.details.map((d: { field: string; value: unknown }) => [d.field, d.value]),
    );
    expect(details).toMatchObject({
      device_id: "11".repeat(32),
      commit_token: expect.stringMatching(/^ct_/),
    });
    expect(details.api_commit_url).toBe(`${api.url}/cvms/${oracle.id}/commit-replica`);
    const committed = await send("POST", `/cvms/${oracle.id}/commit-replica`, {
      token: details.commit_token,
      transaction_hash: `0x${"ab".repeat(32)}`,
    });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ teepod_id: 11, app_id: SEED.apps.oracle.appId });
    // The device is allowed now: the next replica there needs nothing.
    const again = await send("POST", path(SEED.apps.oracle.appId, oracle.vmUuid), {
      teepod_id: 11,
    });
    expect(again.status).toBe(200);
  });
});
