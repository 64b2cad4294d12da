import { createHash } from "node:crypto";
import { ProvisionCvmSchema } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import {
  api,
  COMPOSE,
  expect422,
  expectPhalaError,
  key,
  provisionBody,
  running,
  send,
  useLifecycleMock,
} from "./lifecycle.test-support";
import { provisionPrivateKeyFor } from "./provision-store";

useLifecycleMock();

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

  it("takes the contract's lower-case KmsType values, and refuses others", async () => {
    const ethereum = await send("POST", "/cvms/provision", provisionBody({ kms: "ethereum" }));
    expect(ethereum.status).toBe(200);
    expect(ethereum.body.kms_info.chain_id).toBe(1);
    const legacy = await send("POST", "/cvms/provision", provisionBody({ kms: "legacy" }));
    expect(legacy.body.kms_info.slug).toBe("phala-prod");
    const unknown = await send("POST", "/cvms/provision", provisionBody({ kms: "solana" }));
    expect(unknown.status).toBe(422);
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
