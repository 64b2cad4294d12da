// GET /attestations/ppids, /device_ids and /nodes: the machines Phala Cloud runs
// on (the mock's nodes), for a contract that admits its hardware only.
import type { Hono } from "hono";
import type { MockEnv } from "../../internal/env";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import type { AttestationMock } from "./store";

export function registerMachineRoutes(api: Hono<MockEnv>, mock: AttestationMock) {
  const nodes = () => [...mock.state.nodes.values()];

  api.get("/attestations/ppids", (c) => {
    const body: WireBody<"listAttestationPpids", RenderVersion> = [
      ...new Set(nodes().map((node) => node.ppid)),
    ];
    return c.json(body);
  });

  api.get("/attestations/device_ids", (c) => {
    const body: WireBody<"listAttestationDeviceIds", RenderVersion> = [
      ...new Set(nodes().map((node) => node.deviceId)),
    ];
    return c.json(body);
  });

  api.get("/attestations/nodes", (c) => {
    const body: WireBody<"listAttestationNodes", RenderVersion> = nodes().map((node) => ({
      object_type: "node",
      id: node.id,
      node_id: node.nodeId,
      name: node.name,
      region: node.region,
      device_id: node.deviceId,
      ppid: node.ppid,
      status: node.status,
      version: node.version,
    }));
    return c.json(body);
  });
}
