import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import {
  inference,
  otherWorkspace,
  running,
  sleep,
  stopped,
  useOperationsMock,
} from "./operations.test-support";
import { currentCvmStatus } from "./status-machine";

describe("POST /cvms/batch-stop (moves long enough to be under way)", () => {
  const mock = useOperationsMock(60_000);

  it("moves each running CVM to stopping, skips stopped ones, reports unknown ids", async () => {
    const m = mock();
    const sent = await m.send("POST", "/cvms/batch-stop", {
      cvm_ids: [running.id, inference.name, stopped.id, "cvm_nothere", otherWorkspace.id],
    });
    expect(sent.status).toBe(200);
    expect(contractMismatches("POST /cvms/batch-stop", sent.body)).toEqual([]);
    expect(sent.body).toEqual({
      total: 5,
      stopped: 2,
      skipped: 1,
      errors: [
        { cvm_id: "cvm_nothere", error: "CVM not found" },
        { cvm_id: otherWorkspace.id, error: "CVM not found" },
      ],
    });
    for (const id of [running.id, inference.id]) {
      expect((await m.send("GET", `/cvms/${id}`)).body.status).toBe("stopping");
      const ops = await m.send("GET", `/cvms/${id}/operations`);
      expect(ops.body.items[0]).toMatchObject({ operation_type: "stop", status: "in_progress" });
    }
    // Already stopping: skipped the second time.
    const again = await m.send("POST", "/cvms/batch-stop", { cvm_ids: [running.id] });
    expect(again.body).toMatchObject({ total: 1, stopped: 0, skipped: 1, errors: [] });
    // When the move is due, both are stopped.
    const model = m.api.state.cvms.get(running.id)!;
    expect(currentCvmStatus(m.api.state, model, Date.now() + 61_000)).toBe("stopped");
  });

  it("refuses more than 50 ids (422 too_long), none (400) or no list (422)", async () => {
    const m = mock();
    const ids = Array.from({ length: 51 }, (_, i) => `cvm_${i}`);
    const tooMany = await m.send("POST", "/cvms/batch-stop", { cvm_ids: ids });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.detail[0]).toMatchObject({ type: "too_long", loc: ["body", "cvm_ids"] });
    const none = await m.send("POST", "/cvms/batch-stop", { cvm_ids: [] });
    expect(none.status).toBe(400);
    expect(none.body.detail.error_code).toBe("ERR-01-002");
    const missing = await m.send("POST", "/cvms/batch-stop", {});
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0]).toMatchObject({ type: "missing", loc: ["body", "cvm_ids"] });
    // Nothing was stopped by the refused calls.
    expect((await m.send("GET", `/cvms/${running.id}`)).body.status).toBe("running");
  });
});

describe("POST /cvms/batch-stop (short moves)", () => {
  const mock = useOperationsMock(200);

  it("the CVMs arrive at stopped", async () => {
    const m = mock();
    await m.send("POST", "/cvms/batch-stop", { cvm_ids: [running.id, inference.id] });
    await sleep(500);
    for (const id of [running.id, inference.id]) {
      expect((await m.send("GET", `/cvms/${id}`)).body.status).toBe("stopped");
    }
  });
});
