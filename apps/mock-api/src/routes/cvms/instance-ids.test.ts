import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { startMockApi } from "../../server";
import {
  api,
  expect422,
  key,
  provisionAndCommit,
  running,
  send,
  useLifecycleMock,
} from "./lifecycle.test-support";

useLifecycleMock();

describe("instance ids", () => {
  it("PATCH /cvms/{id}/instance-id reports an unchanged id of a running CVM", async () => {
    const sent = await send("PATCH", `/cvms/${running.id}/instance-id`, { dry_run: true });
    expect(sent.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/instance-id", sent.body)).toEqual([]);
    expect(sent.body).toMatchObject({
      identifier: running.id,
      status: "unchanged",
      new_instance_id: running.instanceId,
    });
  });

  it("skips a VM that has not booted, and records the id once it runs", async () => {
    const { vm } = await provisionAndCommit();
    const before = await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, {});
    expect(before.body.status).toBe("skipped");
    api.state.cvms.forEach((cvm) => {
      if (cvm.vmUuid === vm.vm_uuid) {
        cvm.status = "running";
        cvm.instanceId = null;
      }
    });
    const dry = await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, { dry_run: true });
    expect(dry.body.status).toBe("updated");
    const saved = await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, {});
    expect(saved.body.status).toBe("updated");
    expect((await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, {})).body.status).toBe(
      "unchanged",
    );
  });

  it("PATCH /cvms/instance-ids refreshes many, with counts", async () => {
    const all = await send("PATCH", "/cvms/instance-ids", { missing_only: false });
    expect(all.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/instance-ids", all.body)).toEqual([]);
    expect(all.body.scanned).toBe(all.body.items.length);
    expect(all.body.unchanged).toBe(all.body.items.length);
    const some = await send("PATCH", "/cvms/instance-ids", {
      cvm_ids: [running.id, "missing-cvm"],
      missing_only: false,
      limit: 2,
    });
    expect(some.body).toMatchObject({ total: 2, scanned: 2, unchanged: 1, errors: 1 });
    // A CVM the API cannot number is 0, an integer as the contract has it.
    expect(some.body.items[1]).toMatchObject({ cvm_id: 0, status: "error" });
    expect422(
      await send("PATCH", "/cvms/instance-ids", { limit: 501 }),
      ["body", "limit"],
      "less_than_equal",
    );
  });
});

describe("PATCH /cvms/instance-ids defaults", () => {
  it("scans running CVMs missing an instance id, at most 100 (running_only, missing_only true)", async () => {
    const live = api.state.cvms.get(running.id)!;
    live.instanceId = null;
    const refreshed = await send("PATCH", "/cvms/instance-ids", {});
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ scanned: 1, updated: 1 });
    expect(refreshed.body.items[0].identifier).toBe(running.id);
    expect(live.instanceId).toMatch(/^[0-9a-f]{40}$/);
    // Nothing is missing any more; a stopped CVM is not scanned either.
    expect((await send("PATCH", "/cvms/instance-ids", {})).body.scanned).toBe(0);
    const stoppedOnes = await send("PATCH", "/cvms/instance-ids", {
      running_only: false,
      missing_only: false,
    });
    expect(stoppedOnes.body.scanned).toBeGreaterThan(
      (await send("PATCH", "/cvms/instance-ids", { missing_only: false })).body.scanned,
    );
  });

  it("stops at 100 CVMs unless the limit says otherwise", async () => {
    const many = await startMockApi({ extraCvms: 150 });
    try {
      const patch = (body: unknown) =>
        fetch(`${many.url}/cvms/instance-ids`, {
          method: "PATCH",
          headers: { "X-API-Key": key, "content-type": "application/json" },
          body: JSON.stringify(body),
        }).then((response) => response.json());
      const first = await patch({ missing_only: false, running_only: false });
      expect(first.scanned).toBe(100);
      expect(first.total).toBeGreaterThan(100);
      expect((await patch({ missing_only: false, running_only: false, limit: 500 })).scanned).toBe(
        first.total,
      );
    } finally {
      await many.close();
    }
  });
});
