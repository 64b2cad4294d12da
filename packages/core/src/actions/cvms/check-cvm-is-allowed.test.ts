import { describe, expect, it } from "vitest";
import { ResponseValidationError } from "../../errors";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { isAllowed, setup } from "../apps/apps.test-support";
import { checkCvmIsAllowed } from "./check-cvm-is-allowed";

describe("checkCvmIsAllowed", () => {
  it("its POST path and body", async () => {
    const cvm = setup({ ...isAllowed, cvm_id: 4101 });
    const one = await checkCvmIsAllowed(cvm.client, { cvmId: APP_HEX, node_id: 5 });
    expect(cvm.call().url).toBe(`${TEST_BASE_URL}/cvms/app_${APP_HEX}/is-allowed`);
    expect(cvm.call().body).toEqual({ node_id: 5 });
    expect(one.cvm_id).toBe(4101);
  });

  it("an integer cvm_id, or none", async () => {
    const withId = setup({ ...isAllowed, cvm_id: 4101 });
    await expect(checkCvmIsAllowed(withId.client, { id: "cvm_1" })).resolves.toMatchObject({
      cvm_id: 4101,
      is_allowed: true,
    });
    const without = setup(isAllowed);
    await expect(checkCvmIsAllowed(without.client, { id: "cvm_1" })).resolves.toMatchObject({
      cvm_id: null,
    });
  });

  it("refuses cvmId with another id and sends nothing", async () => {
    const { client, fake } = setup({});
    await expect(checkCvmIsAllowed(client, { cvmId: "a", id: "b" } as never)).rejects.toMatchObject(
      {
        issues: [{ path: "cvmId" }],
      },
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("2026-05-22 takes a cvm_... cvm_id and refuses a number; 2026-01-21 the reverse", async () => {
    const hashid = setup({ ...isAllowed, cvm_id: "cvm_ykL5lbAn" }, "2026-05-22");
    await expect(checkCvmIsAllowed(hashid.client, { id: "cvm_ykL5lbAn" })).resolves.toMatchObject({
      cvm_id: "cvm_ykL5lbAn",
    });
    expect(hashid.call().headers["x-phala-version"]).toBe("2026-05-22");
    const numeric = setup({ ...isAllowed, cvm_id: 0 }, "2026-05-22");
    const refused = await checkCvmIsAllowed(numeric.client, { id: "cvm_1" }).catch((e) => e);
    expect(refused).toBeInstanceOf(ResponseValidationError);
    expect(refused).toMatchObject({ apiVersion: "2026-05-22", issues: [{ path: "cvm_id" }] });
    const old = setup({ ...isAllowed, cvm_id: 0 }, "2026-01-21");
    await expect(checkCvmIsAllowed(old.client, { id: "cvm_1" })).resolves.toMatchObject({
      cvm_id: 0,
    });
    const oldHashid = setup({ ...isAllowed, cvm_id: "cvm_ykL5lbAn" }, "2026-01-21");
    await expect(checkCvmIsAllowed(oldHashid.client, { id: "cvm_1" })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });
});
