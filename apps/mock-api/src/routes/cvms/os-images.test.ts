import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import {
  api,
  expect422,
  expectPhalaError,
  key,
  running,
  send,
  useLifecycleMock,
} from "./lifecycle.test-support";

useLifecycleMock();

describe("PATCH /cvms/{id}/os-image", () => {
  it("moves to another image with a restart: 202 { correlation_id }", async () => {
    const sent = await send("PATCH", `/cvms/${running.id}/os-image`, {
      os_image_name: "dstack-0.5.4",
    });
    expect(sent.status).toBe(202);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/os-image", sent.body, { status: 202 })).toEqual(
      [],
    );
    expect(sent.body.correlation_id).toMatch(/^op_/);
    const read = await getJson(api.url, `/cvms/${running.id}`, { apiKey: key });
    expect(read.body.os.name).toBe("dstack-0.5.4");
    expect(read.body.status).toBe("restarting");
  });

  it("answers 404, 400 and 409 for unknown, incompatible and current images", async () => {
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/os-image`, { os_image_name: "dstack-9" }),
      404,
      "ERR-02-010",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/os-image`, { os_image_name: "dstack-dev-0.5.4" }),
      400,
      "ERR-02-013",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/os-image`, { os_image_name: "dstack-0.5.3" }),
      409,
      "ERR-02-008",
    );
    expect422(
      await send("PATCH", `/cvms/${running.id}/os-image`, {}),
      ["body", "os_image_name"],
      "missing",
    );
  });
});
