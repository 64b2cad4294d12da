import { ProvisionCvmComposeFileUpdateResultSchema } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { getJson } from "../../internal/test-support";
import {
  api,
  expectRegistrationRequired,
  inference,
  info,
  key,
  NEW_YAML,
  offChain,
  oracle,
  send,
  TX,
  text,
  useUpdatesMock,
} from "./updates.test-support";

useUpdatesMock();

describe("PATCH /cvms/{id}/docker-compose", () => {
  it("off-chain: 202 in_progress, and later reads show the new file and hash", async () => {
    const before = await info(offChain.id);
    const response = await send("PATCH", `/cvms/${offChain.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: "in_progress" });
    expect(response.body.correlation_id).toMatch(/^op_/);
    expect(await text(`/cvms/${offChain.id}/docker-compose.yml`)).toBe(NEW_YAML);
    const after = await info(offChain.id);
    expect(after.compose_hash).not.toBe(before.compose_hash);
    expect(after.services.map((s: any) => s.image)).toEqual(["nginx:1.28-alpine"]);
  });

  it("accepts the file sent as a JSON string", async () => {
    const response = await send(
      "PATCH",
      `/cvms/${offChain.id}/docker-compose`,
      JSON.stringify(NEW_YAML),
      {
        "Content-Type": "application/json",
      },
    );
    expect(response.status).toBe(202);
    expect(await text(`/cvms/${offChain.id}/docker-compose.yml`)).toBe(NEW_YAML);
  });

  it("the same file again is no_change", async () => {
    const current = await text(`/cvms/${offChain.id}/docker-compose.yml`);
    const response = await send("PATCH", `/cvms/${offChain.id}/docker-compose`, current, {
      "Content-Type": "text/yaml",
    });
    expect(response.status).toBe(202);
    expect(response.body.status).toBe("no_change");
  });

  it("an empty file is a 400 ERR-01-002; a JSON non-string is a 422", async () => {
    const empty = await send("PATCH", `/cvms/${offChain.id}/docker-compose`, "  ", {
      "Content-Type": "text/yaml",
    });
    expect(empty.status).toBe(400);
    expect(empty.body.detail.error_code).toBe("ERR-01-002");
    const wrong = await send("PATCH", `/cvms/${offChain.id}/docker-compose`, { a: 1 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.detail[0].loc).toEqual(["body", "docker_compose_file"]);
  });

  it("on-chain: 465, then the proof in headers applies it", async () => {
    const first = await send("PATCH", `/cvms/${oracle.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
    });
    const details = expectRegistrationRequired(first, oracle.appId);
    expect((await info(oracle.id)).compose_hash).not.toBe(details.compose_hash);

    const second = await send("PATCH", `/cvms/${oracle.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
      "X-Compose-Hash": details.compose_hash,
      "X-Transaction-Hash": TX,
    });
    expect(second.status).toBe(202);
    expect((await info(oracle.id)).compose_hash).toBe(details.compose_hash);
    expect(await text(`/cvms/${oracle.id}/docker-compose.yml`)).toBe(NEW_YAML);
  });

  it("on-chain: a malformed transaction hash is 467 ERR-01-007, a wrong compose hash 466 ERR-01-006", async () => {
    const first = await send("PATCH", `/cvms/${oracle.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
    });
    const { compose_hash } = expectRegistrationRequired(first, oracle.appId);
    const badTx = await send("PATCH", `/cvms/${oracle.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
      "X-Compose-Hash": compose_hash,
      "X-Transaction-Hash": "0x1234",
    });
    expect(badTx.status).toBe(467);
    expect(badTx.body.detail.error_code).toBe("ERR-01-007");
    const badHash = await send("PATCH", `/cvms/${oracle.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
      "X-Compose-Hash": "f".repeat(64),
      "X-Transaction-Hash": TX,
    });
    expect(badHash.status).toBe(466);
    expect(badHash.body.detail.error_code).toBe("ERR-01-006");
  });

  it("404s for an unknown CVM and 401s without a key", async () => {
    const missing = await send("PATCH", "/cvms/nope/docker-compose", NEW_YAML, {
      "Content-Type": "text/yaml",
    });
    expect(missing.status).toBe(404);
    expect(missing.body.detail.error_code).toBe("ERR-03-001");
    const noKey = await send("PATCH", `/cvms/${offChain.id}/docker-compose`, NEW_YAML, {
      "X-API-Key": "",
    });
    expect(noKey.status).toBe(401);
  });
});

describe("PATCH /cvms/{id}/pre-launch-script", () => {
  it("off-chain: applies, and GET returns the script", async () => {
    const script = "#!/bin/sh\necho hi\n";
    const response = await send("PATCH", `/cvms/${offChain.id}/pre-launch-script`, script, {
      "Content-Type": "text/plain",
    });
    expect(response.status).toBe(202);
    expect(await text(`/cvms/${offChain.id}/pre-launch-script`)).toBe(script);
    expect((await info(offChain.id)).pre_launch_script_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("on-chain (Base): 465 first", async () => {
    const response = await send("PATCH", `/cvms/${inference.id}/pre-launch-script`, "#!/bin/sh\n", {
      "Content-Type": "text/plain",
    });
    expectRegistrationRequired(response, inference.appId);
  });
});

describe("PATCH /cvms/{id}/envs", () => {
  it("off-chain: 202 in_progress with allowed_envs_changed", async () => {
    const response = await send("PATCH", `/cvms/${offChain.id}/envs`, {
      encrypted_env: "00ff",
      env_keys: ["API_KEY"],
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: "in_progress", allowed_envs_changed: true });
    const compose = (await getJson(api.url, `/cvms/${offChain.id}/compose_file`, { apiKey: key }))
      .body;
    expect(compose.allowed_envs).toEqual(["API_KEY"]);
  });

  it("on-chain: env values alone need no registration; new keys do (proof in the body)", async () => {
    const valuesOnly = await send("PATCH", `/cvms/${oracle.id}/envs`, { encrypted_env: "00" });
    expect(valuesOnly.status).toBe(202);
    expect(valuesOnly.body.allowed_envs_changed).toBe(false);

    const first = await send("PATCH", `/cvms/${oracle.id}/envs`, {
      encrypted_env: "00",
      env_keys: ["K"],
    });
    const { compose_hash } = expectRegistrationRequired(first, oracle.appId);
    const second = await send("PATCH", `/cvms/${oracle.id}/envs`, {
      encrypted_env: "00",
      env_keys: ["K"],
      compose_hash,
      transaction_hash: TX,
    });
    expect(second.status).toBe(202);
    expect((await info(oracle.id)).compose_hash).toBe(compose_hash);
  });

  it("422 with FastAPI items for a missing or mistyped field", async () => {
    const response = await send("PATCH", `/cvms/${offChain.id}/envs`, { env_keys: "A" });
    expect(response.status).toBe(422);
    expect(response.body.detail.map((d: any) => [d.type, d.loc])).toEqual([
      ["missing", ["body", "encrypted_env"]],
      ["list_type", ["body", "env_keys"]],
    ]);
    const notJson = await send("PATCH", `/cvms/${offChain.id}/envs`, "{", {
      "Content-Type": "application/json",
    });
    expect(notJson.status).toBe(422);
    expect(notJson.body.detail[0].type).toBe("json_invalid");
  });
});

describe("compose file provision + commit", () => {
  const appCompose = { name: "acme-web", docker_compose_file: NEW_YAML, allowed_envs: ["TOKEN"] };

  it("off-chain: provision returns the hash, commit applies it with 202", async () => {
    const provision = await send("POST", `/cvms/${offChain.id}/compose_file/provision`, appCompose);
    expect(provision.status).toBe(200);
    const parsed = ProvisionCvmComposeFileUpdateResultSchema.parse(provision.body);
    expect(parsed).toMatchObject({
      app_id: offChain.appId,
      compose_hash_registered: true,
      compose_unchanged: false,
    });

    const commit = await send("PATCH", `/cvms/${offChain.id}/compose_file`, {
      compose_hash: parsed.compose_hash,
      encrypted_env: "00",
    });
    expect(commit.status).toBe(202);
    expect(commit.body.correlation_id).toMatch(/^op_/);
    expect((await info(offChain.id)).compose_hash).toBe(parsed.compose_hash);
    const compose = (await getJson(api.url, `/cvms/${offChain.id}/compose_file`, { apiKey: key }))
      .body;
    expect(compose).toMatchObject({ docker_compose_file: NEW_YAML, allowed_envs: ["TOKEN"] });
  });

  it("on-chain: commit answers 465 until the transaction hash is given", async () => {
    const provision = await send("POST", `/cvms/${oracle.id}/compose_file/provision`, appCompose);
    expect(provision.body.compose_hash_registered).toBe(false);
    const hash = provision.body.compose_hash;
    const first = await send("PATCH", `/cvms/${oracle.id}/compose_file`, { compose_hash: hash });
    expect(expectRegistrationRequired(first, oracle.appId).compose_hash).toBe(hash);
    const second = await send(
      "PATCH",
      `/cvms/${oracle.id}/compose_file`,
      { compose_hash: hash },
      {
        "X-Compose-Hash": hash,
        "X-Transaction-Hash": TX,
      },
    );
    expect(second.status).toBe(202);
    expect((await info(oracle.id)).compose_hash).toBe(hash);
  });

  it("commit of a hash never provisioned is 400 ERR-01-006; bodies are validated", async () => {
    const commit = await send("PATCH", `/cvms/${offChain.id}/compose_file`, {
      compose_hash: "a".repeat(64),
    });
    expect(commit.status).toBe(400);
    expect(commit.body.detail.error_code).toBe("ERR-01-006");
    const noCompose = await send("POST", `/cvms/${offChain.id}/compose_file/provision`, {
      name: "x",
    });
    expect(noCompose.status).toBe(422);
    expect(noCompose.body.detail[0].loc).toEqual(["body", "docker_compose_file"]);
    const noHash = await send("PATCH", `/cvms/${offChain.id}/compose_file`, {});
    expect(noHash.status).toBe(422);
    expect(noHash.body.detail[0].loc).toEqual(["body", "compose_hash"]);
  });
});
