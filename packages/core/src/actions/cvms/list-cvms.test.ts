import {
  ListCvmsResponseV20251028Schema,
  ListCvmsResponseV20260121Schema,
} from "@phala/cloud-schemas";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cvmV20251028, cvmV20260121, TEST_BASE_URL } from "../../test-utils";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { listCvms, safeListCvms } from "./list-cvms";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeActionCall({
  name: "listCvms",
  method: "GET",
  path: "/cvms",
  body: undefined,
  reply: { body: [cvmV20260121()] },
  call: (c) => listCvms(c),
  safeCall: (c) => safeListCvms(c),
  expected: ListCvmsResponseV20260121Schema.parse([cvmV20260121()]),
});

describe("listCvms", () => {
  it("sends the reference's filters, user_id and teepod_id", async () => {
    const { fake, client } = setup({ body: [] });
    await expect(listCvms(client, { user_id: "usr_ab12", teepod_id: 3 })).resolves.toEqual([]);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms?user_id=usr_ab12&teepod_id=3`);
  });

  it("answers each version's CVM shape: flat in 2025-10-28, nested from 2026-01-21", async () => {
    const old = setup({ body: [cvmV20251028()] }, "2025-10-28");
    await expect(listCvms(old.client)).resolves.toEqual(
      ListCvmsResponseV20251028Schema.parse([cvmV20251028()]),
    );
    expect(old.fake.calls[0]!.headers["x-phala-version"]).toBe("2025-10-28");
    // A nested CVM is not a 2025-10-28 item.
    const wrong = setup({ body: [cvmV20260121()] }, "2025-10-28");
    await expect(listCvms(wrong.client)).rejects.toThrow();
    const latest = setup({ body: [cvmV20260121()] }, "2026-05-22");
    await expect(listCvms(latest.client)).resolves.toHaveLength(1);
  });

  it("refuses a bad filter or an unknown argument before sending", async () => {
    await refused((c) => listCvms(c, { user_id: "alice" }), "user_id");
    await refused((c) => listCvms(c, { teepod_id: 0 }), "teepod_id");
    await refused((c) => listCvms(c, bad({ page: 2 })), "page");
  });
});
