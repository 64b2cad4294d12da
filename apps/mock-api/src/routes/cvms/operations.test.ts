import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { provisionBody } from "./lifecycle.test-support";
import { running, sleep, stopped, useOperationsMock } from "./operations.test-support";
import { currentCvmStatus } from "./status-machine";

describe("the operations of a CVM (moves long enough to be under way)", () => {
  const mock = useOperationsMock(60_000);

  it("records updates and moves, newest first, paged by cursor, with the contract's shape", async () => {
    const m = mock();
    await m.send("PATCH", `/cvms/${stopped.id}`, { public_logs: true });
    m.advance(1000);
    await m.send("PATCH", `/cvms/${stopped.id}`, { public_logs: false });
    m.advance(1000);
    const start = await m.send("POST", `/cvms/${stopped.id}/start`);
    expect(start.status).toBe(200);

    const first = await m.send("GET", `/cvms/${stopped.id}/operations?limit=2`);
    expect(first.status).toBe(200);
    expect(contractMismatches("GET /cvms/{cvm_id}/operations", first.body)).toEqual([]);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((op: any) => [op.operation_type, op.status])).toEqual([
      ["start", "in_progress"],
      ["update", "completed"],
    ]);
    const [startOp] = first.body.items;
    expect(startOp).toMatchObject({
      target_state: "running",
      started_at: "2026-03-05T10:00:02.000Z",
      completed_at: null,
      duration_ms: null,
      instance_name: stopped.name,
      events: [{ event_type: "started", state: "starting" }],
    });
    expect(typeof startOp.triggered_by).toBe("number");
    expect(first.body.next_cursor).toEqual(expect.any(String));

    const second = await m.send(
      "GET",
      `/cvms/${stopped.id}/operations?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]).toMatchObject({
      operation_type: "update",
      status: "completed",
      started_at: "2026-03-05T10:00:00.000Z",
      duration_ms: 0,
    });
    expect(second.body).toMatchObject({ next_cursor: null, total: 3 });

    // A page beyond the end is empty, not an error.
    const all = await m.send("GET", `/cvms/${stopped.id}/operations`);
    expect(all.body).toMatchObject({ total: 3, next_cursor: null });
    expect(all.body.items).toHaveLength(3);
  });

  it("filters by operation_types, start_time and end_time (started_at, inclusive)", async () => {
    const m = mock();
    await m.send("PATCH", `/cvms/${stopped.id}`, { public_logs: true });
    m.advance(60_000);
    await m.send("POST", `/cvms/${stopped.id}/start`);
    const list = (query: string) => m.send("GET", `/cvms/${stopped.id}/operations?${query}`);
    expect(
      (await list("operation_types=start")).body.items.map((op: any) => op.operation_type),
    ).toEqual(["start"]);
    expect((await list("operation_types=start&operation_types=update")).body.total).toBe(2);
    expect((await list("start_time=2026-03-05T10:01:00Z")).body.total).toBe(1);
    expect((await list("end_time=2026-03-05T10:00:00Z")).body.items[0].operation_type).toBe(
      "update",
    );
    expect((await list("start_time=2026-03-06T00:00:00Z")).body).toEqual({
      items: [],
      next_cursor: null,
      total: 0,
    });
  });

  it("answers 422 for a bad cursor, limit or time, and 404 for an unknown CVM", async () => {
    const m = mock();
    const path = `/cvms/${running.id}/operations`;
    for (const [query, field] of [
      ["cursor=nope", "cursor"],
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["start_time=yesterday", "start_time"],
    ]) {
      const sent = await m.send("GET", `${path}?${query}`);
      expect(sent.status).toBe(422);
      expect(sent.body.detail[0].loc).toEqual(["query", field]);
    }
    const missing = await m.send("GET", "/cvms/cvm_nothere/operations");
    expect(missing.status).toBe(404);
    expect(missing.body.detail.error_code).toBe("ERR-03-001");
  });

  it("a cancel stops the running operation: it reads cancelled, the CVM goes back and stops moving", async () => {
    const m = mock();
    const restart = await m.send("POST", `/cvms/${running.id}/restart`, { force: false });
    expect(restart.body.status).toBe("restarting");
    m.advance(500);
    const status = await m.send("GET", `/cvms/${running.id}/operation-status`);
    expect(status.body).toMatchObject({
      status: "restarting",
      in_progress: true,
      operation_type: "restart",
    });

    const cancel = await m.send("POST", `/cvms/${running.id}/operations/cancel`);
    expect(cancel.status).toBe(200);
    expect(contractMismatches("POST /cvms/{cvm_id}/operations/cancel", cancel.body)).toEqual([]);
    expect(cancel.body).toEqual({ cancelled: true, correlation_id: status.body.correlation_id });

    const cvm = await m.send("GET", `/cvms/${running.id}`);
    expect(cvm.body).toMatchObject({ status: "running", in_progress: false, progress: null });
    const after = await m.send("GET", `/cvms/${running.id}/operation-status`);
    expect(after.body).toMatchObject({
      in_progress: false,
      operation_type: null,
      correlation_id: null,
    });
    const ops = await m.send("GET", `/cvms/${running.id}/operations`);
    expect(ops.body.items[0]).toMatchObject({
      correlation_id: status.body.correlation_id,
      operation_type: "restart",
      status: "cancelled",
      completed_at: "2026-03-05T10:00:00.500Z",
      duration_ms: 500,
      events: [
        { event_type: "started", state: "restarting" },
        { event_type: "cancelled", state: "running" },
      ],
    });
    // Long after the move was due, nothing has moved.
    const model = m.api.state.cvms.get(running.id)!;
    expect(currentCvmStatus(m.api.state, model, Date.now() + 120_000)).toBe("running");

    const again = await m.send("POST", `/cvms/${running.id}/operations/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.detail.error_code).toBe("ERR-02-008");
  });

  it("a cancelled stop leaves the CVM running; a cancelled create leaves it stopped", async () => {
    const m = mock();
    await m.send("POST", `/cvms/${running.id}/stop`);
    await m.send("POST", `/cvms/${running.id}/operations/cancel`);
    expect((await m.send("GET", `/cvms/${running.id}`)).body.status).toBe("running");

    const provision = await m.send(
      "POST",
      "/cvms/provision",
      provisionBody({ name: "cancelled-app" }),
    );
    const commit = await m.send("POST", "/cvms", {
      app_id: provision.body.app_id,
      compose_hash: provision.body.compose_hash,
    });
    expect(commit.body.status).toBe("starting");
    await m.send("POST", `/cvms/${commit.body.vm_uuid}/operations/cancel`);
    const created = await m.send("GET", `/cvms/${commit.body.vm_uuid}`);
    expect(created.body.status).toBe("stopped");
    const ops = await m.send("GET", `/cvms/${commit.body.vm_uuid}/operations`);
    expect(ops.body.items.map((op: any) => [op.operation_type, op.status])).toEqual([
      ["create", "cancelled"],
    ]);
  });

  it("a move cut short by another reads failed", async () => {
    const m = mock();
    await m.send("POST", `/cvms/${stopped.id}/start`);
    await m.send("POST", `/cvms/${stopped.id}/stop`);
    const ops = await m.send("GET", `/cvms/${stopped.id}/operations`);
    expect(ops.body.items.map((op: any) => [op.operation_type, op.status])).toEqual([
      ["stop", "in_progress"],
      ["start", "failed"],
    ]);
    expect(ops.body.items[1].error_message).toContain("Interrupted");
  });
});

describe("operations that end (short moves)", () => {
  const mock = useOperationsMock(200);

  it("a move reads completed once due, with its duration and its arrival", async () => {
    const m = mock();
    await m.send("POST", `/cvms/${running.id}/stop`);
    await sleep(500);
    const ops = await m.send("GET", `/cvms/${running.id}/operations`);
    expect(ops.body.items[0]).toMatchObject({
      operation_type: "stop",
      status: "completed",
      completed_at: "2026-03-05T10:00:00.200Z",
      duration_ms: 200,
      events: [
        { event_type: "started", state: "stopping" },
        { event_type: "completed", state: "stopped" },
      ],
    });
    const status = await m.send("GET", `/cvms/${running.id}/operation-status`);
    expect(status.body).toMatchObject({ status: "stopped", in_progress: false });
    const cancel = await m.send("POST", `/cvms/${running.id}/operations/cancel`);
    expect(cancel.status).toBe(409);
  });
});
