import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { mock, useAttestationMock } from "./attestations.test-support";

useAttestationMock();

describe("the machines Phala Cloud runs on", () => {
  it("nodes, their PPIDs and device ids, without an API key", async () => {
    const nodes = await getJson(mock.url, "/attestations/nodes");
    expect(nodes.status).toBe(200);
    expect(contractMismatches("GET /attestations/nodes", nodes.body)).toEqual([]);
    const prod7 = mock.state.nodes.get(SEED.nodes.prod7.id)!;
    expect(nodes.body).toContainEqual({
      object_type: "node",
      id: prod7.id,
      node_id: prod7.nodeId,
      name: "prod7",
      region: prod7.region,
      device_id: prod7.deviceId,
      ppid: prod7.ppid,
      status: prod7.status,
      version: prod7.version,
    });
    const ppids = await getJson(mock.url, "/attestations/ppids");
    expect(contractMismatches("GET /attestations/ppids", ppids.body)).toEqual([]);
    expect(ppids.body).toEqual(nodes.body.map((node: { ppid: string }) => node.ppid));
    const devices = await getJson(mock.url, "/attestations/device_ids", { apiKey: "any" });
    expect(contractMismatches("GET /attestations/device_ids", devices.body)).toEqual([]);
    expect(devices.body).toEqual(nodes.body.map((node: { device_id: string }) => node.device_id));
  });
});
