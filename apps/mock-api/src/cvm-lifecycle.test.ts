import { createHash } from "node:crypto";
import { CvmVmSchema, GetCvmStatusBatchSchema, ProvisionCvmSchema } from "@phala/cloud-schemas";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentCvmStatus, provisionPrivateKeyFor } from "./resources/cvm-lifecycle";
import { kmsPrivateKeyFor, nextAppIdFor } from "./resources/kms";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";
import { contractMismatches, getJson } from "./test-support";

// Long enough that a loaded CI machine still reads the transitional status in time.
const TRANSITION_MS = 600;
const key = SEED.apiKeys.demo;
const running = SEED.exampleCvm; // cvm-abc123, running
const stopped = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "acme-web-3")!;
const otherWorkspace = SEED.otherWorkspaceCvms[0]!;

let api: RunningMockApi;
let clock: number;

beforeEach(async () => {
  clock = Date.parse("2026-03-05T10:00:00.000Z");
  api = await startMockApi({ transitionMs: TRANSITION_MS, now: () => new Date(clock) });
});
afterEach(() => api.close());

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  options: {
    version?: string;
    apiKey?: string | null;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== null) headers["X-API-Key"] = options.apiKey ?? key;
  if (options.version) headers["X-Phala-Version"] = options.version;
  let payload: string | undefined = options.raw;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${api.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const afterTransition = () => sleep(TRANSITION_MS + 250);

const COMPOSE = `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "8080:80"
`;

function provisionBody(overrides: Record<string, unknown> = {}) {
  return {
    name: "my-new-app",
    instance_type: "tdx.medium",
    compose_file: { docker_compose_file: COMPOSE, allowed_envs: ["API_KEY"], public_logs: false },
    env_keys: ["API_KEY"],
    ...overrides,
  };
}

async function provisionAndCommit(name = "my-new-app") {
  const provision = await send("POST", "/cvms/provision", provisionBody({ name }));
  expect(provision.status).toBe(200);
  const commit = await send("POST", "/cvms", {
    app_id: provision.body.app_id,
    compose_hash: provision.body.compose_hash,
    encrypted_env: "00ff",
    env_keys: ["API_KEY"],
  });
  expect(commit.status).toBe(200);
  return { provision: provision.body, vm: commit.body };
}

function expectPhalaError(sent: Sent, status: number, code: string) {
  expect(sent.status).toBe(status);
  expect(sent.body.detail.error_code).toBe(code);
  expect(typeof sent.body.detail.message).toBe("string");
  expect(Array.isArray(sent.body.detail.details)).toBe(true);
}

/** Another operation runs: a 409 without an error code (a client may retry it). */
function expectInProgress(sent: Sent) {
  expect(sent.status).toBe(409);
  expect(sent.body.detail).not.toHaveProperty("error_code");
  expect(sent.body.detail.message).toContain("in progress");
}

function expect422(sent: Sent, loc: (string | number)[], type: string) {
  expect(sent.status).toBe(422);
  const item = sent.body.detail.find(
    (issue: { loc: unknown[] }) => JSON.stringify(issue.loc) === JSON.stringify(loc),
  );
  expect(item, JSON.stringify(sent.body)).toBeDefined();
  expect(item.type).toBe(type);
  expect(typeof item.msg).toBe("string");
}

describe("POST /cvms/provision", () => {
  it("answers the provision in the schema's exact shape, with a fresh app id and env key", async () => {
    const sent = await send("POST", "/cvms/provision", provisionBody());
    expect(sent.status).toBe(200);
    expect(ProvisionCvmSchema.safeParse(sent.body).success).toBe(true);
    expect(contractMismatches("POST /cvms/provision", sent.body)).toEqual([]);
    expect(sent.body.app_id).toMatch(/^[0-9a-f]{40}$/);
    expect(sent.body.app_env_encrypt_pubkey).toMatch(/^[0-9a-f]{64}$/);
    expect(sent.body.compose_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sent.body.instance_type).toBe("tdx.medium");
    expect(sent.body.kms_info.slug).toBe("phala-prod");
    const again = await send("POST", "/cvms/provision", provisionBody());
    expect(again.body.app_id).not.toBe(sent.body.app_id);
  });

  it("keeps the private key of the env-encryption key pair for tests", async () => {
    const sent = await send("POST", "/cvms/provision", provisionBody());
    const privateKey = provisionPrivateKeyFor(api.state, sent.body.app_id)!;
    expect(privateKey).toBeDefined();
    const publicKey = await crypto.subtle.importKey(
      "raw",
      Buffer.from(sent.body.app_env_encrypt_pubkey, "hex"),
      { name: "X25519" },
      true,
      [],
    );
    const ephemeral = (await crypto.subtle.generateKey({ name: "X25519" }, true, [
      "deriveBits",
    ])) as CryptoKeyPair;
    const ours = await crypto.subtle.deriveBits(
      { name: "X25519", public: publicKey },
      ephemeral.privateKey,
      256,
    );
    const theirs = await crypto.subtle.deriveBits(
      { name: "X25519", public: ephemeral.publicKey },
      privateKey,
      256,
    );
    expect(Buffer.from(theirs).toString("hex")).toBe(Buffer.from(ours).toString("hex"));
    expect(provisionPrivateKeyFor(api.state, "ab".repeat(20))).toBeUndefined();
  });

  it("gives an on-chain KMS provision no app id nor env key", async () => {
    const sent = await send("POST", "/cvms/provision", provisionBody({ kms: "BASE" }));
    expect(sent.status).toBe(200);
    expect(sent.body.app_id).toBeNull();
    expect(sent.body.app_env_encrypt_pubkey).toBeNull();
    expect(sent.body.kms_info.chain_id).toBe(8453);
  });

  it("matches vcpu/memory to the smallest instance type that fits", async () => {
    const sent = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ instance_type: undefined, vcpu: 3, memory: 4096 }),
    );
    expect(sent.body.instance_type).toBe("tdx.large");
    const fallback = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ instance_type: undefined }),
    );
    expect(fallback.body.instance_type).toBe("tdx.small");
  });

  it("answers FastAPI 422s for missing and mistyped fields", async () => {
    const empty = await send("POST", "/cvms/provision", {});
    expect422(empty, ["body", "name"], "missing");
    expect422(empty, ["body", "compose_file"], "missing");
    expect422(
      await send("POST", "/cvms/provision", provisionBody({ name: "x" })),
      ["body", "name"],
      "value_error",
    );
    expect422(
      await send("POST", "/cvms/provision", provisionBody({ vcpu: "two" })),
      ["body", "vcpu"],
      "int_type",
    );
    expect422(
      await send("POST", "/cvms/provision", provisionBody({ listed: "yes" })),
      ["body", "listed"],
      "bool_type",
    );
    expect422(
      await send(
        "POST",
        "/cvms/provision",
        provisionBody({ compose_file: { docker_compose_file: 7 } }),
      ),
      ["body", "compose_file", "docker_compose_file"],
      "string_type",
    );
    expect422(
      await send("POST", "/cvms/provision", undefined, { raw: "{not json" }),
      ["body", 0],
      "json_invalid",
    );
  });

  it("answers the API's ERR- codes for what it cannot provide", async () => {
    expectPhalaError(
      await send("POST", "/cvms/provision", provisionBody({ instance_type: "tdx.huge" })),
      404,
      "ERR-02-001",
    );
    expectPhalaError(
      await send("POST", "/cvms/provision", provisionBody({ node_id: 999 })),
      404,
      "ERR-01-001",
    );
    expectPhalaError(
      await send("POST", "/cvms/provision", provisionBody({ image: "dstack-9.9.9" })),
      404,
      "ERR-02-010",
    );
    expectPhalaError(
      await send("POST", "/cvms/provision", provisionBody({ kms_id: "nope" })),
      404,
      "ERR-02-011",
    );
    expectPhalaError(
      await send(
        "POST",
        "/cvms/provision",
        provisionBody({ compose_file: { docker_compose_file: " " } }),
      ),
      400,
      "ERR-01-002",
    );
    expectPhalaError(
      await send("POST", "/cvms/provision", provisionBody({ name: running.name })),
      409,
      "ERR-01-004",
    );
  });

  it("refuses a workspace with no credits (400 ERR-04-001)", async () => {
    const workspace = api.state.workspaces.get(SEED.workspaces.main.id)!;
    workspace.creditsCents = 0;
    workspace.grantedCreditsCents = 0;
    expectPhalaError(await send("POST", "/cvms/provision", provisionBody()), 400, "ERR-04-001");
  });

  it("requires an API key", async () => {
    expect((await send("POST", "/cvms/provision", provisionBody(), { apiKey: null })).status).toBe(
      401,
    );
  });
});

describe("compose hash of a provision", () => {
  /** An independent canonical form for flat objects with ASCII keys, hashed by node:crypto. */
  const nodeHash = (compose: Record<string, unknown>) =>
    createHash("sha256")
      .update(JSON.stringify(compose, Object.keys(compose).sort()))
      .digest("hex");

  it("is the SHA-256 of the app compose the CVM then shows", async () => {
    const sent = await send(
      "POST",
      "/cvms/provision",
      provisionBody({
        compose_file: {
          name: "my-compose-name",
          docker_compose_file: COMPOSE,
          allowed_envs: ["API_KEY"],
          pre_launch_script: "#!/bin/sh\necho hi\n",
          public_logs: false,
        },
      }),
    );
    expect(sent.status).toBe(200);
    const commit = await send("POST", "/cvms", {
      app_id: sent.body.app_id,
      compose_hash: sent.body.compose_hash,
    });
    expect(commit.status).toBe(200);
    const composeFile = await getJson(api.url, `/cvms/${commit.body.vm_uuid}/compose_file`, {
      apiKey: key,
    });
    expect(composeFile.body).toMatchObject({
      name: "my-compose-name",
      docker_compose_file: COMPOSE,
      allowed_envs: ["API_KEY"],
      pre_launch_script: "#!/bin/sh\necho hi\n",
      public_logs: false,
    });
    expect(nodeHash(composeFile.body)).toBe(sent.body.compose_hash);
    const info = await getJson(api.url, `/cvms/${commit.body.vm_uuid}`, { apiKey: key });
    expect(info.body.compose_hash).toBe(sent.body.compose_hash);
  });

  it("is the same for the same app compose; each commit finds its own provision", async () => {
    const first = await send("POST", "/cvms/provision", provisionBody());
    const second = await send("POST", "/cvms/provision", provisionBody());
    expect(second.body.compose_hash).toBe(first.body.compose_hash);
    expect(second.body.app_id).not.toBe(first.body.app_id);
    const other = await send("POST", "/cvms/provision", provisionBody({ name: "other-app" }));
    expect(other.body.compose_hash).not.toBe(first.body.compose_hash);
    const commit = await send("POST", "/cvms", {
      app_id: first.body.app_id,
      compose_hash: first.body.compose_hash,
    });
    expect(commit.status).toBe(200);
    expect(commit.body.encrypted_env_pubkey).toBe(first.body.app_env_encrypt_pubkey);
  });
});

describe("POST /cvms (commit)", () => {
  it("creates a starting CVM that runs after the transition time, in lists and reads", async () => {
    const { provision, vm } = await provisionAndCommit();
    expect(CvmVmSchema.safeParse(vm).success).toBe(true);
    expect(contractMismatches("POST /cvms", vm)).toEqual([]);
    expect(vm.status).toBe("starting");
    expect(vm.app_id).toBe(provision.app_id);
    expect(vm.encrypted_env_pubkey).toBe(provision.app_env_encrypt_pubkey);
    expect(vm.id).toBe(0); // 2026-01-21 no longer exposes table ids
    expect(vm.memory).toBe(4096);

    const read = await getJson(api.url, `/cvms/${vm.vm_uuid}`, { apiKey: key });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe("starting");
    expect(read.body.in_progress).toBe(true);
    expect(read.body.name).toBe("my-new-app");

    await afterTransition();
    const later = await getJson(api.url, `/cvms/${vm.vm_uuid}`, { apiKey: key });
    expect(later.body.status).toBe("running");
    expect(later.body.in_progress).toBe(false);
    expect(later.body.instance_id).toMatch(/^[0-9a-f]{40}$/);
    const list = await getJson(api.url, "/cvms/paginated?page_size=100", { apiKey: key });
    const listed = list.body.items.find((item: { vm_uuid: string }) => item.vm_uuid === vm.vm_uuid);
    expect(listed.status).toBe("running");
    const app = await getJson(api.url, `/apps/${provision.app_id}`, { apiKey: key });
    expect(app.status).toBe(200);
    expect(app.body.cvm_count).toBe(1);
  });

  it("numbers the VM by table id and user in 2025-10-28", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody());
    const commit = await send(
      "POST",
      "/cvms",
      { app_id: provision.body.app_id, compose_hash: provision.body.compose_hash },
      { version: "2025-10-28" },
    );
    expect(commit.status).toBe(200);
    expect(commit.body.id).toBeGreaterThan(4100);
    expect(commit.body.user_id).toBe(SEED.users.alice.id);
  });

  it("is idempotent for the same app id and compose hash", async () => {
    const { provision, vm } = await provisionAndCommit();
    const again = await send("POST", "/cvms", {
      app_id: provision.app_id,
      compose_hash: provision.compose_hash,
    });
    expect(again.status).toBe(200);
    expect(again.body.vm_uuid).toBe(vm.vm_uuid);
    const list = await getJson(api.url, "/cvms/paginated?page_size=100", { apiKey: key });
    expect(
      list.body.items.filter((item: { name: string }) => item.name === "my-new-app"),
    ).toHaveLength(1);
  });

  it("answers 409 ERR-03-007 for another app id or an app id already used", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody());
    const other = await send("POST", "/cvms", {
      app_id: "ab".repeat(20),
      compose_hash: provision.body.compose_hash,
    });
    expectPhalaError(other, 409, "ERR-03-007");
    // Two provisions for the app id of one nonce: the second commit conflicts.
    const appId = nextAppIdFor(SEED.workspaces.main.id, 3);
    const first = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ name: "first-app", nonce: 3, app_id: appId }),
    );
    const second = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ name: "second-app", nonce: 3, app_id: appId }),
    );
    expect(first.body.app_id).toBe(appId);
    expect(second.body.app_id).toBe(appId);
    const committed = await send("POST", "/cvms", {
      app_id: appId,
      compose_hash: first.body.compose_hash,
    });
    expect(committed.status).toBe(200);
    const conflict = await send("POST", "/cvms", {
      app_id: appId,
      compose_hash: second.body.compose_hash,
    });
    expectPhalaError(conflict, 409, "ERR-03-007");
  });

  it("answers 400 for a nonce whose app id does not match", async () => {
    const sent = await send(
      "POST",
      "/cvms/provision",
      provisionBody({ nonce: 3, app_id: "ab".repeat(20) }),
    );
    expectPhalaError(sent, 400, "ERR-02-008");
  });

  it("uses the KMS module's env key, so GET /kms/{kms}/pubkey/{app_id} agrees", async () => {
    const sent = await send("POST", "/cvms/provision", provisionBody());
    const privateKey = kmsPrivateKeyFor(api.state, sent.body.kms_id, sent.body.app_id);
    expect(privateKey).toBe(provisionPrivateKeyFor(api.state, sent.body.app_id));
  });

  it("answers 404 ERR-01-006 for an unknown or expired provision", async () => {
    expectPhalaError(
      await send("POST", "/cvms", { app_id: "ab".repeat(20), compose_hash: "cd".repeat(32) }),
      404,
      "ERR-01-006",
    );
    const provision = await send("POST", "/cvms/provision", provisionBody());
    clock += 61 * 60 * 1000;
    const late = await send("POST", "/cvms", {
      app_id: provision.body.app_id,
      compose_hash: provision.body.compose_hash,
    });
    expectPhalaError(late, 404, "ERR-01-006");
  });

  it("does not let another workspace commit a provision", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody());
    const foreign = await send(
      "POST",
      "/cvms",
      { app_id: provision.body.app_id, compose_hash: provision.body.compose_hash },
      { apiKey: SEED.apiKeys.otherWorkspace },
    );
    expectPhalaError(foreign, 404, "ERR-01-006");
  });

  it("needs the contract and deployer for an on-chain KMS", async () => {
    const provision = await send("POST", "/cvms/provision", provisionBody({ kms: "ETHEREUM" }));
    const appId = "12".repeat(20);
    const missing = await send("POST", "/cvms", {
      app_id: appId,
      compose_hash: provision.body.compose_hash,
    });
    expect422(missing, ["body", "contract_address"], "missing");
    const done = await send("POST", "/cvms", {
      app_id: `0x${appId}`,
      compose_hash: provision.body.compose_hash,
      contract_address: `0x${appId}`,
      deployer_address: `0x${"34".repeat(20)}`,
    });
    expect(done.status).toBe(200);
    expect(done.body.app_id).toBe(appId);
    // The VM record has no contract field; the CVM shows it.
    const read = await getJson(api.url, `/cvms/app_${appId}`, { apiKey: key });
    expect(read.body.kms_info).toMatchObject({
      dstack_app_address: `0x${appId}`,
      deployer_address: `0x${"34".repeat(20)}`,
    });
  });

  it("answers 422 for missing and malformed fields", async () => {
    const empty = await send("POST", "/cvms", {});
    expect422(empty, ["body", "app_id"], "missing");
    expect422(empty, ["body", "compose_hash"], "missing");
    expect422(
      await send("POST", "/cvms", { app_id: "xyz", compose_hash: "ab" }),
      ["body", "app_id"],
      "value_error",
    );
    expect422(
      await send("POST", "/cvms", {
        app_id: "ab".repeat(20),
        compose_hash: "ab",
        encrypted_env: "zz",
      }),
      ["body", "encrypted_env"],
      "value_error",
    );
  });
});

describe("power actions", () => {
  it("stop: running -> stopping -> stopped, then start: -> starting -> running", async () => {
    const stop = await send("POST", `/cvms/${running.name}/stop`);
    expect(stop.status).toBe(200);
    expect(contractMismatches("POST /cvms/{cvm_id}/stop", stop.body)).toEqual([]);
    expect(stop.body.status).toBe("stopping");
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "stopped",
    );

    const start = await send("POST", `/cvms/${running.id}/start`);
    expect(start.status).toBe(200);
    expect(start.body.status).toBe("starting");
    expect(currentCvmStatus(api.state, api.state.cvms.get(running.id)!)).toBe("starting");
    await afterTransition();
    expect(currentCvmStatus(api.state, api.state.cvms.get(running.id)!)).toBe("running");
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "running",
    );
  });

  it("shutdown: running -> stopping -> stopped", async () => {
    const shutdown = await send("POST", `/cvms/${running.vmUuid}/shutdown`);
    expect(shutdown.status).toBe(200);
    expect(shutdown.body.status).toBe("stopping");
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "stopped",
    );
  });

  it("restart: running -> restarting -> running, taking { force }", async () => {
    const restart = await send("POST", `/cvms/app_${running.appId}/restart`, { force: true });
    expect(restart.status).toBe(200);
    expect(restart.body.status).toBe("restarting");
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "running",
    );
    expect422(
      await send("POST", `/cvms/${running.id}/restart`, { force: "yes" }),
      ["body", "force"],
      "bool_type",
    );
  });

  it("answers 409 ERR-02-008 for moves the status does not allow", async () => {
    expectPhalaError(await send("POST", `/cvms/${running.id}/start`), 409, "ERR-02-008");
    expectPhalaError(await send("POST", `/cvms/${stopped.id}/stop`), 409, "ERR-02-008");
    expectPhalaError(await send("POST", `/cvms/${stopped.id}/shutdown`), 409, "ERR-02-008");
    expectPhalaError(
      await send("POST", `/cvms/${stopped.id}/restart`, { force: false }),
      409,
      "ERR-02-008",
    );
    await send("POST", `/cvms/${stopped.id}/start`);
    // Still starting: another start and a restart conflict, for now (a 409 with no
    // error code: the operation in progress ends); a hard stop is allowed.
    expectInProgress(await send("POST", `/cvms/${stopped.id}/start`));
    expectInProgress(await send("POST", `/cvms/${stopped.id}/restart`, {}));
    expect((await send("POST", `/cvms/${stopped.id}/stop`)).body.status).toBe("stopping");
  });

  it("answers 503 while the CVM's node is under maintenance", async () => {
    const node = api.state.nodes.get(SEED.nodes.prod5.id)!;
    node.status = "MAINTENANCE";
    try {
      const refused = await send("POST", `/cvms/${running.id}/restart`, {});
      expect(refused.status).toBe(503);
      expect(refused.body.detail.message).toContain("maintenance");
      expect(refused.body.detail.details).toEqual([
        { field: "teepod_id", value: node.id, message: null },
      ]);
      expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
        "running",
      );
    } finally {
      node.status = "ONLINE";
    }
    expect((await send("POST", `/cvms/${running.id}/restart`, {})).status).toBe(200);
  });

  it("answers 428 for an operation that needs a step-up, until it is switched off", async () => {
    api.state.settings.stepUpRequired = ["POST /cvms/{cvm_id}/stop"];
    try {
      const refused = await send("POST", `/cvms/${running.id}/stop`);
      expect(refused.status).toBe(428);
      expect(refused.body.detail.message).toContain("Step-up");
      expect(refused.body.detail.details).toEqual([
        { field: "operation", value: "POST /cvms/{cvm_id}/stop", message: null },
      ]);
      // Other operations are not affected.
      expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).status).toBe(200);
    } finally {
      api.state.settings.stepUpRequired = [];
    }
    expect((await send("POST", `/cvms/${running.id}/stop`)).status).toBe(200);
  });

  it("answers 404 ERR-03-001 for a CVM that is not the caller's", async () => {
    expectPhalaError(await send("POST", `/cvms/${otherWorkspace.id}/stop`), 404, "ERR-03-001");
    expectPhalaError(await send("POST", "/cvms/no-such-cvm/start"), 404, "ERR-03-001");
  });
});

describe("DELETE /cvms/{id}", () => {
  it("answers 204 and the CVM is gone from reads and lists", async () => {
    const deleted = await send("DELETE", `/cvms/${running.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).status).toBe(404);
    const list = await getJson(api.url, "/cvms/paginated?page_size=100", { apiKey: key });
    expect(list.body.items.some((item: { id: string }) => item.id === running.id)).toBe(false);
    expectPhalaError(await send("DELETE", `/cvms/${running.id}`), 404, "ERR-03-001");
  });
});

describe("POST /cvms/{id}/replicas", () => {
  it("creates a booting VM of the same app, on the node asked for", async () => {
    const replica = await send("POST", `/cvms/${running.id}/replicas`, {
      node_id: SEED.nodes.prod9.id,
    });
    expect(replica.status).toBe(200);
    expect(contractMismatches("POST /cvms/{cvm_id}/replicas", replica.body)).toEqual([]);
    expect(replica.body.app_id).toBe(running.appId);
    expect(replica.body.teepod_id).toBe(SEED.nodes.prod9.id);
    expect(replica.body.status).toBe("starting");
    expect(replica.body.vm_uuid).not.toBe(running.vmUuid);
    const cvms = await getJson(api.url, `/apps/${running.appId}/cvms`, { apiKey: key });
    expect(cvms.body.some((cvm: { vm_uuid: string }) => cvm.vm_uuid === replica.body.vm_uuid)).toBe(
      true,
    );
    expectPhalaError(
      await send("POST", `/cvms/${running.id}/replicas`, { node_id: 999 }),
      404,
      "ERR-01-001",
    );
  });

  it("takes teepod_id (before node_id), an encrypted env and the source's compose hash", async () => {
    const replica = await send("POST", `/cvms/${running.id}/replicas`, {
      teepod_id: SEED.nodes.prod7.id,
      node_id: SEED.nodes.prod9.id,
      encrypted_env: "abcd",
      compose_hash: `0x${api.state.cvms.get(running.id)!.composeHash}`,
    });
    expect(replica.status).toBe(200);
    expect(replica.body.teepod_id).toBe(SEED.nodes.prod7.id);
    expectPhalaError(
      await send("POST", `/cvms/${running.id}/replicas`, { compose_hash: "ab".repeat(32) }),
      400,
      "ERR-01-006",
    );
    expect422(
      await send("POST", `/cvms/${running.id}/replicas`, { teepod_id: "seven" }),
      ["body", "teepod_id"],
      "int_type",
    );
  });

  it("answers 503 for a node under maintenance", async () => {
    api.state.nodes.get(SEED.nodes.prod9.id)!.status = "MAINTENANCE";
    const refused = await send("POST", `/cvms/${running.id}/replicas`, {
      teepod_id: SEED.nodes.prod9.id,
    });
    expect(refused.status).toBe(503);
    expect(refused.body.detail.details[0]).toMatchObject({ value: SEED.nodes.prod9.id });
  });

  it("on-chain: a new device is a 465 with a commit token; POST /commit-replica creates it", async () => {
    const source = SEED.mainWorkspaceCvms.find((cvm) => cvm.appId === SEED.apps.oracle.appId)!;
    const prod5 = api.state.nodes.get(SEED.nodes.prod5.id)!;
    // A node none of the app's VMs runs on: its device is not in the app contract yet.
    api.state.nodes.set(11, {
      ...prod5,
      id: 11,
      nodeId: 111,
      name: "prod11",
      deviceId: "11".repeat(32),
    });
    const first = await send(
      "POST",
      `/cvms/${source.id}/replicas`,
      { teepod_id: 11 },
      { headers: { "X-Prepare-Only": "true" } },
    );
    expectPhalaError(first, 465, "ERR-01-005");
    const details = Object.fromEntries(
      first.body.detail.details.map((d: { field: string; value: unknown }) => [d.field, d.value]),
    );
    expect(details.device_id).toBe("11".repeat(32));
    expect(details.onchain_status).toMatchObject({ device_id_allowed: false });
    expect(details.commit_token).toMatch(/^ct_/);
    expect(details.api_commit_url).toBe(`${api.url}/cvms/${source.id}/commit-replica`);

    const badTx = await send("POST", `/cvms/${source.id}/commit-replica`, {
      token: details.commit_token,
      transaction_hash: "0x1234",
    });
    expectPhalaError(badTx, 400, "ERR-01-007");
    const wrongToken = await send("POST", `/cvms/${source.id}/commit-replica`, {
      token: "ct_wrong",
      transaction_hash: `0x${"ab".repeat(32)}`,
    });
    expectPhalaError(wrongToken, 409, "ERR-01-006");
    // The token may come in the query.
    const committed = await send(
      "POST",
      `/cvms/${source.id}/commit-replica?token=${details.commit_token}`,
      { transaction_hash: `0x${"ab".repeat(32)}` },
    );
    expect(committed.status).toBe(200);
    expect(contractMismatches("POST /cvms/{cvm_id}/commit-replica", committed.body)).toEqual([]);
    expect(committed.body).toMatchObject({ teepod_id: 11, status: "starting" });
    // Used once; and the device is allowed now.
    expectPhalaError(
      await send("POST", `/cvms/${source.id}/commit-replica?token=${details.commit_token}`, {
        transaction_hash: `0x${"ab".repeat(32)}`,
      }),
      409,
      "ERR-01-006",
    );
    expect((await send("POST", `/cvms/${source.id}/replicas`, { teepod_id: 11 })).status).toBe(200);
  });
});

describe("PATCH /cvms/{id}/resources", () => {
  it("resizes a running CVM with allow_restart: 202 { correlation_id }, restarting then running", async () => {
    const resized = await send("PATCH", `/cvms/${running.id}/resources`, {
      instance_type: "tdx.large",
      disk_size: 60,
      allow_restart: true,
    });
    expect(resized.status).toBe(202);
    expect(resized.body).toMatchObject({ correlation_id: expect.stringMatching(/^op_/) });
    const read = await getJson(api.url, `/cvms/${running.id}`, { apiKey: key });
    expect(read.body.status).toBe("restarting");
    expect(read.body.progress.correlation_id).toBe(resized.body.correlation_id);
    expect(read.body.resource).toMatchObject({
      instance_type: "tdx.large",
      vcpu: 4,
      memory_in_gb: 8,
      disk_in_gb: 60,
    });
    await afterTransition();
    expect((await getJson(api.url, `/cvms/${running.id}`, { apiKey: key })).body.status).toBe(
      "running",
    );
  });

  it("takes allow_restart as the contract's integer too, and answers 409 (no code) mid-operation", async () => {
    const resized = await send("PATCH", `/cvms/${running.id}/resources`, {
      vcpu: 2,
      allow_restart: 1,
    });
    expect(resized.status).toBe(202);
    expectInProgress(
      await send("PATCH", `/cvms/${running.id}/resources`, { vcpu: 4, allow_restart: 1 }),
    );
  });

  it("resizes a stopped CVM without restarting it", async () => {
    expect((await send("PATCH", `/cvms/${stopped.id}/resources`, { vcpu: 2 })).status).toBe(202);
    const read = await getJson(api.url, `/cvms/${stopped.id}`, { apiKey: key });
    expect(read.body.status).toBe("stopped");
    expect(read.body.resource.vcpu).toBe(2);
  });

  it("refuses a running CVM without allow_restart, a smaller disk, and nothing to change", async () => {
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/resources`, { vcpu: 2 }),
      400,
      "ERR-02-008",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/resources`, { disk_size: 5, allow_restart: true }),
      400,
      "ERR-02-009",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/resources`, { allow_restart: true }),
      400,
      "ERR-02-008",
    );
    expect422(
      await send("PATCH", `/cvms/${running.id}/resources`, { vcpu: 0 }),
      ["body", "vcpu"],
      "greater_than_equal",
    );
  });
});

describe("PATCH /cvms/{id}/visibility", () => {
  it("sets public logs and sysinfo and answers the VM record", async () => {
    const sent = await send("PATCH", `/cvms/${running.id}/visibility`, {
      public_logs: false,
      public_sysinfo: false,
    });
    expect(sent.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/visibility", sent.body)).toEqual([]);
    expect(sent.body).toMatchObject({
      name: running.name,
      app_id: running.appId,
      status: "running",
    });
    const read = await getJson(api.url, `/cvms/${running.id}`, { apiKey: key });
    expect(read.body.public_logs).toBe(false);
    expect(read.body.public_sysinfo).toBe(false);
  });

  it("answers 422 without both flags", async () => {
    expect422(
      await send("PATCH", `/cvms/${running.id}/visibility`, { public_logs: true }),
      ["body", "public_sysinfo"],
      "missing",
    );
  });
});

describe("PATCH /cvms/{id}/os-image", () => {
  it("moves to another image with a restart: 202 { correlation_id }", async () => {
    const sent = await send("PATCH", `/cvms/${running.id}/os-image`, {
      os_image_name: "dstack-0.5.4",
    });
    expect(sent.status).toBe(202);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/os-image", sent.body, { status: 202 })).toEqual(
      [],
    );
    expect(sent.body.correlation_id).toMatch(/^op_/);
    const read = await getJson(api.url, `/cvms/${running.id}`, { apiKey: key });
    expect(read.body.os.name).toBe("dstack-0.5.4");
    expect(read.body.status).toBe("restarting");
  });

  it("answers 404, 400 and 409 for unknown, incompatible and current images", async () => {
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/os-image`, { os_image_name: "dstack-9" }),
      404,
      "ERR-02-010",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/os-image`, { os_image_name: "dstack-dev-0.5.4" }),
      400,
      "ERR-02-013",
    );
    expectPhalaError(
      await send("PATCH", `/cvms/${running.id}/os-image`, { os_image_name: "dstack-0.5.3" }),
      409,
      "ERR-02-008",
    );
    expect422(
      await send("PATCH", `/cvms/${running.id}/os-image`, {}),
      ["body", "os_image_name"],
      "missing",
    );
  });
});

describe("instance ids", () => {
  it("PATCH /cvms/{id}/instance-id reports an unchanged id of a running CVM", async () => {
    const sent = await send("PATCH", `/cvms/${running.id}/instance-id`, { dry_run: true });
    expect(sent.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/instance-id", sent.body)).toEqual([]);
    expect(sent.body).toMatchObject({
      identifier: running.id,
      status: "unchanged",
      new_instance_id: running.instanceId,
    });
  });

  it("skips a VM that has not booted, and records the id once it runs", async () => {
    const { vm } = await provisionAndCommit();
    const before = await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, {});
    expect(before.body.status).toBe("skipped");
    api.state.cvms.forEach((cvm) => {
      if (cvm.vmUuid === vm.vm_uuid) {
        cvm.status = "running";
        cvm.instanceId = null;
      }
    });
    const dry = await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, { dry_run: true });
    expect(dry.body.status).toBe("updated");
    const saved = await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, {});
    expect(saved.body.status).toBe("updated");
    expect((await send("PATCH", `/cvms/${vm.vm_uuid}/instance-id`, {})).body.status).toBe(
      "unchanged",
    );
  });

  it("PATCH /cvms/instance-ids refreshes many, with counts", async () => {
    const all = await send("PATCH", "/cvms/instance-ids", { missing_only: false });
    expect(all.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/instance-ids", all.body)).toEqual([]);
    expect(all.body.scanned).toBe(all.body.items.length);
    expect(all.body.unchanged).toBe(all.body.items.length);
    const some = await send("PATCH", "/cvms/instance-ids", {
      cvm_ids: [running.id, "missing-cvm"],
      missing_only: false,
      limit: 2,
    });
    expect(some.body).toMatchObject({ total: 2, scanned: 2, unchanged: 1, errors: 1 });
    // A CVM the API cannot number is 0, an integer as the contract has it.
    expect(some.body.items[1]).toMatchObject({ cvm_id: 0, status: "error" });
    expect422(
      await send("PATCH", "/cvms/instance-ids", { limit: 501 }),
      ["body", "limit"],
      "less_than_equal",
    );
  });
});

describe("PATCH /cvms/instance-ids defaults", () => {
  it("scans running CVMs missing an instance id, at most 100 (running_only, missing_only true)", async () => {
    const live = api.state.cvms.get(running.id)!;
    live.instanceId = null;
    const refreshed = await send("PATCH", "/cvms/instance-ids", {});
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ scanned: 1, updated: 1 });
    expect(refreshed.body.items[0].identifier).toBe(running.id);
    expect(live.instanceId).toMatch(/^[0-9a-f]{40}$/);
    // Nothing is missing any more; a stopped CVM is not scanned either.
    expect((await send("PATCH", "/cvms/instance-ids", {})).body.scanned).toBe(0);
    const stoppedOnes = await send("PATCH", "/cvms/instance-ids", {
      running_only: false,
      missing_only: false,
    });
    expect(stoppedOnes.body.scanned).toBeGreaterThan(
      (await send("PATCH", "/cvms/instance-ids", { missing_only: false })).body.scanned,
    );
  });

  it("stops at 100 CVMs unless the limit says otherwise", async () => {
    const many = await startMockApi({ extraCvms: 150 });
    try {
      const patch = (body: unknown) =>
        fetch(`${many.url}/cvms/instance-ids`, {
          method: "PATCH",
          headers: { "X-API-Key": key, "content-type": "application/json" },
          body: JSON.stringify(body),
        }).then((response) => response.json());
      const first = await patch({ missing_only: false, running_only: false });
      expect(first.scanned).toBe(100);
      expect(first.total).toBeGreaterThan(100);
      expect((await patch({ missing_only: false, running_only: false, limit: 500 })).scanned).toBe(
        first.total,
      );
    } finally {
      await many.close();
    }
  });
});

describe("POST /status/batch", () => {
  it("maps each visible VM UUID as sent to its status", async () => {
    const dashed = running.vmUuid;
    const bare = stopped.vmUuid.replaceAll("-", "");
    const sent = await send("POST", "/status/batch", {
      vm_uuids: [dashed, bare, otherWorkspace.vmUuid, "00000000-0000-4000-8000-000000000000"],
    });
    expect(sent.status).toBe(200);
    expect(GetCvmStatusBatchSchema.safeParse(sent.body).success).toBe(true);
    expect(Object.keys(sent.body).sort()).toEqual([bare, dashed].sort());
    expect(sent.body[dashed]).toMatchObject({
      status: "running",
      in_progress: false,
      vm_uuid: dashed,
    });
    expect(sent.body[bare]).toMatchObject({ status: "stopped", in_progress: false, uptime: null });

    await send("POST", `/cvms/${running.id}/restart`, {});
    const busy = await send("POST", "/status/batch", { vm_uuids: [dashed] });
    expect(busy.body[dashed]).toMatchObject({ status: "restarting", in_progress: true });
    expect(busy.body[dashed].operation.type).toBe("restart");
  });

  it("answers 422 without vm_uuids", async () => {
    expect422(await send("POST", "/status/batch", {}), ["body", "vm_uuids"], "missing");
  });
});
