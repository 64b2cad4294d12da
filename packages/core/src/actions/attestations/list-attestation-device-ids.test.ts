import { describe, expect, it } from "vitest";
import { ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { setup } from "./attestations.test-support";
import {
  listAttestationDeviceIds,
  safeListAttestationDeviceIds,
} from "./list-attestation-device-ids";

describe("listAttestationDeviceIds", () => {
  it("GETs /attestations/device_ids: a list of device ids", async () => {
    const ids = ["cd".repeat(32)];
    const { client, call } = setup({ body: ids });
    await expect(listAttestationDeviceIds(client)).resolves.toEqual(ids);
    expect(call().url).toBe(`${TEST_BASE_URL}/attestations/device_ids`);
  });

  it("refuses anything but a list of strings", async () => {
    const { client } = setup({ body: [{ device_id: "cd" }] });
    const result = await safeListAttestationDeviceIds(client);
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
