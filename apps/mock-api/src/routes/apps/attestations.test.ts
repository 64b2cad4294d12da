import { AppAttestationResponseSchema } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { getJson } from "../../internal/test-support";
import { key, mock, useAppsMock, web } from "./apps.test-support";

useAppsMock();

describe("attestations and device allowlist", () => {
  it("attests each instance; stopped ones say why they have no quote", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${web}/attestations`, { apiKey: key });
    expect(status).toBe(200);
    expect(AppAttestationResponseSchema.safeParse(body).success).toBe(true);
    expect(body.instances).toHaveLength(3);
    const stopped = body.instances.find((i: { name: string }) => i.name === "acme-web-3");
    expect(stopped).toMatchObject({ quote: null, error: "CVM is not running" });
  });
});
