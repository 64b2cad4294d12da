import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { key, mock, useAppsMock, web } from "./apps.test-support";

useAppsMock();

describe("GET /apps/{app_id}/attestations/tcb-evaluation", () => {
  it("evaluates each running instance's platform; a stopped one has no quote", async () => {
    const { status, body } = await getJson(mock.url, `/apps/${web}/attestations/tcb-evaluation`, {
      apiKey: key,
    });
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/attestations/tcb-evaluation", body)).toEqual([]);
    expect(body.app_id).toBe(web);
    const byName = Object.fromEntries(body.instances.map((i: { name: string }) => [i.name, i]));
    expect(byName["cvm-abc123"]).toMatchObject({
      evaluation_ok: true,
      evaluation_status: "UpToDate",
      ppid: mock.state.nodes.get(SEED.nodes.prod5.id)?.ppid,
      error: null,
    });
    expect(byName["acme-web-3"]).toMatchObject({ status: "stopped", evaluation_ok: null });
    expect(byName["acme-web-3"].error).toContain("stopped");
  });

  it("another workspace's app is a 404", async () => {
    const { status } = await getJson(
      mock.url,
      `/apps/${SEED.apps.notebook.appId}/attestations/tcb-evaluation`,
      { apiKey: key },
    );
    expect(status).toBe(404);
  });
});
