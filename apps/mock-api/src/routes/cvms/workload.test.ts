import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { running, sleep, useOperationsMock } from "./operations.test-support";

const body = { name: "llama-server", instance_type: "h200.small", model_id: "meta/llama-3-8b" };

describe("POST /cvms/workload", () => {
  const mock = useOperationsMock(200);

  it("creates a booting CVM serving the model, listed among the workspace's CVMs", async () => {
    const m = mock();
    const sent = await m.send("POST", "/cvms/workload", body);
    expect(sent.status).toBe(200);
    expect(contractMismatches("POST /cvms/workload", sent.body)).toEqual([]);
    expect(sent.body).toMatchObject({ name: "llama-server", status: "starting", vcpu: 24 });
    expect(sent.body.docker_compose_file).toContain("meta/llama-3-8b");
    const all = await m.send("GET", "/cvms");
    expect(all.body.some((cvm: any) => cvm.name === "llama-server")).toBe(true);
    const ops = await m.send("GET", `/cvms/${sent.body.vm_uuid}/operations`);
    expect(ops.body.items[0]).toMatchObject({ operation_type: "create", target_state: "running" });
    await sleep(500);
    expect((await m.send("GET", `/cvms/${sent.body.vm_uuid}`)).body.status).toBe("running");
    // The VM record's id by version: the table id, then the placeholder 0, then the hashid.
    const again = await m.send(
      "POST",
      "/cvms/workload",
      { ...body, name: "llama-two" },
      { version: "2026-05-22" },
    );
    expect(again.body.id).toMatch(/^cvm_/);
  });

  it("honours scheduled_delete_at: the CVM is gone once it is due", async () => {
    const m = mock();
    const sent = await m.send("POST", "/cvms/workload", {
      ...body,
      scheduled_delete_at: "2026-03-05T12:00:00Z",
    });
    expect(sent.status).toBe(200);
    const detail = await m.send("GET", `/cvms/${sent.body.vm_uuid}`, undefined, {
      version: "2025-10-28",
    });
    expect(detail.body.scheduled_delete_at).toBe("2026-03-05T12:00:00.000Z");
    m.advance(2 * 3600_000);
    expect((await m.send("GET", `/cvms/${sent.body.vm_uuid}`)).status).toBe(404);
  });

  it("names are unique in the workspace (409); bad fields 422; an unknown instance type 404", async () => {
    const m = mock();
    const taken = await m.send("POST", "/cvms/workload", { ...body, name: running.name });
    expect(taken.status).toBe(409);
    expect(taken.body.detail.error_code).toBe("ERR-01-004");
    for (const [bad, field] of [
      [{ ...body, name: "x" }, "name"],
      [{ name: body.name, instance_type: body.instance_type }, "model_id"],
      [{ ...body, scheduled_delete_at: "2026-03-05T09:00:00Z" }, "scheduled_delete_at"],
    ] as const) {
      const sent = await m.send("POST", "/cvms/workload", bad);
      expect(sent.status).toBe(422);
      expect(sent.body.detail[0].loc).toEqual(["body", field]);
    }
    const unknownType = await m.send("POST", "/cvms/workload", {
      ...body,
      instance_type: "tdx.huge",
    });
    expect(unknownType.status).toBe(404);
    expect(unknownType.body.detail.error_code).toBe("ERR-02-001");
  });
});
