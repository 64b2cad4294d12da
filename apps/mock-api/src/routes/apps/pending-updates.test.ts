import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { api, key, send, useLifecycleMock } from "../cvms/lifecycle.test-support";

useLifecycleMock();

const TX = `0x${"ab".repeat(32)}`;
const oracleApp = SEED.apps.oracle.appId;
const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
const next = "services:\n  oracle:\n    image: ghcr.io/acme-research/price-oracle:2.0.0\n";

const pending = () => getJson(api.url, `/apps/${oracleApp}/pending-updates`, { apiKey: key });
const preview = (vmUuid: string, hash: string) =>
  getJson(api.url, `/apps/${oracleApp}/pending-updates/${vmUuid}/${hash}/preview`, {
    apiKey: key,
  });

describe("GET /apps/{app_id}/pending-updates and its preview", () => {
  it("lists an update waiting for its hash, previews it, and forgets it once applied", async () => {
    expect((await pending()).body).toEqual({ items: [] });
    const before = await fetch(`${api.url}/cvms/${oracle.id}/docker-compose.yml`, {
      headers: { "X-API-Key": key },
    }).then((r) => r.text());
    const update = await send("PATCH", `/cvms/${oracle.id}`, { docker_compose_file: next });
    expect(update.status).toBe(465);
    const hash: string = update.body.detail.details[0].value;

    const listed = await pending();
    expect(contractMismatches("GET /apps/{app_id}/pending-updates", listed.body)).toEqual([]);
    expect(listed.body.items).toEqual([
      { vm_uuid: oracle.vmUuid, compose_hash: hash, on_chain: true, instance_name: oracle.name },
    ]);

    // The VM UUID with or without dashes, the hash with or without 0x.
    const shown = await preview(oracle.vmUuid.replaceAll("-", ""), `0x${hash}`);
    expect(shown.status).toBe(200);
    expect(
      contractMismatches(
        "GET /apps/{app_id}/pending-updates/{vm_uuid}/{compose_hash}/preview",
        shown.body,
      ),
    ).toEqual([]);
    expect(shown.body).toEqual({
      current_docker_compose: before,
      pending_docker_compose: next,
      current_pre_launch_script: null,
      pending_pre_launch_script: null,
    });

    const applied = await send("PATCH", `/cvms/${oracle.id}`, undefined, {
      headers: { "X-Compose-Hash": hash, "X-Transaction-Hash": TX },
    });
    expect(applied.status).toBe(202);
    expect((await pending()).body.items).toEqual([]);
    expect((await preview(oracle.vmUuid, hash)).status).toBe(404);
  });

  it("a hash no update waits for, or a CVM of another app, is a 404", async () => {
    await send("PATCH", `/cvms/${oracle.id}`, { docker_compose_file: next });
    expect((await preview(oracle.vmUuid, "cd".repeat(32))).status).toBe(404);
    expect((await preview(SEED.exampleCvm.vmUuid, "cd".repeat(32))).status).toBe(404);
  });
});
