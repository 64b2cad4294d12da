import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VM_UUID } from "../../test-utils";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { UUID_HEX, vm } from "./fixtures.test-support";
import { safeStopCvm, stopCvm } from "./stop-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "stopCvm",
  method: "POST",
  path: `/cvms/${UUID_HEX}/stop`,
  body: undefined,
  reply: { body: vm({ status: "stopping" }) },
  call: (c) => stopCvm(c, { uuid: VM_UUID }),
  safeCall: (c) => safeStopCvm(c, { uuid: VM_UUID }),
  expected: vm({ status: "stopping" }),
});

describe("argument checks (nothing sent)", () => {
  it("CVM actions need exactly one identifier", async () => {
    await refused((c) => stopCvm(c, bad({ id: "a", name: "b" })), "id|name");
  });
});

describe("the VM record's id by version", () => {
  const hashid = "cvm_ykL5lbAn";

  it("2026-06-23 and LATEST answer as 2026-05-22, and send their date", async () => {
    for (const version of ["2026-06-23", "LATEST"] as const) {
      const { fake, client } = setup({ body: vm({ id: hashid }) }, version);
      await expect(stopCvm(client, { id: hashid })).resolves.toMatchObject({ id: hashid });
      expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
    }
  });
});
