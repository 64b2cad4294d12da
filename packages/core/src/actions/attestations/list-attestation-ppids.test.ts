import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { setup } from "./attestations.test-support";
import { listAttestationPpids, safeListAttestationPpids } from "./list-attestation-ppids";

describe("listAttestationPpids", () => {
  it("GETs /attestations/ppids: a list of PPIDs", async () => {
    const ppids = ["0f".repeat(16), "a1".repeat(16)];
    const { client, call } = setup({ body: ppids });
    await expect(listAttestationPpids(client)).resolves.toEqual(ppids);
    expect(call().url).toBe(`${TEST_BASE_URL}/attestations/ppids`);
  });

  it("takes no arguments, only options", async () => {
    const { client, fake } = setup({ body: [] });
    await expect(listAttestationPpids(client, { version: "2025-10-28" })).resolves.toEqual([]);
    const result = await safeListAttestationPpids(client, { limit: 5 } as never);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(1);
  });
});
