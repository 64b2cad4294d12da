import { GetCvmStatusBatchSchema } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import {
  expect422,
  otherWorkspace,
  running,
  send,
  stopped,
  useLifecycleMock,
} from "./lifecycle.test-support";

useLifecycleMock();

describe("POST /status/batch", () => {
  it("maps each visible VM UUID as sent to its status", async () => {
    const dashed = running.vmUuid;
    const bare = stopped.vmUuid.replaceAll("-", "");
    const sent = await send("POST", "/status/batch", {
      vm_uuids: [dashed, bare, otherWorkspace.vmUuid, "00000000-0000-4000-8000-000000000000"],
    });
    expect(sent.status).toBe(200);
    expect(GetCvmStatusBatchSchema.safeParse(sent.body).success).toBe(true);
    expect(Object.keys(sent.body).sort()).toEqual([bare, dashed].sort());
    expect(sent.body[dashed]).toMatchObject({
      status: "running",
      in_progress: false,
      vm_uuid: dashed,
    });
    expect(sent.body[bare]).toMatchObject({ status: "stopped", in_progress: false, uptime: null });

    await send("POST", `/cvms/${running.id}/restart`, {});
    const busy = await send("POST", "/status/batch", { vm_uuids: [dashed] });
    expect(busy.body[dashed]).toMatchObject({ status: "restarting", in_progress: true });
    expect(busy.body[dashed].operation.type).toBe("restart");
  });

  it("answers 422 without vm_uuids", async () => {
    expect422(await send("POST", "/status/batch", {}), ["body", "vm_uuids"], "missing");
  });
});
