import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

let api: RunningMockApi;
beforeEach(async () => {
  api = await startMockApi();
});
afterEach(() => api.close());

const revoke = (apiKey: string) =>
  fetch(`${api.url}/tokens/self`, { method: "DELETE", headers: { "X-API-Key": apiKey } });

describe("DELETE /tokens/self", () => {
  it("answers 204, and the key is refused from then on with the API's 401", async () => {
    expect((await getJson(api.url, "/auth/me", { apiKey: "to-revoke" })).status).toBe(200);
    const revoked = await revoke("to-revoke");
    expect(revoked.status).toBe(204);
    expect(await revoked.text()).toBe("");
    const refused = await getJson(api.url, "/auth/me", { apiKey: "to-revoke" });
    expect(refused.status).toBe(401);
    expect(refused.body.detail.message).toBe("Invalid or missing API key");
    expect((await getJson(api.url, "/cvms/paginated", { apiKey: "to-revoke" })).status).toBe(401);
    expect((await revoke("to-revoke")).status).toBe(401);
  });

  it("revokes the key it is called with alone", async () => {
    expect((await revoke(SEED.apiKeys.member)).status).toBe(204);
    expect((await getJson(api.url, "/auth/me", { apiKey: SEED.apiKeys.demo })).status).toBe(200);
    expect((await getJson(api.url, "/auth/me", { apiKey: SEED.apiKeys.member })).status).toBe(401);
  });

  it("needs a key", async () => {
    const response = await fetch(`${api.url}/tokens/self`, { method: "DELETE" });
    expect(response.status).toBe(401);
  });
});
