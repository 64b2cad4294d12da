// The official reference's API versioning page (`cloud-js-sdk/api-versioning.mdx`):
// the versions, choosing one at creation or with withVersion, the header, the
// per-version validation and types, standalone actions, the two shapes of the
// user and of a CVM, and the migration guide's field paths.
import {
  API_VERSIONS,
  type CurrentUserV20251028,
  type CurrentUserV20260121,
  type CvmDetailV20251028,
  type CvmInfoDetailV20260121,
  type CvmInfoV20251028,
  type CvmInfoV20260121,
  createBaseClient,
  createClient,
  DEFAULT_API_VERSION,
  type DstackAppListResponseV20251028,
  type DstackAppListResponseV20260121,
  type DstackAppWithCvmResponseV20251028,
  type DstackAppWithCvmResponseV20260121,
  getCvmInfo,
  LATEST_API_VERSION,
  type PaginatedCvmInfosV20251028,
  type PaginatedCvmInfosV20260121,
  ResponseValidationError,
  UnsupportedApiVersionError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
const CVM = SEED.exampleCvm;
const APP = SEED.apps.web.appId;

const versionsSent = () => mock.sent.map((r) => r.headers.get("x-phala-version"));

// Documented: two versions, 2026-01-21 (default) and 2025-10-28. This SDK knows
// two more (2026-05-22, 2026-06-23) and keeps 2026-01-21 as its default.
describe("Supported Versions (differs: two more)", () => {
  it("both documented versions are known; 2026-01-21 is the default", () => {
    expect(API_VERSIONS).toEqual(
      expect.arrayContaining(["2025-10-28", "2026-01-21", "2026-05-22", "2026-06-23"]),
    );
    expect(API_VERSIONS[0]).toBe("2025-10-28");
    expect(DEFAULT_API_VERSION).toBe("2026-01-21");
    expect(createClient().version).toBe("2026-01-21");
    expect(createClient({ version: "LATEST" }).version).toBe(LATEST_API_VERSION);
  });

  it("an unknown version is refused before anything is sent", () => {
    let thrown: unknown;
    try {
      // @ts-expect-error not a version: refused by the types too
      createClient({ version: "2024-01-01" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnsupportedApiVersionError);
    expect((thrown as UnsupportedApiVersionError).supportedVersions).toEqual(API_VERSIONS);
    expect(categoriesOf(thrown)).toEqual(["UnknownError"]);
    expect(mock.sent).toHaveLength(0);
  });
});

describe("Selecting a Version > At Client Creation", () => {
  it("no version: sends 2026-01-21", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.demo });
    const user = await client.getCurrentUser();
    expect(versionsSent()).toEqual(["2026-01-21"]);
    expect(user.user.username).toBe("alice");
  });

  it("version 2026-01-21 explicitly: the same", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.demo, version: "2026-01-21" });
    expect(client.version).toBe("2026-01-21");
    await client.getCvmList({ page_size: 1 });
    expect(versionsSent()).toEqual(["2026-01-21"]);
  });

  it("version 2025-10-28: sends and reads the legacy version", async () => {
    const legacyClient = createClient({ apiKey: SEED.apiKeys.demo, version: "2025-10-28" });
    const user = await legacyClient.getCurrentUser();
    expect(versionsSent()).toEqual(["2025-10-28"]);
    expect(user.team_name).toBe(SEED.workspaces.main.name);
  });
});

describe("Selecting a Version > Switching Versions at Runtime", () => {
  it("withVersion returns a new client with the same key; the first keeps its version", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.member });
    const legacyClient = client.withVersion("2025-10-28");
    expect(legacyClient).not.toBe(client);
    expect(client.version).toBe("2026-01-21");
    expect(legacyClient.version).toBe("2025-10-28");

    const user = await client.getCurrentUser();
    const legacyUser = await legacyClient.getCurrentUser();
    expectTypeOf(user).toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf(legacyUser).toEqualTypeOf<CurrentUserV20251028>();
    expect(Object.keys(user).sort()).toEqual(
      expect.arrayContaining(["credits", "user", "workspace"]),
    );
    expect(Object.keys(legacyUser).sort()).toEqual([
      "avatar",
      "credits",
      "email",
      "granted_credits",
      "team_name",
      "team_tier",
      "username",
    ]);
    expect(versionsSent()).toEqual(["2026-01-21", "2025-10-28"]);
    expect(new Set(mock.sent.map((r) => r.headers.get("x-api-key")))).toEqual(
      new Set([SEED.apiKeys.member]),
    );
  });
});

describe("How It Works", () => {
  it("1. every request of a client carries its X-Phala-Version", async () => {
    const client = createClient({ version: "2025-10-28" });
    await client.getCurrentUser();
    await client.getCvmInfo({ id: CVM.name });
    await client.getAppList();
    await client.safeGetCvmState({ id: CVM.name });
    expect(versionsSent()).toEqual(Array(4).fill("2025-10-28"));
  });

  it("2. the answer is validated against the version's schema", async () => {
    // A proxy that asks the API for the legacy shape behind the client's back:
    // the 2026-01-21 client refuses the flat body it gets.
    const client = createClient({
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set("X-Phala-Version", "2025-10-28");
        return fetch(input, { ...init, headers });
      },
    });
    const error = await rejectionOf(client.getCurrentUser());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).apiVersion).toBe("2026-01-21");
    expect((error as ResponseValidationError).issues.map((i) => i.path)).toContain("user");
    expect(categoriesOf(error)).toEqual(["UnknownError"]);
  });

  it("3. the result types follow the version: 2026-01-21 -> CvmInfoV20260121, 2025-10-28 -> CvmInfoV20251028", async () => {
    const [current] = (await createClient().getCvmList({ page_size: 1 })).items;
    const [legacy] = (await createClient({ version: "2025-10-28" }).getCvmList({ page_size: 1 }))
      .items;
    expectTypeOf(current!).toEqualTypeOf<CvmInfoV20260121>();
    expectTypeOf(legacy!).toEqualTypeOf<CvmInfoV20251028>();
    expect(current?.name).toBe(legacy?.name);
  });
});

describe("Version-Specific Response Types", () => {
  const current = () => createClient();
  const legacy = () => createClient({ version: "2025-10-28" });

  it("Get current user: CurrentUserV20260121 / CurrentUserV20251028", async () => {
    expectTypeOf(await current().getCurrentUser()).toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf(await legacy().getCurrentUser()).toEqualTypeOf<CurrentUserV20251028>();
  });

  it("List CVMs: PaginatedCvmInfosV20260121 / PaginatedCvmInfosV20251028", async () => {
    const page = await current().getCvmList();
    const legacyPage = await legacy().getCvmList();
    expectTypeOf(page).toEqualTypeOf<PaginatedCvmInfosV20260121>();
    expectTypeOf(legacyPage).toEqualTypeOf<PaginatedCvmInfosV20251028>();
    expect(page.total).toBe(legacyPage.total);
    expect(page.items[0]).toHaveProperty("resource");
    expect(legacyPage.items[0]).toHaveProperty("hosted");
  });

  it("Get CVM info: CvmInfoDetailV20260121 / CvmDetailV20251028", async () => {
    const cvm = await current().getCvmInfo({ id: CVM.name });
    const legacyCvm = await legacy().getCvmInfo({ id: CVM.name });
    expectTypeOf(cvm).toEqualTypeOf<CvmInfoDetailV20260121>();
    expectTypeOf(legacyCvm).toEqualTypeOf<CvmDetailV20251028>();
    expect(cvm.id).toBe(CVM.id);
    expect(typeof legacyCvm.id).toBe("number");
  });

  it("List apps: DstackAppListResponseV20260121 / DstackAppListResponseV20251028", async () => {
    const apps = await current().getAppList();
    const legacyApps = await legacy().getAppList();
    expectTypeOf(apps).toEqualTypeOf<DstackAppListResponseV20260121>();
    expectTypeOf(legacyApps).toEqualTypeOf<DstackAppListResponseV20251028>();
    expect(apps.dstack_apps.map((a) => a.app_id).sort()).toEqual(
      legacyApps.dstack_apps.map((a) => a.app_id).sort(),
    );
  });

  it("Get app info: DstackAppWithCvmResponseV20260121 / DstackAppWithCvmResponseV20251028", async () => {
    const app = await current().getAppInfo({ appId: APP });
    const legacyApp = await legacy().getAppInfo({ appId: APP });
    expectTypeOf(app).toEqualTypeOf<DstackAppWithCvmResponseV20260121>();
    expectTypeOf(legacyApp).toEqualTypeOf<DstackAppWithCvmResponseV20251028>();
    expect(app.app_id).toBe(APP);
    expect(legacyApp.app_id).toBe(APP);
  });

  it("Get app CVMs: CvmInfoV20260121[] / CvmInfoV20251028[]", async () => {
    const cvms = await current().getAppCvms({ appId: APP });
    const legacyCvms = await legacy().getAppCvms({ appId: APP });
    expectTypeOf(cvms).toEqualTypeOf<CvmInfoV20260121[]>();
    expectTypeOf(legacyCvms).toEqualTypeOf<CvmInfoV20251028[]>();
    expect(cvms.map((c) => c.name).sort()).toEqual(legacyCvms.map((c) => c.name).sort());
    expect(cvms.length).toBeGreaterThan(1);
  });
});

describe("Using with Standalone Functions", () => {
  it("getCvmInfo(baseClient, { id }) is typed and validated by the base client's version", async () => {
    const client = createBaseClient({ apiKey: SEED.apiKeys.demo, version: "2026-01-21" });
    const cvm = await getCvmInfo(client, { id: CVM.name });
    expectTypeOf(cvm).toEqualTypeOf<CvmInfoDetailV20260121>();
    const legacyClient = createBaseClient({ apiKey: SEED.apiKeys.demo, version: "2025-10-28" });
    const legacyCvm = await getCvmInfo(legacyClient, { id: CVM.name });
    expectTypeOf(legacyCvm).toEqualTypeOf<CvmDetailV20251028>();
    expect(versionsSent()).toEqual(["2026-01-21", "2025-10-28"]);
    expect(cvm.resource.vcpu).toBe(legacyCvm.vcpu);
    expect(cvm.app_id).toBe(legacyCvm.app_id);
  });
});

describe("Key Differences Between Versions > User Response", () => {
  it("2026-01-21: user, workspace and credits with the documented fields", async () => {
    const { user, workspace, credits } = await createClient().getCurrentUser();
    expect(user).toEqual({
      username: "alice",
      email: SEED.users.alice.email,
      role: "admin",
      avatar: expect.stringMatching(/^https:/),
      email_verified: true,
      totp_enabled: true,
      has_backup_codes: true,
      flag_has_password: true,
    });
    // "admin" | "user", open to roles the API may add.
    expectTypeOf<"admin" | "user">().toExtend<typeof user.role>();
    expect(workspace).toMatchObject({
      id: SEED.workspaces.main.id,
      name: SEED.workspaces.main.name,
      slug: SEED.workspaces.main.slug,
      tier: "pro",
      role: "owner",
    });
    expect(Object.keys(credits).sort()).toEqual([
      "balance",
      "granted_balance",
      "is_post_paid",
      "outstanding_amount",
    ]);
    expectTypeOf(credits.is_post_paid).toEqualTypeOf<boolean>();
  });

  it("2025-10-28: username, email, credits and granted_credits as numbers, avatar, team_name, team_tier", async () => {
    const user = await createClient({ version: "2025-10-28" }).getCurrentUser();
    expect(user).toEqual({
      username: "alice",
      email: SEED.users.alice.email,
      credits: 125.5,
      granted_credits: 10,
      avatar: expect.stringMatching(/^https:/),
      team_name: SEED.workspaces.main.name,
      team_tier: "pro",
    });
    expectTypeOf(user.credits).toEqualTypeOf<number>();
  });
});

describe("Key Differences Between Versions > CVM Info", () => {
  it("2026-01-21: hashed id, nested resource, node_info, os, kms_info, gateway, workspace, creator", async () => {
    const page = await createClient().getCvmList({ page_size: 100 });
    const cvm = page.items.find((item) => item.name === "inference-1")!;
    expect(cvm.id).toMatch(/^cvm_/);
    expect(cvm.app_id).toBe(SEED.apps.inference.appId);
    expect(cvm.status).toBe("running");
    expect(cvm.resource).toMatchObject({
      instance_type: "h200.small",
      vcpu: 24,
      memory_in_gb: 192,
      disk_in_gb: 500,
      gpus: 1,
      billing_period: "monthly",
    });
    expect(cvm.node_info).toMatchObject({
      object_type: "node",
      id: SEED.nodes.prod5.id,
      name: "prod5",
      region: "us-west-1",
    });
    expect(cvm.os).toMatchObject({ name: "dstack-0.5.3", version: "0.5.3", is_dev: false });
    expect(cvm.kms_info).toMatchObject({
      chain_id: 8453,
      dstack_kms_address: expect.stringMatching(/^0x[0-9a-f]{40}$/),
    });
    expect(cvm.gateway).toEqual({
      base_domain: "dstack-pha-prod5.phala.network",
      cname: "gateway.dstack-pha-prod5.phala.network",
    });
    expect(cvm.workspace).toMatchObject({
      object_type: "workspace",
      id: SEED.workspaces.main.id,
      name: SEED.workspaces.main.name,
      slug: SEED.workspaces.main.slug,
    });
    expect(cvm.creator).toMatchObject({ object_type: "user", username: "alice" });
    expect(cvm.creator?.id).toMatch(/^usr_/);
  });

  it("2025-10-28: hosted, name, node with region_identifier, vcpu, memory, disk_size, gateway_domain, public_urls", async () => {
    const page = await createClient({ version: "2025-10-28" }).getCvmList({ page_size: 100 });
    const cvm = page.items.find((item) => item.name === CVM.name)!;
    expect(cvm.hosted).toMatchObject({
      id: CVM.vmUuid,
      name: CVM.name,
      status: "running",
      app_url: expect.stringMatching(/^https:/),
    });
    expect(cvm.node).toEqual({
      id: SEED.nodes.prod5.id,
      name: "prod5",
      region_identifier: "us-west-1",
    });
    expect(cvm).toMatchObject({ vcpu: 1, memory: 2048, disk_size: 20 });
    expect(cvm.gateway_domain).toBe("dstack-pha-prod5.phala.network");
    expect(cvm.public_urls).toEqual([
      {
        app: expect.stringContaining(CVM.appId),
        instance: expect.stringContaining(CVM.instanceId),
      },
    ]);
  });
});

describe("Migration Guide", () => {
  it("1. omitting the version is the same as 2026-01-21", () => {
    expect(createClient({ apiKey: "k" }).version).toBe(
      createClient({ version: "2026-01-21" }).version,
    );
  });

  it("2. user.username -> user.user.username, user.credits -> user.credits.balance", async () => {
    const before = await createClient({ version: "2025-10-28" }).getCurrentUser();
    const after = await createClient().getCurrentUser();
    expect(after.user.username).toBe(before.username);
    expect(Number(after.credits.balance)).toBeCloseTo(before.credits);
  });

  it("3. cvm.vcpu -> cvm.resource.vcpu, cvm.memory -> cvm.resource.memory_in_gb, cvm.node?.region_identifier -> cvm.node_info?.region", async () => {
    const before = await createClient({ version: "2025-10-28" }).getAppCvms({ appId: APP });
    const after = await createClient().getAppCvms({ appId: APP });
    expect(after).toHaveLength(before.length);
    for (const cvm of after) {
      const old = before.find((item) => item.name === cvm.name)!;
      expect(cvm.resource.vcpu).toBe(old.vcpu);
      // Not the same unit: the legacy memory is in MB, memory_in_gb in GB.
      expect((cvm.resource.memory_in_gb ?? 0) * 1024).toBe(old.memory);
      expect(cvm.node_info?.region).toBe(old.node?.region_identifier);
    }
  });
});
