import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { api, expect422, key, running, send, useLifecycleMock } from "./lifecycle.test-support";

useLifecycleMock();

describe("PATCH /cvms/{id}/visibility", () => {
  it("sets public logs and sysinfo and answers the VM record", async () => {
    const sent = await send("PATCH", `/cvms/${running.id}/visibility`, {
      public_logs: false,
      public_sysinfo: false,
    });
    expect(sent.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/visibility", sent.body)).toEqual([]);
    expect(sent.body).toMatchObject({
      name: running.name,
      app_id: running.appId,
      status: "running",
    });
    const read = await getJson(api.url, `/cvms/${running.id}`, { apiKey: key });
    expect(read.body.public_logs).toBe(false);
    expect(read.body.public_sysinfo).toBe(false);
  });

  it("answers 422 without both flags", async () => {
    expect422(
      await send("PATCH", `/cvms/${running.id}/visibility`, { public_logs: true }),
      ["body", "public_sysinfo"],
      "missing",
    );
  });
});
