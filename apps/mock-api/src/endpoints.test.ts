import {
  DstackAppMinimalResponseV20260121Schema,
  DstackAppWithCvmResponseV20260121Schema,
  getAppCvmsResponseSchemas,
  getAppInfoResponseSchemas,
  getAppListResponseSchemas,
  getCurrentUserResponseSchemas,
  getCvmInfoResponseSchemas,
  getCvmListResponseSchemas,
} from "@phala/cloud-schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "./internal/test-support";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";
import { API_VERSIONS, type ApiVersion } from "./versions/chain";

const NOW = new Date("2026-03-05T10:00:10.000Z");
const key = SEED.apiKeys.demo;
let api: RunningMockApi;

beforeAll(async () => {
  api = await startMockApi({ now: () => NOW });
});
afterAll(() => api.close());

interface EndpointCase {
  name: string;
  path: string;
  /** The SDK's schemas: the SDK accepts what the mock sends. */
  schemas: Record<ApiVersion, { safeParse(value: unknown): { success: boolean; error?: unknown } }>;
  /** The contract's operation: the reference for the body, key by key. */
  operation: string;
}

const appId = SEED.apps.web.appId;

const endpoints: EndpointCase[] = [
  {
    name: "getCurrentUser",
    path: "/auth/me",
    schemas: getCurrentUserResponseSchemas,
    operation: "GET /auth/me",
  },
  {
    name: "getCvmList",
    path: "/cvms/paginated?page_size=100",
    schemas: getCvmListResponseSchemas,
    operation: "GET /cvms/paginated",
  },
  {
    name: "getCvmInfo",
    path: `/cvms/${SEED.exampleCvm.name}`,
    schemas: getCvmInfoResponseSchemas,
    operation: "GET /cvms/{cvm_id}",
  },
  {
    name: "getAppList",
    path: "/apps?page_size=100",
    schemas: getAppListResponseSchemas,
    operation: "GET /apps",
  },
  {
    name: "getAppInfo",
    path: `/apps/${appId}`,
    schemas: getAppInfoResponseSchemas,
    operation: "GET /apps/{app_id}",
  },
  {
    name: "getAppCvms",
    path: `/apps/${appId}/cvms`,
    schemas: getAppCvmsResponseSchemas,
    operation: "GET /apps/{app_id}/cvms",
  },
];

describe.each(API_VERSIONS)("every endpoint in %s", (version) => {
  it.each(endpoints)("$name renders the version's full shape", async (endpoint) => {
    const response = await getJson(api.url, endpoint.path, { apiKey: key, version });

    expect(response.status).toBe(200);
    expect(response.headers.get("x-phala-version")).toBe(version);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const parsed = endpoint.schemas[version].safeParse(response.body);
    expect(parsed.error).toBeUndefined();
    expect(parsed.success).toBe(true);
    expect(contractMismatches(endpoint.operation, response.body, { version })).toEqual([]);
  });

  it("lists every CVM of the main workspace, each in the full shape", async () => {
    const list = await getJson(api.url, "/cvms/paginated?page_size=100", { apiKey: key, version });
    expect(list.body.total).toBe(SEED.mainWorkspaceCvms.length);
    expect(list.body.items).toHaveLength(SEED.mainWorkspaceCvms.length);

    for (const cvm of SEED.mainWorkspaceCvms) {
      const detail = await getJson(api.url, `/cvms/${cvm.id}`, { apiKey: key, version });
      expect(detail.status).toBe(200);
      expect(getCvmInfoResponseSchemas[version].safeParse(detail.body).success).toBe(true);
      expect(contractMismatches("GET /cvms/{cvm_id}", detail.body, { version })).toEqual([]);
    }
  });

  it("renders every app with its CVMs", async () => {
    for (const app of [SEED.apps.web, SEED.apps.inference, SEED.apps.oracle, SEED.apps.ci]) {
      const cvms = await getJson(api.url, `/apps/${app.appId}/cvms`, { apiKey: key, version });
      expect(cvms.status).toBe(200);
      expect(cvms.body.length).toBe(3);
      expect(contractMismatches("GET /apps/{app_id}/cvms", cvms.body, { version })).toEqual([]);
    }
  });
});

describe("2026-01-21 bodies", () => {
  const get = (path: string) => getJson(api.url, path, { apiKey: key, version: "2026-01-21" });

  it("returns the user, workspace and credits as decimal strings", async () => {
    const { body } = await get("/auth/me");
    expect(body.user).toMatchObject({ username: "alice", role: "admin" });
    expect(body.workspace).toMatchObject({
      id: SEED.workspaces.main.id,
      name: "Acme Research",
      tier: "pro",
      role: "owner",
    });
    expect(body.credits).toEqual({
      balance: "125.50",
      granted_balance: "10.00",
      is_post_paid: false,
      outstanding_amount: null,
    });
  });

  it("nests the CVM's resources, node, workspace and creator", async () => {
    const { body } = await get(`/cvms/${SEED.exampleCvm.name}`);
    expect(body).toMatchObject({
      id: SEED.exampleCvm.id,
      name: "cvm-abc123",
      app_id: SEED.exampleCvm.appId,
      vm_uuid: SEED.exampleCvm.vmUuid,
      instance_id: SEED.exampleCvm.instanceId,
      status: "running",
      resource: { instance_type: "tdx.small", vcpu: 1, memory_in_gb: 2, disk_in_gb: 20 },
      node_info: { object_type: "node", id: 5, name: "prod5", region: "us-west-1" },
      workspace: { object_type: "workspace", id: SEED.workspaces.main.id },
      creator: { object_type: "user", username: "alice" },
    });
    expect(body.compose_file.docker_compose_file).toContain("services:");
  });

  it("shows another workspace's app by id only, in the minimal form", async () => {
    const response = await get(`/apps/${SEED.apps.notebook.appId}`);
    expect(response.status).toBe(200);
    expect(DstackAppMinimalResponseV20260121Schema.safeParse(response.body).success).toBe(true);
    expect(DstackAppWithCvmResponseV20260121Schema.safeParse(response.body).success).toBe(true);
    expect(contractMismatches("GET /apps/{app_id}", response.body)).toEqual([]);
    // Every field of the minimal form is there, null but the app id.
    expect(Object.keys(response.body).sort()).toEqual(
      [
        "app_icon_url",
        "app_id",
        "app_provision_type",
        "created_at",
        "current_cvm",
        "cvm_count",
        "cvms",
        "id",
        "kms_type",
        "name",
        "profile",
      ].sort(),
    );
    expect(response.body).toMatchObject({ app_id: SEED.apps.notebook.appId, name: null });
  });

  it("does not list another workspace's CVMs, by any route", async () => {
    const other = SEED.otherWorkspaceCvms[0]!;
    expect((await get(`/cvms/${other.id}`)).status).toBe(404);
    expect((await get(`/cvms/${other.name}`)).status).toBe(404);
    expect((await get(`/apps/${SEED.apps.notebook.appId}/cvms`)).status).toBe(404);
    const list = await get("/cvms/paginated?page_size=100");
    const ids = list.body.items.map((item: { id: string }) => item.id);
    expect(ids).not.toContain(other.id);
  });

  it("answers each key with its own workspace", async () => {
    const list = await getJson(api.url, "/cvms/paginated", { apiKey: SEED.apiKeys.otherWorkspace });
    expect(list.body.total).toBe(SEED.otherWorkspaceCvms.length);
    const me = await getJson(api.url, "/auth/me", { apiKey: SEED.apiKeys.member });
    expect(me.body.user.username).toBe("bob");
    expect(me.body.workspace).toMatchObject({ name: "Acme Research", role: "member" });
  });
});

describe("2025-10-28 bodies", () => {
  const get = (path: string) => getJson(api.url, path, { apiKey: key, version: "2025-10-28" });

  it("returns the flat user with numeric credits", async () => {
    const { body } = await get("/auth/me");
    expect(body).toEqual({
      username: "alice",
      email: SEED.users.alice.email,
      credits: 125.5,
      granted_credits: 10,
      avatar: expect.any(String),
      team_name: "Acme Research",
      team_tier: "pro",
    });
  });

  it("flattens the CVM, with memory in MB and the legacy table id", async () => {
    const { body } = await get(`/cvms/${SEED.exampleCvm.name}`);
    expect(body).toMatchObject({
      id: expect.any(Number),
      name: "cvm-abc123",
      app_id: SEED.exampleCvm.appId,
      vm_uuid: SEED.exampleCvm.vmUuid,
      vcpu: 1,
      memory: 2048,
      disk_size: 20,
      teepod_id: 5,
      teepod: { id: 5, name: "prod5", region_identifier: "us-west-1" },
      instance_type: "tdx.small",
      gateway_domain: "dstack-pha-prod5.phala.network",
    });
    // The legacy id still finds the CVM.
    expect((await get(`/cvms/${body.id}`)).body.name).toBe("cvm-abc123");
  });

  it("lists CVMs with the hosted VM and an uptime from the server clock", async () => {
    const { body } = await get("/cvms/paginated?page_size=100");
    const example = body.items.find((item: { name: string }) => item.name === "cvm-abc123");
    // Booted 2026-03-02T07:45:10Z; the clock says 2026-03-05T10:00:10Z.
    expect(example.hosted).toMatchObject({
      id: SEED.exampleCvm.vmUuid,
      status: "running",
      uptime: "3d 2h 15m",
      app_id: SEED.exampleCvm.appId,
    });
    expect(example.node).toEqual({ id: 5, name: "prod5", region_identifier: "us-west-1" });
    expect(example.kms_info).toMatchObject({ slug: "phala-prod", chain_id: null });
  });

  it("embeds CVMs in apps in the basic legacy form", async () => {
    const { body } = await get(`/apps/${SEED.apps.inference.appId}`);
    expect(body.kms_type).toBe("base");
    expect(body.cvm_count).toBe(3);
    expect(body.cvms[0]).toMatchObject({
      teepod_name: expect.any(String),
      kms_slug: "base-prod",
      kms_id: SEED.kms.base.id,
      instance_type: "h200.small",
      memory: 196608,
    });
  });

  it("does not know another workspace's app", async () => {
    const response = await get(`/apps/${SEED.apps.notebook.appId}`);
    expect(response.status).toBe(404);
    expect(response.body.detail.message).toBe("App not found");
  });
});

describe("the versions agree on the same entity", () => {
  it("memory, disk and node match between 2026-01-21 and 2025-10-28", async () => {
    const latest = await getJson(api.url, "/cvms/paginated?page_size=100", {
      apiKey: key,
      version: "2026-01-21",
    });
    const legacy = await getJson(api.url, "/cvms/paginated?page_size=100", {
      apiKey: key,
      version: "2025-10-28",
    });
    expect(legacy.body.items.map((item: any) => item.name)).toEqual(
      latest.body.items.map((item: any) => item.name),
    );
    latest.body.items.forEach((item: any, index: number) => {
      const old = legacy.body.items[index];
      expect(old.memory).toBe(item.resource.memory_in_gb * 1024);
      expect(old.disk_size).toBe(item.resource.disk_in_gb);
      expect(old.node.id).toBe(item.node_info.id);
      expect(old.hosted.id).toBe(item.vm_uuid);
      expect(old.public_urls).toEqual(item.endpoints);
    });
  });
});
