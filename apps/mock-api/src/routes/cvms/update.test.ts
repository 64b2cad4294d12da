import { describe, expect, it } from "vitest";
import { getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { disallowComposeHash } from "./registration";
import {
  api,
  expectRegistrationRequired,
  info,
  key,
  NEW_YAML,
  offChain,
  oracle,
  send,
  TX,
  useUpdatesMock,
} from "./updates.test-support";

useUpdatesMock();

describe("PATCH /cvms/{id}", () => {
  it("off-chain: applies the fields and answers 202 { correlation_id }", async () => {
    const response = await send("PATCH", `/cvms/${offChain.id}`, {
      public_logs: false,
      vcpu: 2,
      memory: 4096,
    });
    expect(response.status).toBe(202);
    expect(response.body.correlation_id).toMatch(/^op_/);
    const after = await info(offChain.id);
    expect(after.public_logs).toBe(false);
    expect(after.resource.vcpu).toBe(2);
    expect(after.resource.memory_in_gb).toBe(4);
  });

  it("on-chain: 465, then confirm with X-Compose-Hash / X-Transaction-Hash and no body", async () => {
    const first = await send("PATCH", `/cvms/${oracle.id}`, { docker_compose_file: NEW_YAML });
    const { compose_hash, commit_token } = expectRegistrationRequired(first, oracle.appId);
    expect(commit_token).toBeUndefined();
    const confirm = await send("PATCH", `/cvms/${oracle.id}`, undefined, {
      "X-Compose-Hash": compose_hash,
      "X-Transaction-Hash": TX,
    });
    expect(confirm.status).toBe(202);
    expect((await info(oracle.id)).compose_hash).toBe(compose_hash);
    // Nothing is pending any more.
    const again = await send("PATCH", `/cvms/${oracle.id}`, undefined, {
      "X-Compose-Hash": compose_hash,
      "X-Transaction-Hash": TX,
    });
    expect(again.status).toBe(466);
    expect(again.body.detail.error_code).toBe("ERR-01-006");
  });

  it("on-chain, non-compose fields need no registration", async () => {
    const response = await send("PATCH", `/cvms/${oracle.id}`, { vcpu: 4 });
    expect(response.status).toBe(202);
  });

  it("prepare-only: 465 with a commit token, committed by POST /commit-update", async () => {
    const first = await send(
      "PATCH",
      `/cvms/${oracle.id}`,
      { docker_compose_file: NEW_YAML },
      {
        "X-Prepare-Only": "true",
      },
    );
    const details = expectRegistrationRequired(first, oracle.appId);
    expect(details.commit_token).toMatch(/^ct_/);
    expect(details.api_commit_url).toBe(`${api.url}/cvms/${oracle.id}/commit-update`);
    expect(details.commit_url).toContain(details.commit_token);

    const wrongToken = await send("POST", `/cvms/${oracle.id}/commit-update`, {
      token: "ct_wrong",
      compose_hash: details.compose_hash,
      transaction_hash: TX,
    });
    expect(wrongToken.status).toBe(409);
    expect(wrongToken.body.detail.error_code).toBe("ERR-01-006");

    const commit = await send("POST", `/cvms/${oracle.id}/commit-update`, {
      token: details.commit_token,
      compose_hash: details.compose_hash,
      transaction_hash: TX,
    });
    expect(commit.status).toBe(202);
    expect(commit.body).toMatchObject({ status: "in_progress" });
    expect((await info(oracle.id)).compose_hash).toBe(details.compose_hash);
  });

  it('commit-update: every field defaults to "" (an unknown token is 409), a non-string is a 422', async () => {
    const unknown = await send("POST", `/cvms/${oracle.id}/commit-update`, { token: "t" });
    expect(unknown.status).toBe(409);
    expect(unknown.body.detail.error_code).toBe("ERR-01-006");
    expect((await send("POST", `/cvms/${oracle.id}/commit-update`)).status).toBe(409);
    const typed = await send("POST", `/cvms/${oracle.id}/commit-update`, { token: 5 });
    expect(typed.status).toBe(422);
    expect(typed.body.detail[0]).toMatchObject({ type: "string_type", loc: ["body", "token"] });
  });

  it("422 for a mistyped field", async () => {
    const response = await send("PATCH", `/cvms/${offChain.id}`, { vcpu: "four" });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({ type: "int_type", loc: ["body", "vcpu"] });
  });
});

describe("PATCH /cvms/{id}: resize and GPUs", () => {
  it("resizes by instance type or by vcpu/memory/disk, taking allow_restart (boolean or 0/1)", async () => {
    const typed = await send("PATCH", `/cvms/${offChain.id}`, {
      instance_type: "tdx.large",
      disk_size: 60,
      allow_restart: true,
    });
    expect(typed.status).toBe(202);
    expect(typed.body.correlation_id).toMatch(/^op_/);
    expect((await info(offChain.id)).resource).toMatchObject({
      instance_type: "tdx.large",
      vcpu: 4,
      memory_in_gb: 8,
      disk_in_gb: 60,
    });
    const sized = await send("PATCH", `/cvms/${offChain.id}`, {
      vcpu: 8,
      memory: 16384,
      allow_restart: 1,
    });
    expect(sized.status).toBe(202);
    expect((await info(offChain.id)).resource).toMatchObject({
      instance_type: "tdx.xlarge",
      vcpu: 8,
      memory_in_gb: 16,
    });
  });

  it("refuses an unknown type, a smaller disk, and a running resize with allow_restart: false", async () => {
    const unknown = await send("PATCH", `/cvms/${offChain.id}`, { instance_type: "tdx.huge" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail.error_code).toBe("ERR-02-001");
    const smaller = await send("PATCH", `/cvms/${offChain.id}`, { disk_size: 1 });
    expect(smaller.status).toBe(400);
    expect(smaller.body.detail.error_code).toBe("ERR-02-009");
    const noRestart = await send("PATCH", `/cvms/${offChain.id}`, {
      vcpu: 2,
      allow_restart: false,
    });
    expect(noRestart.status).toBe(400);
    expect(noRestart.body.detail.error_code).toBe("ERR-02-008");
    const shutdown = await send("PATCH", `/cvms/${offChain.id}`, { shutdown_timeout: 5 });
    expect(shutdown.status).toBe(422);
    expect(shutdown.body.detail[0].loc).toEqual(["body", "shutdown_timeout"]);
  });

  it("attaches GPUs as { gpus: [{ slot, product_id? }], attach_mode }", async () => {
    const gpus = {
      gpus: [{ slot: "0000:18:00.0", product_id: "h200" }, { slot: "0000:28:00.0" }],
      attach_mode: "listed",
    };
    const response = await send("PATCH", `/cvms/${offChain.id}`, { gpus });
    expect(response.status).toBe(202);
    expect((await info(offChain.id)).resource.gpus).toBe(2);
    const legacy = await getJson(api.url, "/cvms/paginated?page_size=100", {
      apiKey: key,
      version: "2025-10-28",
    });
    const item = legacy.body.items.find((i: any) => i.name === offChain.name);
    expect(item.hosted.configuration.gpus).toEqual({
      gpus: [
        { slot: "0000:18:00.0", product_id: "h200" },
        { slot: "0000:28:00.0", product_id: null },
      ],
      attach_mode: "listed",
    });
    const all = await send("PATCH", `/cvms/${offChain.id}`, {
      gpus: { gpus: [], attach_mode: "all" },
    });
    expect(all.status).toBe(202);
    const bad = await send("PATCH", `/cvms/${offChain.id}`, {
      gpus: { gpus: [{ product_id: "x" }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({
      type: "missing",
      loc: ["body", "gpus", "gpus", "0", "slot"],
    });
    const old = await send("PATCH", `/cvms/${offChain.id}`, { gpus: { count: 1 } });
    expect(old.status).toBe(422);
    expect(old.body.detail[0].loc).toEqual(["body", "gpus", "gpus"]);
  });
});

describe("compose-hash flows: 466, 467, 468, 503, 428", () => {
  it("envs: a proof with another hash is 466 ERR-01-006, a bad transaction 467 ERR-01-007", async () => {
    const first = await send("PATCH", `/cvms/${oracle.id}/envs`, {
      encrypted_env: "00",
      env_keys: ["K"],
    });
    const { compose_hash } = expectRegistrationRequired(first, oracle.appId);
    const wrongHash = await send("PATCH", `/cvms/${oracle.id}/envs`, {
      encrypted_env: "00",
      env_keys: ["K"],
      compose_hash: "0".repeat(64),
      transaction_hash: TX,
    });
    expect(wrongHash.status).toBe(466);
    expect(wrongHash.body.detail.error_code).toBe("ERR-01-006");
    const badTx = await send("PATCH", `/cvms/${oracle.id}/envs`, {
      encrypted_env: "00",
      env_keys: ["K"],
      compose_hash,
      transaction_hash: "0xnope",
    });
    expect(badTx.status).toBe(467);
    expect(badTx.body.detail.error_code).toBe("ERR-01-007");
  });

  it("a hash the app contract refuses is 468 ERR-01-008, with or without proof", async () => {
    const first = await send("PATCH", `/cvms/${oracle.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
    });
    const { compose_hash } = expectRegistrationRequired(first, oracle.appId);
    disallowComposeHash(api.state, oracle.appId, compose_hash);
    for (const headers of [
      {},
      { "X-Compose-Hash": compose_hash, "X-Transaction-Hash": TX },
    ] as Record<string, string>[]) {
      const refused = await send("PATCH", `/cvms/${oracle.id}/docker-compose`, NEW_YAML, {
        "Content-Type": "text/yaml",
        ...headers,
      });
      expect(refused.status).toBe(468);
      expect(refused.body.detail.error_code).toBe("ERR-01-008");
    }
    const patched = await send("PATCH", `/cvms/${oracle.id}`, { docker_compose_file: NEW_YAML });
    expect(patched.status).toBe(468);
    expect((await info(oracle.id)).compose_hash).not.toBe(compose_hash);
  });

  it("an update of a CVM whose node is under maintenance is 503", async () => {
    const node = api.state.nodes.get(SEED.nodes.prod5.id)!;
    node.status = "MAINTENANCE";
    const refused = await send("PATCH", `/cvms/${offChain.id}`, { public_logs: false });
    expect(refused.status).toBe(503);
    expect(refused.body.detail.message).toContain("maintenance");
    node.status = "ONLINE";
    expect((await send("PATCH", `/cvms/${offChain.id}`, { public_logs: false })).status).toBe(202);
  });

  it("an update that needs a step-up is 428", async () => {
    api.state.settings.stepUpRequired = ["PATCH /cvms/{cvm_id}/envs"];
    const refused = await send("PATCH", `/cvms/${offChain.id}/envs`, { encrypted_env: "00" });
    expect(refused.status).toBe(428);
    expect(refused.body.detail).not.toHaveProperty("error_code");
    expect((await send("PATCH", `/cvms/${offChain.id}`, { public_logs: false })).status).toBe(202);
  });
});
