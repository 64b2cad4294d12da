import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import {
  afterTransition,
  api,
  expect422,
  expectInProgress,
  expectPhalaError,
  key,
  otherWorkspace,
  running,
  send,
  stopped,
  useLifecycleMock,
} from "./lifecycle.test-support";
import { currentCvmStatus } from "./status-machine";

useLifecycleMock();

describe("power actions", () => {
  it("stop: running -> stopping -> stopped, then start: -> starting -> running", async () => {
    const stop = await send("POST", `/cvms/${running.name}/stop`);
    expect(stop.status).toBe(200);
    expect(contractMismatches("POST /cvms/{cvm_id}/stop", stop.body)).toEqual([]);
    expect(stop.body.status).toBe("stopping");
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "stopped",
    );

    // Transitions run on the wall clock: the check "still starting" is made at
    // the time the request was sent, so a slow machine cannot pass the end of it.
    const sentAt = Date.now();
    const start = await send("POST", `/cvms/${running.id}/start`);
    expect(start.status).toBe(200);
    expect(start.body.status).toBe("starting");
    expect(currentCvmStatus(api.state, api.state.cvms.get(running.id)!, sentAt)).toBe("starting");
    await afterTransition();
    expect(currentCvmStatus(api.state, api.state.cvms.get(running.id)!)).toBe("running");
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "running",
    );
  });

  it("shutdown: running -> stopping -> stopped", async () => {
    const shutdown = await send("POST", `/cvms/${running.vmUuid}/shutdown`);
    expect(shutdown.status).toBe(200);
    expect(shutdown.body.status).toBe("stopping");
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "stopped",
    );
  });

  it("restart: running -> restarting -> running, taking { force }", async () => {
    const restart = await send("POST", `/cvms/app_${running.appId}/restart`, { force: true });
    expect(restart.status).toBe(200);
    expect(restart.body.status).toBe("restarting");
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "running",
    );
    expect422(
      await send("POST", `/cvms/${running.id}/restart`, { force: "yes" }),
      ["body", "force"],
      "bool_type",
    );
  });

  it("answers 409 ERR-02-008 for moves the status does not allow", async () => {
    expectPhalaError(await send("POST", `/cvms/${running.id}/start`), 409, "ERR-02-008");
    expectPhalaError(await send("POST", `/cvms/${stopped.id}/stop`), 409, "ERR-02-008");
    expectPhalaError(await send("POST", `/cvms/${stopped.id}/shutdown`), 409, "ERR-02-008");
    expectPhalaError(
      await send("POST", `/cvms/${stopped.id}/restart`, { force: false }),
      409,
      "ERR-02-008",
    );
    await send("POST", `/cvms/${stopped.id}/start`);
    // Still starting: another start and a restart conflict, for now (a 409 with no
    // error code: the operation in progress ends); a hard stop is allowed.
    expectInProgress(await send("POST", `/cvms/${stopped.id}/start`));
    expectInProgress(await send("POST", `/cvms/${stopped.id}/restart`, {}));
    expect((await send("POST", `/cvms/${stopped.id}/stop`)).body.status).toBe("stopping");
  });

  it("answers 503 while the CVM's node is under maintenance", async () => {
    const node = api.state.nodes.get(SEED.nodes.prod5.id)!;
    node.status = "MAINTENANCE";
    try {
      const refused = await send("POST", `/cvms/${running.id}/restart`, {});
      expect(refused.status).toBe(503);
      expect(refused.body.detail.message).toContain("maintenance");
      expect(refused.body.detail.details).toEqual([
        { field: "teepod_id", value: node.id, message: null },
      ]);
      expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
        "running",
      );
    } finally {
      node.status = "ONLINE";
    }
    expect((await send("POST", `/cvms/${running.id}/restart`, {})).status).toBe(200);
  });

  it("answers 428 for an operation that needs a step-up, until it is switched off", async () => {
    api.state.settings.stepUpRequired = ["POST /cvms/{cvm_id}/stop"];
    try {
      const refused = await send("POST", `/cvms/${running.id}/stop`);
      expect(refused.status).toBe(428);
      expect(refused.body.detail.message).toContain("Step-up");
      expect(refused.body.detail.details).toEqual([
        { field: "operation", value: "POST /cvms/{cvm_id}/stop", message: null },
      ]);
      // Other operations are not affected.
      expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).status).toBe(200);
    } finally {
      api.state.settings.stepUpRequired = [];
    }
    expect((await send("POST", `/cvms/${running.id}/stop`)).status).toBe(200);
  });

  it("answers 404 ERR-03-001 for a CVM that is not the caller's", async () => {
    expectPhalaError(await send("POST", `/cvms/${otherWorkspace.id}/stop`), 404, "ERR-03-001");
    expectPhalaError(await send("POST", "/cvms/no-such-cvm/start"), 404, "ERR-03-001");
  });
});

describe("DELETE /cvms/{id}", () => {
  it("answers 204 and the CVM is gone from reads and lists", async () => {
    const deleted = await send("DELETE", `/cvms/${running.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).status).toBe(404);
    const list = await getJson(api.url, "/cvms/paginated?page_size=100", { apiKey: key });
    expect(list.body.items.some((item: { id: string }) => item.id === running.id)).toBe(false);
    expectPhalaError(await send("DELETE", `/cvms/${running.id}`), 404, "ERR-03-001");
  });
});
