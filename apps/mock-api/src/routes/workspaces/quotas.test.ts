import { afterEach, describe, expect, it } from "vitest";
import { MockApiError } from "../../internal/errors";
import { createMockState, SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";
import { assertQuotaAllows, TIER_LIMITS, workspaceQuotaUsage } from "./limits";

// Carol's workspace is on the free tier and holds two tdx.small CVMs (1 vCPU,
// 2048 MB, 20 GB each); the free tier allows 5 CVMs and 8 vCPUs.
const carol: string = SEED.apiKeys.otherWorkspace;
const alice: string = SEED.apiKeys.demo;
const free = TIER_LIMITS.free!;
const notebook = SEED.otherWorkspaceCvms.find((cvm) => cvm.name === "notebook")!;

let api: RunningMockApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: Parameters<typeof startMockApi>[0] = {}) {
  api = await startMockApi({ transitionMs: 0, ...options });
  return api;
}

async function send(method: string, path: string, body: unknown, apiKey = carol) {
  const response = await fetch(`${api!.url}${path}`, {
    method,
    headers: { "X-API-Key": apiKey, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function provisionBody(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    instance_type: "tdx.small",
    compose_file: { docker_compose_file: `services:\n  ${name}:\n    image: nginx\n` },
    ...overrides,
  };
}

async function create(name: string, apiKey = carol, overrides: Record<string, unknown> = {}) {
  const provision = await send("POST", "/cvms/provision", provisionBody(name, overrides), apiKey);
  expect(provision.status, JSON.stringify(provision.body)).toBe(200);
  const commit = await send(
    "POST",
    "/cvms",
    { app_id: provision.body.app_id, compose_hash: provision.body.compose_hash },
    apiKey,
  );
  expect(commit.status, JSON.stringify(commit.body)).toBe(200);
  return commit.body;
}

/** Fills Carol's workspace up to its CVM limit with small CVMs. */
async function fillCarol() {
  for (let i = 2; i < free.vmSlots; i++) await create(`filler-${i}`);
}

function expectQuotaError(
  sent: { status: number; body: any },
  code: string,
  field: string,
  value: { limit: number; in_use: number; requested: number },
) {
  expect(sent.status).toBe(403);
  const detail = sent.body.detail;
  expect(detail.error_code).toBe(code);
  expect(typeof detail.message).toBe("string");
  expect(detail.details).toContainEqual({ field, value, message: expect.any(String) });
  expect(detail.details).toContainEqual({ field: "tier", value: "free", message: null });
  expect(detail.suggestions.length).toBeGreaterThan(0);
  expect(detail.suggestions.join(" ")).toContain("/workspaces/carols-lab/quotas");
  expect(detail.links).toEqual([]);
}

describe("workspaceQuotaUsage / assertQuotaAllows", () => {
  it("sums the live CVMs of one workspace", () => {
    const state = createMockState();
    const workspace = state.workspaces.get(SEED.workspaces.other.id)!;
    expect(workspaceQuotaUsage(state, workspace)).toEqual({
      tier: "free",
      limits: free,
      used: { vmSlots: 2, vcpu: 2, memoryMb: 4096, diskGb: 40, gpus: 0 },
    });
    state.cvms.get(notebook.id)!.deletedAt = "2026-03-01T00:00:00.000Z";
    expect(workspaceQuotaUsage(state, workspace).used.vmSlots).toBe(1);
  });

  it("lets the pro tier hold the 250 CVMs of the paging tests and more", () => {
    const state = createMockState({ extraCvms: 238 });
    const workspace = state.workspaces.get(SEED.workspaces.main.id)!;
    const { used, limits } = workspaceQuotaUsage(state, workspace);
    expect(used.vmSlots).toBe(250);
    for (const key of ["vmSlots", "vcpu", "memoryMb", "diskGb", "gpus"] as const) {
      expect(used[key]).toBeLessThan(limits[key]);
    }
    const twoLarge = { vmSlots: 2, vcpu: 8, memoryMb: 16384, diskGb: 160, gpus: 0 };
    expect(() => assertQuotaAllows(state, workspace, twoLarge)).not.toThrow();
  });

  it("lists every exceeded quota; the CVM count decides the code", () => {
    const state = createMockState();
    const workspace = state.workspaces.get(SEED.workspaces.other.id)!;
    expect(() => assertQuotaAllows(state, workspace, { vcpu: 6 })).not.toThrow();
    expect(() => assertQuotaAllows(state, workspace, { vcpu: -4, diskGb: 0 })).not.toThrow();
    let error: unknown;
    try {
      assertQuotaAllows(state, workspace, { vmSlots: 4, vcpu: 24, gpus: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MockApiError);
    const { status, body } = error as MockApiError;
    expect(status).toBe(403);
    const detail = (body as any).detail;
    expect(detail.error_code).toBe("ERR-04-002");
    expect(detail.details.map((item: { field: string }) => item.field)).toEqual([
      "vm_slots",
      "vcpu",
      "gpus",
      "tier",
    ]);
  });
});

describe("CVM count quota (403 ERR-04-002)", () => {
  it("provision works below the limit and is refused at it", async () => {
    await start();
    await fillCarol();
    const refused = await send("POST", "/cvms/provision", provisionBody("one-too-many"));
    expectQuotaError(refused, "ERR-04-002", "vm_slots", {
      limit: free.vmSlots,
      in_use: free.vmSlots,
      requested: 1,
    });
    expect(refused.body.detail.message).toContain(`${free.vmSlots} CVMs`);
    // Deleting one frees its slot.
    const deleted = await fetch(`${api!.url}/cvms/${notebook.id}`, {
      method: "DELETE",
      headers: { "X-API-Key": carol },
    });
    expect(deleted.status).toBe(204);
    expect((await send("POST", "/cvms/provision", provisionBody("one-too-many"))).status).toBe(200);
  });

  it("the commit checks again: a provision made below the limit fails once it is reached", async () => {
    await start();
    const early = await send("POST", "/cvms/provision", provisionBody("early-bird"));
    expect(early.status).toBe(200);
    await fillCarol();
    const commit = await send("POST", "/cvms", {
      app_id: early.body.app_id,
      compose_hash: early.body.compose_hash,
    });
    expectQuotaError(commit, "ERR-04-002", "vm_slots", {
      limit: free.vmSlots,
      in_use: free.vmSlots,
      requested: 1,
    });
  });

  it("replicate is refused at the limit", async () => {
    await start();
    const below = await send("POST", `/cvms/${notebook.id}/replicas`, {});
    expect(below.status).toBe(200);
    await create("filler-a");
    await create("filler-b");
    const refused = await send("POST", `/cvms/${notebook.id}/replicas`, {});
    expectQuotaError(refused, "ERR-04-002", "vm_slots", {
      limit: free.vmSlots,
      in_use: free.vmSlots,
      requested: 1,
    });
  });

  it("a new app instance is refused at the limit", async () => {
    await start();
    const path = `/apps/${SEED.apps.notebook.appId}/instances`;
    expect((await send("POST", path, { name: "notebook-3" })).status).toBe(200);
    await create("filler-a");
    await create("filler-b");
    const refused = await send("POST", path, { name: "notebook-6" });
    expectQuotaError(refused, "ERR-04-002", "vm_slots", {
      limit: free.vmSlots,
      in_use: free.vmSlots,
      requested: 1,
    });
  });
});

describe("vCPU quota (403 ERR-04-003)", () => {
  it("provision checks the requested size", async () => {
    await start();
    // 2 vCPUs in use: a tdx.xlarge (8) would make 10 of 8.
    const refused = await send(
      "POST",
      "/cvms/provision",
      provisionBody("big-one", { instance_type: "tdx.xlarge" }),
    );
    expectQuotaError(refused, "ERR-04-003", "vcpu", { limit: 8, in_use: 2, requested: 8 });
    // The free tier's memory is sized like its vCPUs, so memory is over too.
    expect(refused.body.detail.details.map((item: any) => item.field)).toEqual([
      "vcpu",
      "memory_mb",
      "tier",
    ]);
    // vcpu/memory sizing goes through the same check.
    const bySize = await send(
      "POST",
      "/cvms/provision",
      provisionBody("big-two", { instance_type: undefined, vcpu: 7 }),
    );
    expectQuotaError(bySize, "ERR-04-003", "vcpu", { limit: 8, in_use: 2, requested: 8 });
    const fits = await send(
      "POST",
      "/cvms/provision",
      provisionBody("big-three", { instance_type: "tdx.large" }),
    );
    expect(fits.status).toBe(200);
  });

  it("a GPU instance names every quota it exceeds", async () => {
    await start();
    const refused = await send(
      "POST",
      "/cvms/provision",
      provisionBody("gpu-box", { instance_type: "h200.small" }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.detail.error_code).toBe("ERR-04-003");
    expect(refused.body.detail.details.map((item: any) => item.field)).toEqual([
      "vcpu",
      "memory_mb",
      "disk_gb",
      "gpus",
      "tier",
    ]);
  });

  it("resize counts only the growth", async () => {
    await start();
    const path = `/cvms/${notebook.id}/resources`;
    const refused = await send("PATCH", path, { instance_type: "tdx.xlarge", allow_restart: true });
    expectQuotaError(refused, "ERR-04-003", "vcpu", { limit: 8, in_use: 2, requested: 7 });
    const grown = await send("PATCH", path, { instance_type: "tdx.large", allow_restart: true });
    expect(grown.status).toBe(202);
    // 5 vCPUs in use now; going back down is always allowed.
    const shrunk = await send("PATCH", path, { instance_type: "tdx.small", allow_restart: true });
    expect(shrunk.status).toBe(202);
    const disk = await send("PATCH", path, { disk_size: 500, allow_restart: true });
    expectQuotaError(disk, "ERR-04-003", "disk_gb", { limit: 200, in_use: 40, requested: 480 });
  });

  it("PATCH /cvms/{id} with a bigger size is checked too", async () => {
    await start();
    const refused = await send("PATCH", `/cvms/${notebook.id}`, { vcpu: 16 });
    expectQuotaError(refused, "ERR-04-003", "vcpu", { limit: 8, in_use: 2, requested: 15 });
    const fits = await send("PATCH", `/cvms/${notebook.id}`, { vcpu: 4 });
    expect(fits.status).toBe(202);
  });
});

describe("the quotas endpoint and the checks agree", () => {
  it("remaining goes down as CVMs are created", async () => {
    await start();
    await create("counted");
    const response = await fetch(`${api!.url}/workspaces/carols-lab/quotas`, {
      headers: { "X-API-Key": carol },
    });
    const body = await response.json();
    expect(body.quotas.vm_slots).toEqual({ limit: free.vmSlots, remaining: free.vmSlots - 3 });
    expect(body.quotas.vcpu).toEqual({ limit: free.vcpu, remaining: free.vcpu - 3 });
  });

  it("the pro workspace with 250 CVMs still creates two more", async () => {
    await start({ extraCvms: 238 });
    await create("paging-extra-1", alice, { instance_type: "tdx.medium" });
    await create("paging-extra-2", alice, { instance_type: "tdx.medium" });
    const response = await fetch(`${api!.url}/workspaces/acme-research/quotas`, {
      headers: { "X-API-Key": alice },
    });
    const body = await response.json();
    expect(body.quotas.vm_slots).toEqual({
      limit: TIER_LIMITS.pro!.vmSlots,
      remaining: TIER_LIMITS.pro!.vmSlots - 252,
    });
  });
});
