import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { running, stopped, useOperationsMock } from "./operations.test-support";

describe("PATCH /cvms/{cvm_id}/listed", () => {
  const mock = useOperationsMock(60_000);

  it("answers the VM record; the lists read listed back as written", async () => {
    const m = mock();
    const sent = await m.send("PATCH", `/cvms/${running.id}/listed`, { listed: false });
    expect(sent.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/listed", sent.body)).toEqual([]);
    expect(sent.body.name).toBe(running.name);
    const read = async () => {
      const detail = await m.send("GET", `/cvms/${running.id}`);
      const page = await m.send("GET", "/cvms/paginated?page_size=100");
      const all = await m.send("GET", "/cvms");
      return [
        detail.body.listed,
        page.body.items.find((cvm: any) => cvm.id === running.id).listed,
        all.body.find((cvm: any) => cvm.id === running.id).listed,
      ];
    };
    expect(await read()).toEqual([false, false, false]);
    await m.send("PATCH", `/cvms/${running.id}/listed`, { listed: true });
    expect(await read()).toEqual([true, true, true]);
  });

  it("takes the VM record's table id in 2025-10-28 and a cvm_ hashid from 2026-05-22", async () => {
    const m = mock();
    const old = await m.send(
      "PATCH",
      `/cvms/${running.id}/listed`,
      { listed: true },
      { version: "2025-10-28" },
    );
    expect(typeof old.body.id).toBe("number");
    const hashed = await m.send(
      "PATCH",
      `/cvms/${running.id}/listed`,
      { listed: true },
      { version: "2026-05-22" },
    );
    expect(hashed.body.id).toBe(running.id);
  });

  it("answers 422 for a missing or non-boolean listed, 404 for an unknown CVM", async () => {
    const m = mock();
    for (const body of [{}, { listed: "yes" }]) {
      const sent = await m.send("PATCH", `/cvms/${running.id}/listed`, body);
      expect(sent.status).toBe(422);
      expect(sent.body.detail[0].loc).toEqual(["body", "listed"]);
    }
    expect((await m.send("PATCH", "/cvms/cvm_nothere/listed", { listed: true })).status).toBe(404);
  });
});

describe("PATCH /cvms/{cvm_id}/scheduled-delete", () => {
  const mock = useOperationsMock(60_000);

  it("is shown until due, then the CVM is deleted: gone from every list, its reads 404", async () => {
    const m = mock();
    const sent = await m.send("PATCH", `/cvms/${stopped.id}/scheduled-delete`, {
      scheduled_delete_at: "2026-03-05T11:00:00Z",
    });
    expect(sent.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/scheduled-delete", sent.body)).toEqual([]);
    const detail = await m.send("GET", `/cvms/${stopped.id}`, undefined, { version: "2025-10-28" });
    expect(detail.body.scheduled_delete_at).toBe("2026-03-05T11:00:00.000Z");
    const listed = async () => {
      const all = await m.send("GET", "/cvms");
      const page = await m.send("GET", "/cvms/paginated?page_size=100");
      return [
        all.body.some((cvm: any) => cvm.id === stopped.id),
        page.body.items.some((cvm: any) => cvm.id === stopped.id),
      ];
    };
    m.advance(59 * 60_000);
    expect(await listed()).toEqual([true, true]);
    m.advance(60_000);
    expect(await listed()).toEqual([false, false]);
    expect((await m.send("GET", `/cvms/${stopped.id}`)).status).toBe(404);
    expect(m.api.state.cvms.get(stopped.id)!.deletedAt).toBe("2026-03-05T11:00:00.000Z");
  });

  it("null, or no body at all, cancels the schedule", async () => {
    const m = mock();
    for (const body of [{ scheduled_delete_at: null }, undefined]) {
      await m.send("PATCH", `/cvms/${stopped.id}/scheduled-delete`, {
        scheduled_delete_at: "2026-03-05T11:00:00Z",
      });
      const cleared = await m.send("PATCH", `/cvms/${stopped.id}/scheduled-delete`, body);
      expect(cleared.status).toBe(200);
      const detail = await m.send("GET", `/cvms/${stopped.id}`, undefined, {
        version: "2025-10-28",
      });
      expect(detail.body.scheduled_delete_at).toBeNull();
    }
    m.advance(2 * 3600_000);
    expect((await m.send("GET", `/cvms/${stopped.id}`)).status).toBe(200);
  });

  it("answers 422 for a time in the past or not a date-time", async () => {
    const m = mock();
    for (const value of ["2026-03-05T09:00:00Z", "soon", 42]) {
      const sent = await m.send("PATCH", `/cvms/${stopped.id}/scheduled-delete`, {
        scheduled_delete_at: value,
      });
      expect(sent.status).toBe(422);
      expect(sent.body.detail[0].loc).toEqual(["body", "scheduled_delete_at"]);
    }
  });
});
