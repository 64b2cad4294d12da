import * as Schemas from "@phala/cloud-schemas";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMockApp } from "./app";
import { type SentJson, sendJson } from "./internal/test-http";
import {
  contractMismatches,
  sdkSchema,
  sdkSchemaProblems,
  sdkSchemaReaching,
} from "./internal/test-support";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";
import {
  API_VERSIONS,
  createVersionChain,
  DEFAULT_API_VERSION,
  type MockVersionChangeSet,
  OWN_CHANGES,
  VersionChainError,
} from "./versions/chain";
import { defineVersionChange } from "./versions/change";

// The versions the mock serves come from the SDK's own change data, and each
// version's answers are the SDK's shapes of that version. Answers in 2026-05-22
// and 2026-06-23 are also checked by the contract-check setup, with the SDK's
// schemas (the reference documents 2025-10-28 and 2026-01-21).

const key = SEED.apiKeys.demo;
const running = SEED.exampleCvm;
const oracle = SEED.apps.oracle.appId;
const web = SEED.apps.web.appId;
const alice = SEED.users.alice;

let api: RunningMockApi;
beforeEach(async () => {
  api = await startMockApi({ transitionMs: 50 });
});
afterEach(() => api.close());

function send(
  method: string,
  path: string,
  options: { version?: string; body?: unknown; url?: string } = {},
): Promise<SentJson> {
  const { version, body, url = api.url } = options;
  return sendJson(url, method, path, { apiKey: key, version, body });
}

/** The SDK's own schema of `endpoint` in `version` accepts `body`. */
function expectSdkShape(endpoint: string, version: string, body: unknown) {
  const schema = sdkSchema(endpoint, version);
  expect(schema, `${endpoint}ResponseSchemas["${version}"]`).toBeDefined();
  expect(sdkSchemaProblems(schema!, body)).toEqual([]);
}

const tableIdOf = (hashid: string) => api.state.cvms.get(hashid)!.tableId;
const userHashid = (id: number) => api.state.users.get(id)!.hashedId;

describe("the versions served", () => {
  it("are the SDK's, with its default; latest is the newest", async () => {
    expect(API_VERSIONS).toEqual(Schemas.API_VERSIONS);
    expect(DEFAULT_API_VERSION).toBe(Schemas.DEFAULT_API_VERSION);
    expect(API_VERSIONS).toEqual(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23"]);
    for (const version of API_VERSIONS) {
      const me = await send("GET", "/auth/me", { version });
      expect(me.status).toBe(200);
      expect(me.headers.get("x-phala-version")).toBe(version);
      expectSdkShape("getCurrentUser", version, me.body);
    }
    expect((await send("GET", "/auth/me")).headers.get("x-phala-version")).toBe("2026-01-21");
    const latest = await send("GET", "/auth/me", { version: "LATEST" });
    expect(latest.headers.get("x-phala-version")).toBe("2026-06-23");
    expect(latest.body.user.username).toBe("alice");
  });

  it("renders every change of the SDK's VERSION_CHANGES, each by a rule or a handler", () => {
    expect(() => createVersionChain()).not.toThrow();
    const chain = createVersionChain();
    expect(chain.versions).toEqual(API_VERSIONS);
    expect(chain.latest).toBe("2026-06-23");
    // The contract endpoints exist from 2026-06-23; the node-keyed ones stop there.
    expect(chain.serves("listKmsContracts", "2026-05-22")).toBe(false);
    expect(chain.serves("listKmsContracts", "2026-06-23")).toBe(true);
    expect(chain.serves("getKmsList", "2026-05-22")).toBe(true);
    expect(chain.serves("getKmsList", "2026-06-23")).toBe(false);
  });

  it("answers of a later version are checked with the SDK's schema where a change reaches them", async () => {
    const documented = "2026-01-21";
    expect(sdkSchemaReaching("startCvm", "2026-05-22", documented)).toBe(
      sdkSchema("startCvm", "2026-05-22"),
    );
    expect(sdkSchemaReaching("listKmsContracts", "2026-06-23", documented)).toBeDefined();
    // No change after 2026-01-21 reaches the CVM reads: the reference still describes them.
    expect(sdkSchemaReaching("getCvmInfo", "2026-06-23", documented)).toBeUndefined();
    // The 2026-01-21 VM record (id 0) is not one of 2026-05-22.
    const placeholder = await send("POST", `/cvms/${running.id}/stop`, { version: documented });
    expect(sdkSchemaProblems(sdkSchema("stopCvm", "2026-05-22")!, placeholder.body)).toContain(
      "id: Invalid input: expected string, received number",
    );
  });

  it("CVM reads keep the 2026-01-21 shape in 2026-05-22 and 2026-06-23", async () => {
    for (const version of ["2026-01-21", "2026-05-22", "2026-06-23"]) {
      const detail = await send("GET", `/cvms/${running.id}`, { version });
      expect(detail.status).toBe(200);
      expect(detail.body.id).toBe(running.id);
      expectSdkShape("getCvmInfo", version, detail.body);
      const list = await send("GET", "/cvms/paginated", { version });
      expectSdkShape("getCvmList", version, list.body);
      const apps = await send("GET", "/apps", { version });
      expectSdkShape("getAppList", version, apps.body);
    }
  });
});

describe("the VM record: hashids from 2026-05-22", () => {
  it("start, stop, shutdown and restart carry cvm_/usr_ hashids; 01-21 sends 0; 10-28 table ids", async () => {
    const creator = api.state.cvms.get(running.id)!.creatorId;
    const expected: Record<string, { id: unknown; user_id: unknown }> = {
      "2026-06-23": { id: running.id, user_id: userHashid(creator) },
      "2026-05-22": { id: running.id, user_id: userHashid(creator) },
      "2026-01-21": { id: 0, user_id: 0 },
      "2025-10-28": { id: tableIdOf(running.id), user_id: creator },
    };
    const actions = [
      ["stop", "stopCvm"],
      ["start", "startCvm"],
      ["shutdown", "shutdownCvm"],
      ["start", "startCvm"],
      ["restart", "restartCvm"],
    ] as const;
    let step = 0;
    for (const [version, ids] of Object.entries(expected)) {
      const [action, endpoint] = actions[step++ % actions.length]!;
      // Let the previous action settle so each one is allowed.
      await new Promise((resolve) => setTimeout(resolve, 120));
      const answer = await send("POST", `/cvms/${running.id}/${action}`, { version });
      expect(answer.status, `${action} in ${version}`).toBe(200);
      expect(answer.body).toMatchObject({ ...ids, name: running.name, app_id: running.appId });
      expectSdkShape(endpoint, version, answer.body);
    }
  });

  it("the provision commit, replicas and app instances carry the hashid too", async () => {
    const provision = await send("POST", "/cvms/provision", {
      body: {
        name: "hashid-app",
        instance_type: "tdx.small",
        compose_file: { docker_compose_file: "services:\n  a:\n    image: nginx\n" },
      },
    });
    expect(provision.status).toBe(200);
    const commit = await send("POST", "/cvms", {
      version: "2026-05-22",
      body: { app_id: provision.body.app_id, compose_hash: provision.body.compose_hash },
    });
    expect(commit.status).toBe(200);
    expect(commit.body.id).toMatch(/^cvm_/);
    expect(api.state.cvms.get(commit.body.id)?.name).toBe("hashid-app");
    expect(commit.body.user_id).toBe(userHashid(alice.id));
    expectSdkShape("commitCvmProvision", "2026-05-22", commit.body);
    // The commit is idempotent: the same VM, numbered as each version numbers it.
    const again = await send("POST", "/cvms", {
      version: "2025-10-28",
      body: { app_id: provision.body.app_id, compose_hash: provision.body.compose_hash },
    });
    expect(again.body.id).toBe(tableIdOf(commit.body.id));

    const replica = await send("POST", `/cvms/${running.id}/replicas`, {
      version: "2026-06-23",
      body: { node_id: SEED.nodes.prod9.id },
    });
    expect(replica.status).toBe(200);
    expect(replica.body.id).toMatch(/^cvm_/);
    expect(replica.body.id).not.toBe(running.id);
    expect(api.state.cvms.get(replica.body.id)?.nodeId).toBe(SEED.nodes.prod9.id);
    expectSdkShape("replicateCvm", "2026-06-23", replica.body);

    const instance = await send("POST", `/apps/${web}/instances`, {
      version: "2026-05-22",
      body: { node_id: SEED.nodes.prod7.id },
    });
    expect(instance.status).toBe(200);
    expect(instance.body.id).toMatch(/^cvm_/);
    expect(api.state.cvms.get(instance.body.id)?.appId).toBe(web);
    expectSdkShape("createAppInstance", "2026-05-22", instance.body);
    const legacy = await send("POST", `/apps/${web}/instances`, {
      version: "2026-01-21",
      body: { node_id: SEED.nodes.prod7.id },
    });
    expect(legacy.body).toMatchObject({ id: 0, user_id: 0 });
  });

  it("commit-replica after the on-chain 465 carries the replica's hashid", async () => {
    const source = SEED.mainWorkspaceCvms.find((cvm) => cvm.appId === oracle)!;
    const prod5 = api.state.nodes.get(SEED.nodes.prod5.id)!;
    api.state.nodes.set(11, {
      ...prod5,
      id: 11,
      nodeId: 111,
      name: "prod11",
      deviceId: "11".repeat(32),
    });
    const refused = await send("POST", `/cvms/${source.id}/replicas`, {
      version: "2026-05-22",
      body: { teepod_id: 11 },
    });
    expect(refused.status).toBe(465);
    const token = refused.body.detail.details.find(
      (detail: { field: string }) => detail.field === "commit_token",
    ).value;
    const committed = await send("POST", `/cvms/${source.id}/commit-replica`, {
      version: "2026-05-22",
      body: { token, transaction_hash: `0x${"ab".repeat(32)}` },
    });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ teepod_id: 11, user_id: userHashid(alice.id) });
    expect(api.state.cvms.get(committed.body.id)?.nodeId).toBe(11);
    expectSdkShape("commitCvmReplica", "2026-05-22", committed.body);
  });

  it("PATCH /cvms/{id}/visibility answers the same VM record", async () => {
    const body = { public_sysinfo: true, public_logs: true };
    const current = await send("PATCH", `/cvms/${running.id}/visibility`, {
      version: "2026-05-22",
      body,
    });
    expect(current.body.id).toBe(running.id);
    const legacy = await send("PATCH", `/cvms/${running.id}/visibility`, { body });
    expect(legacy.body.id).toBe(0);
  });
});

describe("on-chain checks, device allowlist, instance-id refresh: hashids from 2026-05-22", () => {
  const oracleCvms = () =>
    [...api.state.cvms.values()]
      .filter((cvm) => cvm.appId === oracle && cvm.deletedAt === null)
      .sort((a, b) => a.tableId - b.tableId);

  it("POST /cvms/{id}/is-allowed names the CVM by hashid, 0, or table id", async () => {
    const cvm = oracleCvms()[0]!;
    const byVersion = {
      "2026-06-23": cvm.id,
      "2026-05-22": cvm.id,
      "2026-01-21": 0,
      "2025-10-28": cvm.tableId,
    };
    for (const [version, cvmId] of Object.entries(byVersion)) {
      const answer = await send("POST", `/cvms/${cvm.id}/is-allowed`, { version, body: {} });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ cvm_id: cvmId, is_allowed: true });
      expectSdkShape("checkCvmIsAllowed", version, answer.body);
    }
  });

  it("POST /apps/{id}/cvms/is-allowed lists results and skipped CVMs by hashid", async () => {
    const [first, second, third] = oracleCvms();
    third!.instanceId = null;
    const current = await send("POST", `/apps/${oracle}/cvms/is-allowed`, {
      version: "2026-05-22",
    });
    expect(current.status).toBe(200);
    expect(current.body.results.map((r: { cvm_id: string }) => r.cvm_id).sort()).toEqual(
      [first!.id, second!.id].sort(),
    );
    expect(current.body.skipped_cvm_ids).toEqual([third!.id]);
    expectSdkShape("checkAppCvmsIsAllowed", "2026-05-22", current.body);
    const placeholder = await send("POST", `/apps/${oracle}/cvms/is-allowed`, {
      version: "2026-01-21",
    });
    expect(placeholder.body.results.map((r: { cvm_id: number }) => r.cvm_id)).toEqual([0, 0]);
    expect(placeholder.body.skipped_cvm_ids).toEqual([0]);
    const legacy = await send("POST", `/apps/${oracle}/cvms/is-allowed`, { version: "2025-10-28" });
    expect(legacy.body.skipped_cvm_ids).toEqual([third!.tableId]);
  });

  it("GET /apps/{id}/device-allowlist lists each device's CVMs by hashid", async () => {
    const cvms = oracleCvms();
    const current = await send("GET", `/apps/${oracle}/device-allowlist`, {
      version: "2026-06-23",
    });
    expect(current.status).toBe(200);
    const listed = current.body.devices.flatMap((device: { cvm_ids: string[] }) => device.cvm_ids);
    expect(listed.sort()).toEqual(cvms.map((cvm) => cvm.id).sort());
    expectSdkShape("getAppDeviceAllowlist", "2026-06-23", current.body);
    const placeholder = await send("GET", `/apps/${oracle}/device-allowlist`);
    expect(
      placeholder.body.devices.flatMap((device: { cvm_ids: number[] }) => device.cvm_ids),
    ).toEqual(cvms.map(() => 0));
    const legacy = await send("GET", `/apps/${oracle}/device-allowlist`, { version: "2025-10-28" });
    expect(
      legacy.body.devices.flatMap((device: { cvm_ids: number[] }) => device.cvm_ids).sort(),
    ).toEqual(cvms.map((cvm) => cvm.tableId).sort());
  });

  it("the instance-id refresh names the CVM by hashid, or null where there is none", async () => {
    const single = await send("PATCH", `/cvms/${running.id}/instance-id`, {
      version: "2026-05-22",
      body: { dry_run: true },
    });
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ cvm_id: running.id, identifier: running.id });
    expectSdkShape("refreshCvmInstanceId", "2026-05-22", single.body);
    const body = { cvm_ids: [running.id, "missing-cvm"], running_only: false, missing_only: false };
    const batch = await send("PATCH", "/cvms/instance-ids", { version: "2026-05-22", body });
    expect(batch.body.items.map((item: { cvm_id: unknown }) => item.cvm_id)).toEqual([
      running.id,
      null,
    ]);
    expectSdkShape("refreshCvmInstanceIds", "2026-05-22", batch.body);
    const placeholder = await send("PATCH", "/cvms/instance-ids", { version: "2026-01-21", body });
    expect(placeholder.body.items.map((item: { cvm_id: unknown }) => item.cvm_id)).toEqual([0, 0]);
    const legacy = await send("PATCH", "/cvms/instance-ids", { version: "2025-10-28", body });
    expect(legacy.body.items.map((item: { cvm_id: unknown }) => item.cvm_id)).toEqual([
      tableIdOf(running.id),
      0,
    ]);
  });
});

describe("GET /teepods/cvm-create-resources", () => {
  it("answers the model's nodes, KMS, gateways and instance types, in every version", async () => {
    for (const version of API_VERSIONS) {
      const answer = await send("GET", "/teepods/cvm-create-resources", { version });
      expect(answer.status).toBe(200);
      expectSdkShape("getCvmCreateResources", version, answer.body);
      // Every key is one contract/exceptions.json names (ids a number or a string before 05-22).
      expect(
        contractMismatches("GET /teepods/cvm-create-resources", answer.body, { version }),
      ).toEqual([]);
      expect(answer.body.tier).toBe("pro");
      expect(answer.body.nodes.map((node: { teepod_id: number }) => node.teepod_id)).toEqual(
        [...api.state.nodes.keys()].sort((a, b) => a - b),
      );
      expect(answer.body.kms_nodes.map((kms: { id: string }) => kms.id)).toEqual([
        ...api.state.kms.keys(),
      ]);
      // Strings from 2026-05-22, and the mock's were strings before too.
      for (const kms of answer.body.kms_nodes) {
        expect(typeof kms.id).toBe("string");
        expect(kms.kms_contract_id).toMatch(/^kc_/);
      }
      for (const gateway of answer.body.gateway_nodes)
        expect(gateway.kms_contract_id).toMatch(/^kc_/);
      expect(answer.body.instance_types.map((type: { id: string }) => type.id)).toContain(
        "tdx.medium",
      );
    }
    const phala = (await send("GET", "/teepods/cvm-create-resources")).body.kms_nodes.find(
      (kms: { slug: string }) => kms.slug === "phala-prod",
    );
    expect(phala).toMatchObject({ kms_type: "phala", chain_id: null });
    expect(phala.supported_os_images).toContain("dstack-dev-0.5.3");
  });

  it("follows the model: a new CVM takes from its node's remaining capacity", async () => {
    const before = await send("GET", "/teepods/cvm-create-resources");
    const prod9 = (body: any) =>
      body.nodes.find((node: { teepod_id: number }) => node.teepod_id === SEED.nodes.prod9.id);
    await send("POST", `/cvms/${running.id}/replicas`, { body: { node_id: SEED.nodes.prod9.id } });
    const after = await send("GET", "/teepods/cvm-create-resources");
    expect(prod9(after.body).remaining_cvm_slots).toBe(prod9(before.body).remaining_cvm_slots - 1);
  });
});

describe("PATCH /cvms/{id}/name", () => {
  it("renames by the cvm_ hashid, in every version, answering 204", async () => {
    for (const [index, version] of API_VERSIONS.entries()) {
      const name = `renamed-app-${index}`;
      const answer = await send("PATCH", `/cvms/${running.id}/name`, { version, body: { name } });
      expect(answer.status).toBe(204);
      expect(answer.body).toBeNull();
      expect((await send("GET", `/cvms/${running.id}`)).body.name).toBe(name);
    }
    // Its own current name is no duplicate.
    const same = await send("PATCH", `/cvms/${running.id}/name`, {
      body: { name: "renamed-app-3" },
    });
    expect(same.status).toBe(204);
  });

  it("answers 400 for a name another CVM of the workspace has", async () => {
    const other = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "acme-web-3")!;
    const answer = await send("PATCH", `/cvms/${running.id}/name`, {
      version: "2026-05-22",
      body: { name: other.name },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      detail: 'CVM name "acme-web-3" is already in use in this workspace',
    });
    expect(api.state.cvms.get(running.id)?.name).toBe(running.name);
    // Another workspace's names do not count.
    const carols = SEED.otherWorkspaceCvms[0]!.name;
    expect(
      (await send("PATCH", `/cvms/${running.id}/name`, { body: { name: carols } })).status,
    ).toBe(204);
  });

  it("answers 422 for a name that is not an RFC 1123 label, or none", async () => {
    for (const name of ["abcd", "a".repeat(64), "1abcde", "abcde-", "ab_cde", "ab.cde", "", 42]) {
      const answer = await send("PATCH", `/cvms/${running.id}/name`, { body: { name } });
      expect(answer.status, JSON.stringify(name)).toBe(422);
      expect(answer.body.detail[0].loc).toEqual(["body", "name"]);
    }
    const missing = await send("PATCH", `/cvms/${running.id}/name`, { body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0]).toMatchObject({ type: "missing", loc: ["body", "name"] });
    expect(api.state.cvms.get(running.id)?.name).toBe(running.name);
  });

  it("takes the cvm_ hashid alone: a UUID, app id or name is not found", async () => {
    for (const id of [running.vmUuid, `app_${running.appId}`, running.name, "cvm_nope"]) {
      const answer = await send("PATCH", `/cvms/${id}/name`, { body: { name: "valid-name" } });
      expect(answer.status, id).toBe(404);
      expect(answer.body.detail.error_code).toBe("ERR-03-001");
    }
    const carols = SEED.otherWorkspaceCvms[0]!.id;
    expect(
      (await send("PATCH", `/cvms/${carols}/name`, { body: { name: "valid-name" } })).status,
    ).toBe(404);
  });
});

describe("KMS: contracts from 2026-06-23, nodes before", () => {
  it("GET /kms lists KMS contracts in 2026-06-23", async () => {
    const answer = await send("GET", "/kms", { version: "2026-06-23" });
    expect(answer.status).toBe(200);
    expectSdkShape("listKmsContracts", "2026-06-23", answer.body);
    expect(answer.body).toMatchObject({ total: 3, page: 1, page_size: 20, pages: 1 });
    const [phala, base, ethereum] = answer.body.items;
    expect(phala).toMatchObject({
      slug: "phala",
      label: "Phala KMS",
      contract_address: "phala",
      chain_id: 0,
      node_count: 1,
    });
    expect(phala.id).toBe(SEED.kmsContracts.phala.id);
    expect(base.id).toBe(SEED.kmsContracts.base.id);
    expect(phala.k256_pubkey).toBe(api.state.kms.get(SEED.kms.phala.id)!.k256Pubkey);
    expect(base).toMatchObject({ slug: "base", chain_id: 8453, node_count: 1 });
    expect(base.contract_address).toBe(
      api.state.kms.get(SEED.kms.base.id)!.contractAddress!.toLowerCase(),
    );
    expect(ethereum).toMatchObject({ slug: "ethereum", chain_id: 1 });
    const onChain = await send("GET", "/kms?is_onchain=true&page_size=1", {
      version: "2026-06-23",
    });
    expect(onChain.body).toMatchObject({ total: 2, pages: 2, items: [{ slug: "base" }] });
    expect((await send("GET", "/kms?page=0", { version: "2026-06-23" })).status).toBe(422);
  });

  it("GET /kms lists KMS nodes as before in 2026-05-22 and earlier", async () => {
    for (const version of ["2025-10-28", "2026-01-21", "2026-05-22"]) {
      const answer = await send("GET", "/kms", { version });
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((kms: { slug: string }) => kms.slug)).toEqual([
        "phala-prod",
        "base-prod",
        "ethereum-prod",
      ]);
      expectSdkShape("getKmsList", version, answer.body);
    }
  });

  it("GET /kms/{slug} is a contract (slug or kc_ id) in 2026-06-23, a node before", async () => {
    const bySlug = await send("GET", "/kms/base", { version: "2026-06-23" });
    expect(bySlug.status).toBe(200);
    expectSdkShape("getKmsContract", "2026-06-23", bySlug.body);
    const byId = await send("GET", `/kms/${bySlug.body.id}`, { version: "2026-06-23" });
    expect(byId.body).toEqual(bySlug.body);
    const node = await send("GET", "/kms/base-prod", { version: "2026-06-23" });
    expect(node.status).toBe(404);
    expect(node.body.detail.error_code).toBe("ERR-02-011");

    const legacy = await send("GET", "/kms/base-prod", { version: "2026-05-22" });
    expect(legacy.status).toBe(200);
    expect(legacy.body).toMatchObject({ id: SEED.kms.base.id, slug: "base-prod" });
    expectSdkShape("getKmsInfo", "2026-05-22", legacy.body);
    expect((await send("GET", "/kms/base", { version: "2026-05-22" })).status).toBe(404);
  });

  it("GET /kms/{slug}/nodes lists a contract's nodes in 2026-06-23; no such route before", async () => {
    const answer = await send("GET", "/kms/phala/nodes", { version: "2026-06-23" });
    expect(answer.status).toBe(200);
    expectSdkShape("listKmsContractNodes", "2026-06-23", answer.body);
    expect(contractMismatches("GET /kms/{kms_slug}/nodes", answer.body)).toEqual([]);
    expect(answer.body).toEqual({
      items: [
        {
          id: SEED.kms.phala.id,
          slug: "phala-prod",
          url: "https://kms.phala.network",
          version: "v0.5.3",
          kms_type: "phala",
        },
      ],
      total: 1,
    });
    const contract = (await send("GET", "/kms/phala", { version: "2026-06-23" })).body;
    const byId = await send("GET", `/kms/${contract.id}/nodes`, { version: "2026-06-23" });
    expect(byId.body).toEqual(answer.body);
    expect((await send("GET", "/kms/nope/nodes", { version: "2026-06-23" })).status).toBe(404);
    for (const version of ["2025-10-28", "2026-01-21", "2026-05-22"]) {
      const before = await send("GET", "/kms/phala/nodes", { version });
      expect(before.status).toBe(404);
      expect(before.body).toEqual({ detail: "Not Found" });
    }
  });

  it("GET /kms/{kms}/pubkey/{app_id} takes a node before 2026-06-23, a contract from it", async () => {
    const node = await send("GET", `/kms/phala-prod/pubkey/${web}`, { version: "2026-05-22" });
    expect(node.status).toBe(200);
    expectSdkShape("getAppEnvEncryptPubKey", "2026-05-22", node.body);
    expect((await send("GET", `/kms/phala/pubkey/${web}`, { version: "2026-05-22" })).status).toBe(
      404,
    );
    const contract = await send("GET", `/kms/phala/pubkey/${web}`, { version: "2026-06-23" });
    expect(contract.status).toBe(200);
    // The contract's nodes share one root key: the same key as its node's.
    expect(contract.body.public_key).toBe(node.body.public_key);
    expect(
      (await send("GET", `/kms/phala-prod/pubkey/${web}`, { version: "2026-06-23" })).status,
    ).toBe(404);
  });
});

describe("a test's extra version", () => {
  const region: MockVersionChangeSet = {
    version: "2099-01-01",
    summary: "The VM record says where it runs.",
    changes: [
      {
        kind: "add-field",
        shape: "CvmVm",
        field: "region",
        schema: { type: "string", default: "unknown" },
        endpoints: ["startCvm", "stopCvm"],
        note: "The VM record carries `region`.",
        migration: "None.",
      },
    ],
  };

  it("is negotiated and rendered from its change alone", async () => {
    const mock = await startMockApi({ transitionMs: 50, versionChanges: [region] });
    try {
      const stopped = await send("POST", `/cvms/${running.id}/stop`, {
        url: mock.url,
        version: "2099-01-01",
      });
      expect(stopped.status).toBe(200);
      expect(stopped.headers.get("x-phala-version")).toBe("2099-01-01");
      expect(stopped.body).toMatchObject({ id: running.id, region: "unknown" });
      // Everything the newest SDK version has, plus the new field.
      expectSdkShape("stopCvm", "2026-06-23", stopped.body);
      const latest = await send("GET", "/auth/me", { url: mock.url, version: "latest" });
      expect(latest.headers.get("x-phala-version")).toBe("2099-01-01");
      // The versions before it do not have the field.
      await new Promise((resolve) => setTimeout(resolve, 120));
      const started = await send("POST", `/cvms/${running.id}/start`, {
        url: mock.url,
        version: "2026-06-23",
      });
      expect(started.body).not.toHaveProperty("region");
      expect(started.body.id).toBe(running.id);
      // The SDK's own versions answer as ever.
      const unknown = await send("GET", "/auth/me", { url: mock.url, version: "2099-02-02" });
      expect(unknown.status).toBe(400);
      expect(unknown.body.detail.message).toContain("2026-06-23, 2099-01-01");
    } finally {
      await mock.close();
    }
  });

  it("renames and retypes fields from their data", async () => {
    const app = createMockApp({
      versionChanges: [
        {
          version: "2099-03-01",
          changes: [
            {
              kind: "rename-field",
              shape: "CvmVm",
              field: "vcpu",
              to: "vcpu_count",
              endpoints: ["restartCvm"],
              note: "",
              migration: "",
            },
            {
              kind: "retype-field",
              shape: "CvmVm",
              field: "memory",
              schema: { type: "string" },
              endpoints: ["restartCvm"],
              note: "",
              migration: "",
            },
            // In order: the renamed field is retyped under its new name.
            {
              kind: "retype-field",
              shape: "CvmVm",
              field: "vcpu_count",
              schema: { anyOf: [{ type: "string" }, { type: "null" }] },
              endpoints: ["restartCvm"],
              note: "",
              migration: "",
            },
          ],
        },
      ],
    });
    const response = await app.request(`/api/v1/cvms/${running.id}/restart`, {
      method: "POST",
      headers: { "X-API-Key": key, "X-Phala-Version": "2099-03-01" },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const cvm = api.state.cvms.get(running.id)!;
    expect(body).toMatchObject({ vcpu_count: String(cvm.vcpu), memory: String(cvm.memoryMb) });
    expect(body).not.toHaveProperty("vcpu");
  });

  it("refuses to start with a change the mock cannot render", () => {
    const change = (entry: Partial<Schemas.VersionChangeEntry>): MockVersionChangeSet => ({
      version: "2099-01-01",
      changes: [{ kind: "add-field", endpoints: [], note: "", migration: "", ...entry }],
    });
    const refused = [
      // A reshape has no generic rule, and nothing renders forward from 2026-06-23.
      change({ kind: "reshape-endpoint", endpoint: "getCvmInfo", endpoints: ["getCvmInfo"] }),
      // A shape the mock does not place in its bodies.
      change({ shape: "NoSuchShape", field: "x", schema: { type: "string", default: "" } }),
      // An endpoint whose body the mock does not render with the shape.
      change({ shape: "CvmVm", field: "x", schema: { default: 1 }, endpoints: ["getCvmList"] }),
      // A new field with no value to give it.
      change({ shape: "CvmVm", field: "x", schema: { type: "string" }, endpoints: ["startCvm"] }),
      // An endpoint the mock does not answer through the chain.
      change({ kind: "add-endpoint", endpoint: "listWorkspaces", endpoints: ["listWorkspaces"] }),
      // A version listed twice, or not a date.
      { version: "2026-05-22", changes: [] },
      { version: "next", changes: [] },
      // A kind of change the mock does not know.
      change({ kind: "split-endpoint" as Schemas.VersionChangeEntry["kind"] }),
    ];
    for (const versionChanges of refused) {
      expect(() => createMockApp({ versionChanges: [versionChanges] })).toThrow(VersionChainError);
    }
  });

  it("refuses a handler of the mock that answers no change of the SDK", () => {
    const stale = defineVersionChange({
      version: "2026-05-22",
      description: "stale",
      fields: { "CvmVm.gone": (value) => value },
    });
    const own = OWN_CHANGES.map((change) => (change.version === "2026-05-22" ? stale : change));
    expect(() => createVersionChain([], { own })).toThrow(
      /CvmVm.gone: the mock's handler answers no change/,
    );
    // And a change of the SDK with its handler gone cannot be rendered either.
    expect(() => createVersionChain([], { own })).toThrow(/CvmCreateResourcesKmsNode.id/);
  });
});
