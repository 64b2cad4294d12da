import { describe, expect, it } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { setup } from "./attestations.test-support";
import { listAttestationNodes, safeListAttestationNodes } from "./list-attestation-nodes";

describe("listAttestationNodes", () => {
  it("GETs /attestations/nodes: node references with device id and PPID", async () => {
    const node = {
      object_type: "node",
      id: 7,
      node_id: 107,
      name: "prod7",
      region: "us-east-1",
      device_id: "cd".repeat(32),
      ppid: "0f".repeat(16),
      status: "ONLINE",
      version: "0.5.3",
    };
    const { client, call } = setup({ body: [node, {}] });
    const nodes = await listAttestationNodes(client);
    expect(call().url).toBe(`${TEST_BASE_URL}/attestations/nodes`);
    expect(nodes[0]).toMatchObject(node);
    // Every field may be absent: nulls, and the reference's default object_type.
    expect(nodes[1]).toMatchObject({ object_type: "node", id: null, ppid: null });
  });

  it("refuses a node of another object type", async () => {
    const { client } = setup({ body: [{ object_type: "cvm" }] });
    const result = await safeListAttestationNodes(client);
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
