import { createHash } from "node:crypto";
import {
  ProvisionCvmComposeFileUpdateResultSchema,
  UpdateKmsInfoSchema,
} from "@phala/cloud-schemas";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  canonicalJson,
  composeHashOf,
  disallowComposeHash,
  sha256Hex,
} from "./resources/cvm-updates";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";
import { getJson, type JsonResponse } from "./test-support";

const key = SEED.apiKeys.demo;
const TX = `0x${"ab".repeat(32)}`;
const NEW_YAML =
  'services:\n  web:\n    image: nginx:1.28-alpine\n    ports:\n      - "8080:8080"\n';
// Off-chain (Phala KMS), and on-chain (Ethereum, Base) CVMs of the seed.
const offChain = SEED.exampleCvm;
const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
const inference = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "inference-1")!;

let api: RunningMockApi;
// A fresh state per test: updates change the model.
beforeEach(async () => {
  api = await startMockApi();
});
afterEach(() => api.close());

async function send(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const text =
    typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body);
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      "X-API-Key": key,
      ...(body !== undefined && typeof body !== "string"
        ? { "Content-Type": "application/json" }
        : {}),
      ...headers,
    },
    body: text,
  });
  const raw = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: raw ? JSON.parse(raw) : undefined,
  };
}

const text = async (path: string) =>
  (await fetch(`${api.url}${path}`, { headers: { "X-API-Key": key } })).text();
const info = async (id: string) => (await getJson(api.url, `/cvms/${id}`, { apiKey: key })).body;

/** The `details` of a Phala error body as a field -> value map. */
function detailsOf(body: any): Record<string, any> {
  return Object.fromEntries(body.detail.details.map((d: any) => [d.field, d.value]));
}

function expectRegistrationRequired(response: JsonResponse, appId: string) {
  expect(response.status).toBe(465);
  expect(response.body.detail.error_code).toBe("ERR-01-005");
  expect(response.body.detail.message).toBe("Compose hash registration required on-chain");
  const details = detailsOf(response.body);
  expect(details.compose_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(details.app_id).toBe(`0x${appId}`);
  expect(details.device_id).toMatch(/^[0-9a-f]{64}$/);
  expect(UpdateKmsInfoSchema.safeParse(details.kms_info).success).toBe(true);
  expect(details.kms_info.chain_id).not.toBeNull();
  return details;
}

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

describe("compose hash: the SDK's algorithm (SHA-256 of canonical JSON)", () => {
  /** An independent canonical form for flat objects with ASCII keys, hashed by node:crypto. */
  const nodeHash = (compose: Record<string, unknown>) =>
    createHash("sha256")
      .update(JSON.stringify(compose, Object.keys(compose).sort()))
      .digest("hex");

  it("hashes the fixed vector", () => {
    const compose = { name: "x", runner: "docker-compose", docker_compose_file: "services: {}\n" };
    // Written by hand: keys sorted, no whitespace, the newline as the JSON escape \n.
    const canonical =
      '{"docker_compose_file":"services: {}\\n","name":"x","runner":"docker-compose"}';
    expect(canonicalJson(compose)).toBe(canonical);
    const expected = createHash("sha256").update(canonical, "utf8").digest("hex");
    expect(composeHashOf(compose)).toBe(expected);
  });

  it("writes canonical JSON as the SDK does", () => {
    expect(
      canonicalJson({ b: [3, undefined, null, { d: 1, c: "é" }], a: undefined, "": null, n: NaN }),
    ).toBe('{"":null,"b":[3,null,null,{"c":"é","d":1}],"n":null}');
    // Code-point order: U+FF61 sorts before U+1F600, though its UTF-16 unit is larger.
    expect(canonicalJson({ "\u{1F600}": 1, "\uFF61": 2 })).toBe('{"\uFF61":2,"\u{1F600}":1}');
    expect(canonicalJson({ at: new Date("2026-01-01T00:00:00.000Z") })).toBe(
      '{"at":"2026-01-01T00:00:00.000Z"}',
    );
  });

  it("its SHA-256 agrees with node:crypto at every padding boundary", () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      expect(sha256Hex(bytes), `length ${length}`).toBe(
        createHash("sha256").update(bytes).digest("hex"),
      );
    }
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("a compose update gives the hash of the new app compose", async () => {
    const response = await send("PATCH", `/cvms/${offChain.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
    });
    expect(response.status).toBe(202);
    const composeFile = await getJson(api.url, `/cvms/${offChain.id}/compose_file`, {
      apiKey: key,
    });
    expect(composeFile.body.docker_compose_file).toBe(NEW_YAML);
    expect((await info(offChain.id)).compose_hash).toBe(nodeHash(composeFile.body));
  });

  it("compose_file/provision answers the hash of the app compose it would apply", async () => {
    const provision = await send("POST", `/cvms/${offChain.id}/compose_file/provision`, {
      docker_compose_file: NEW_YAML,
      allowed_envs: ["TOKEN"],
    });
    expect(provision.status).toBe(200);
    await send("PATCH", `/cvms/${offChain.id}/compose_file`, {
      compose_hash: provision.body.compose_hash,
    });
    const composeFile = await getJson(api.url, `/cvms/${offChain.id}/compose_file`, {
      apiKey: key,
    });
    expect(composeFile.body.allowed_envs).toEqual(["TOKEN"]);
    expect(nodeHash(composeFile.body)).toBe(provision.body.compose_hash);
  });
});
