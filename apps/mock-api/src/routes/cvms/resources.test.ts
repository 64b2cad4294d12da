import { describe, expect, it } from "vitest";
import { getJson } from "../../internal/test-support";
import {
  afterTransition,
  api,
  expect422,
  expectInProgress,
  expectPhalaError,
  key,
  running,
  send,
  stopped,
  useLifecycleMock,
} from "./lifecycle.test-support";

useLifecycleMock();

describe("PATCH /cvms/{id}/resources", () => {
  it("resizes a running CVM with allow_restart: 202 { correlation_id }, restarting then running", async () => {
    const resized = await send("PATCH", `/cvms/${running.id}/resources`, {
      instance_type: "tdx.large",
      disk_size: 60,
      allow_restart: true,
    });
    expect(resized.status).toBe(202);
    expect(resized.body).toMatchObject({ correlation_id: expect.stringMatching(/^op_/) });
    const read = await getJson(api.url, `/cvms/${running.id}`, { apiKey: key });
    expect(read.body.status).toBe("restarting");
    expect(read.body.progress.correlation_id).toBe(resized.body.correlation_id);
    expect(read.body.resource).toMatchObject({
      instance_type: "tdx.large",
      vcpu: 4,
      memory_in_gb: 8,
      disk_in_gb: 60,
    });
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "running",
    );
  });

  it("takes allow_restart as the contract's integer too, and answers 409 (no code) mid-operation", async () => {
    const resized = await send("PATCH", `/cvms/${running.id}/resources`, {
      vcpu: 2,
      allow_restart: 1,
    });
    expect(resized.status).toBe(202);
    expectInProgress(
      await send("PATCH", `/cvms/${running.id}/resources`, { vcpu: 4, allow_restart: 1 }),
    );
  });

  it("resizes a stopped CVM without restarting it", async () => {
    expect((await send("PATCH", `/cvms/${stopped.id}/resources`, { vcpu: 2 })).status).toBe(202);
    const read = await getJson(api.url, `/cvms/${stopped.id}`, { apiKey: key });
    expect(read.body.status).toBe("stopped");
    expect(read.body.resource.vcpu).toBe(2);
  });

  it("refuses a running CVM without allow_restart, a smaller disk, and nothing to change", async () => {
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/resources`, { vcpu: 2 }),
      400,
      "ERR-02-008",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/resources`, { disk_size: 5, allow_restart: true }),
      400,
      "ERR-02-009",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/resources`, { allow_restart: true }),
      400,
      "ERR-02-008",
    );
    expect422(
      await send("PATCH", `/cvms/${running.id}/resources`, { vcpu: 0 }),
      ["body", "vcpu"],
      "greater_than_equal",
    );
  });
});
