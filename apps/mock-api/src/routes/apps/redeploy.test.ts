import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { api, key, running, send, useLifecycleMock } from "../cvms/lifecycle.test-support";

useLifecycleMock();

const TX = `0x${"ab".repeat(32)}`;
const web = SEED.apps.web.appId;
const oracleApp = SEED.apps.oracle.appId;
const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
const compose = (image: string) => `services:\n  app:\n    image: ${image}\n`;

/** The app's revision that created `cvmName`. */
async function creation(appId: string, cvmName: string) {
  const { body } = await getJson(api.url, `/apps/${appId}/revisions?page_size=100`, {
    apiKey: key,
  });
  return body.revisions.find(
    (r: { operation_type: string; cvm: { name: string } | null }) =>
      r.operation_type === "create" && r.cvm?.name === cvmName,
  );
}

const dockerCompose = async (id: string) =>
  (
    await fetch(`${api.url}/cvms/${id}/docker-compose.yml`, { headers: { "X-API-Key": key } })
  ).text();

describe("POST /apps/{app_id}/revisions/{revision_id}/redeploy", () => {
  it("applies the revision's compose file again and records a redeploy revision", async () => {
    // Read first: the revisions are seeded from the CVMs as they are at their first read.
    const revision = await creation(web, running.name);
    const original = await dockerCompose(running.id);
    await send("PATCH", `/cvms/${running.id}`, { docker_compose_file: compose("nginx:1.28") });
    expect(await dockerCompose(running.id)).toContain("nginx:1.28");
    const redeploy = await send("POST", `/apps/${web}/revisions/${revision.revision_id}/redeploy`, {
      vm_uuids: [running.vmUuid],
    });
    expect(redeploy.status).toBe(202);
    expect(
      contractMismatches("POST /apps/{app_id}/revisions/{revision_id}/redeploy", redeploy.body, {
        status: 202,
      }),
    ).toEqual([]);
    expect(redeploy.body.correlation_id).toMatch(/^op_/);
    expect(await dockerCompose(running.id)).toBe(original);
    const { body } = await getJson(api.url, `/apps/${web}/revisions?page_size=100`, {
      apiKey: key,
    });
    expect(body.revisions[0]).toMatchObject({
      operation_type: "redeploy",
      vm_uuid: running.vmUuid,
    });
  });

  it("an unknown revision or VM UUID is a 404; a wrong body a 422", async () => {
    expect((await send("POST", `/apps/${web}/revisions/rev_nope/redeploy`)).status).toBe(404);
    const revision = await creation(web, running.name);
    const at = `/apps/${web}/revisions/${revision.revision_id}/redeploy`;
    expect((await send("POST", at, { vm_uuids: ["0".repeat(32)] })).status).toBe(404);
    expect((await send("POST", at, { vm_uuids: "all" })).status).toBe(422);
  });

  it("on-chain: a hash the contract does not allow is a 465 until the transaction comes", async () => {
    const revision = await creation(oracleApp, oracle.name);
    // Move the CVM off its first compose through the 465 flow of PATCH /cvms/{id}.
    const changed = await send("PATCH", `/cvms/${oracle.id}`, {
      docker_compose_file: compose("ghcr.io/acme-research/price-oracle:2.0.0"),
    });
    expect(changed.status).toBe(465);
    const pendingHash = changed.body.detail.details[0].value;
    const confirmed = await send("PATCH", `/cvms/${oracle.id}`, undefined, {
      headers: { "X-Compose-Hash": pendingHash, "X-Transaction-Hash": TX },
    });
    expect(confirmed.status).toBe(202);

    const at = `/apps/${oracleApp}/revisions/${revision.revision_id}/redeploy`;
    const first = await send("POST", at, { vm_uuids: [oracle.vmUuid] });
    expect(first.status).toBe(465);
    expect(first.body.detail.error_code).toBe("ERR-01-005");
    const hash = first.body.detail.details[0].value;
    // The redeploy waits as the CVM's pending update.
    const pending = await getJson(api.url, `/apps/${oracleApp}/pending-updates`, { apiKey: key });
    expect(pending.body.items).toEqual([
      { vm_uuid: oracle.vmUuid, compose_hash: hash, on_chain: true, instance_name: oracle.name },
    ]);
    expect(
      (await send("POST", `${at}?transaction_hash=0x1234`, { vm_uuids: [oracle.vmUuid] })).status,
    ).toBe(400);
    const done = await send("POST", `${at}?transaction_hash=${TX}`, { vm_uuids: [oracle.vmUuid] });
    expect(done.status).toBe(202);
    expect(await dockerCompose(oracle.id)).toContain("price-oracle:1.9.0");
    const after = await getJson(api.url, `/apps/${oracleApp}/pending-updates`, { apiKey: key });
    expect(after.body.items).toEqual([]);
  });
});
