import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { running, useOperationsMock } from "./operations.test-support";

describe("GET /cvms", () => {
  const mock = useOperationsMock(60_000);

  it("lists every CVM of the workspace, unpaged, in each version's shape", async () => {
    const m = mock();
    const page = await m.send("GET", "/cvms/paginated?page_size=100");
    for (const version of ["2025-10-28", "2026-01-21"]) {
      const all = await m.send("GET", "/cvms", undefined, { version });
      expect(all.status).toBe(200);
      expect(contractMismatches("GET /cvms", all.body, { version })).toEqual([]);
      expect(all.body).toHaveLength(page.body.total);
    }
    const nested = await m.send("GET", "/cvms", undefined, { version: "2026-01-21" });
    expect(nested.body.map((cvm: any) => cvm.id)).toEqual(
      page.body.items.map((cvm: any) => cvm.id),
    );
    const flat = await m.send("GET", "/cvms", undefined, { version: "2025-10-28" });
    expect(flat.body[0]).toHaveProperty("hosted");
  });

  it("filters by teepod_id and user_id; 422 for a bad one", async () => {
    const m = mock();
    const node = m.api.state.cvms.get(running.id)!.nodeId;
    const onNode = await m.send("GET", `/cvms?teepod_id=${node}`);
    expect(onNode.body.length).toBeGreaterThan(0);
    expect(onNode.body.every((cvm: any) => cvm.node_info.id === node)).toBe(true);
    const creator = m.api.state.users.get(m.api.state.cvms.get(running.id)!.creatorId)!;
    const mine = await m.send("GET", `/cvms?user_id=${creator.hashedId}`);
    expect(mine.body.some((cvm: any) => cvm.id === running.id)).toBe(true);
    expect((await m.send("GET", "/cvms?user_id=0")).body.length).toBe(
      (await m.send("GET", "/cvms")).body.length,
    );
    for (const query of ["teepod_id=x", "user_id=alice"]) {
      expect((await m.send("GET", `/cvms?${query}`)).status).toBe(422);
    }
  });
});
