import { describe, expect, it } from "vitest";
import { RequestValidationError, ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { CHECKSUM, setup } from "./attestations.test-support";
import { listRecentAttestations, safeListRecentAttestations } from "./list-recent-attestations";

const recent = [{ checksum: CHECKSUM, verified: 1, created_at: "2025-08-15T16:01:28+00:00" }];

describe("listRecentAttestations", () => {
  it("GETs /attestations/recent, paged by skip and limit", async () => {
    const { client, fake } = setup({ body: recent });
    await expect(listRecentAttestations(client)).resolves.toEqual(recent);
    await listRecentAttestations(client, { skip: 20, limit: 100 });
    expect(fake.calls.map((call) => call.url)).toEqual([
      `${TEST_BASE_URL}/attestations/recent`,
      `${TEST_BASE_URL}/attestations/recent?skip=20&limit=100`,
    ]);
  });

  it.each([{ limit: 0 }, { limit: 101 }, { skip: -1 }, { page: 2 }])(
    "refuses %j before sending",
    async (args) => {
      const { client, fake } = setup({ body: recent });
      const result = await safeListRecentAttestations(client, args as never);
      expect(result.error).toBeInstanceOf(RequestValidationError);
      expect(fake.calls).toHaveLength(0);
    },
  );

  it("refuses an item without its checksum", async () => {
    const { client } = setup({ body: [{ verified: 1, created_at: "2025-08-15" }] });
    await expect(listRecentAttestations(client)).rejects.toBeInstanceOf(ResponseValidationError);
  });
});
