// The official reference's apps page (`cloud-js-sdk/apps.mdx`): the app list
// and its filters, one app, its CVMs, its revisions, the filter options, the
// app attestation, the device allowlist and the two on-chain allowance checks.
import {
  createBaseClient,
  createClient,
  getAppInfo,
  NotFoundError,
  RequestValidationError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
const WEB = SEED.apps.web; // Phala KMS, 3 CVMs
const INFERENCE = SEED.apps.inference; // on-chain (Base) KMS, 3 CVMs
const ORACLE = SEED.apps.oracle; // on-chain (Ethereum) KMS
const client = () => createClient();

const appIdsOf = (list: { dstack_apps: { app_id: string }[] }) =>
  list.dstack_apps.map((app) => app.app_id).sort();

describe("getAppList: GET /apps", () => {
  it("no parameters: every app of the workspace, paginated", async () => {
    const list = await client().getAppList();
    expect(pathOf(mock.sent[0])).toBe("/apps");
    expect(appIdsOf(list)).toEqual(
      [WEB, INFERENCE, ORACLE, SEED.apps.ci].map((a) => a.appId).sort(),
    );
    expect(list).toMatchObject({ page: 1, total: 4 });
    expect(list.total_pages).toBe(1);
  });

  it("page and page_size page the list", async () => {
    const first = await client().getAppList({ page: 1, page_size: 3 });
    const second = await client().getAppList({ page: 2, page_size: 3 });
    expect(first.dstack_apps).toHaveLength(3);
    expect(second.dstack_apps).toHaveLength(1);
    expect(second).toMatchObject({ page: 2, page_size: 3, total: 4, total_pages: 2 });
    expect(pathOf(mock.sent[1])).toBe("/apps?page=2&page_size=3");
  });

  it("page_size is at most 100: more is refused before sending", async () => {
    const error = await rejectionOf(client().getAppList({ page_size: 101 }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("search by name, status[] (a repeated key), listed", async () => {
    const byName = await client().getAppList({ search: "oracle" });
    expect(appIdsOf(byName)).toEqual([ORACLE.appId]);
    const starting = await client().getAppList({ status: ["starting"] });
    expect(appIdsOf(starting)).toEqual([INFERENCE.appId]);
    expect(new URL(mock.sent[1]!.url).searchParams.getAll("status")).toEqual(["starting"]);
    const either = await client().getAppList({ status: ["starting", "stopped"] });
    expect(new URL(mock.sent[2]!.url).searchParams.getAll("status")).toEqual([
      "starting",
      "stopped",
    ]);
    expect(appIdsOf(either)).toEqual([WEB, INFERENCE, SEED.apps.ci].map((a) => a.appId).sort());
    const listed = await client().getAppList({ listed: true });
    expect(appIdsOf(listed)).toEqual([WEB.appId, ORACLE.appId].sort());
    expect(pathOf(mock.sent[3])).toBe("/apps?listed=true");
  });

  it("base_image, instance_type, kms_slug, kms_type, node, region", async () => {
    const c = client();
    expect(appIdsOf(await c.getAppList({ base_image: "dstack-0.5.2" }))).toEqual([ORACLE.appId]);
    expect(appIdsOf(await c.getAppList({ instance_type: "h200.small" }))).toEqual([
      INFERENCE.appId,
    ]);
    expect(appIdsOf(await c.getAppList({ kms_slug: SEED.kms.ethereum.slug }))).toEqual([
      ORACLE.appId,
    ]);
    expect(appIdsOf(await c.getAppList({ kms_type: "base" }))).toEqual([INFERENCE.appId]);
    expect(appIdsOf(await c.getAppList({ node: "prod9", kms_type: "phala" }))).toEqual(
      [WEB.appId, SEED.apps.ci.appId].sort(),
    );
    const inAsia = await c.getAppList({ region: "ap-southeast-1", search: "web" });
    expect(appIdsOf(inAsia)).toEqual([WEB.appId]);
    expect(mock.sent.map(pathOf)).toEqual([
      "/apps?base_image=dstack-0.5.2",
      "/apps?instance_type=h200.small",
      `/apps?kms_slug=${SEED.kms.ethereum.slug}`,
      "/apps?kms_type=base",
      "/apps?node=prod9&kms_type=phala",
      "/apps?region=ap-southeast-1&search=web",
    ]);
  });

  it("the page's example: page 1, 20 per page, running apps", async () => {
    const apps = await client().getAppList({ page: 1, page_size: 20, status: ["running"] });
    expect(apps.page_size).toBe(20);
    for (const app of apps.dstack_apps) {
      expect(app.cvms?.some((cvm) => cvm.status === "running")).toBe(true);
    }
  });
});

// Documented: `{ app_id }` for getAppInfo, getAppCvms and getAppRevisions and
// `{ app_id, revision_id }` for the detail. This SDK (as the official SDK's
// code) takes `appId` and `revisionId`.
describe("getAppInfo: GET /apps/{app_id} (differs: appId)", () => {
  it("{ appId } returns the app with its CVMs", async () => {
    const app = await client().getAppInfo({ appId: WEB.appId });
    expect(pathOf(mock.sent[0])).toBe(`/apps/${WEB.appId}`);
    expect(app.app_id).toBe(WEB.appId);
    expect(app.name).toBe(WEB.name);
    expect(app.kms_type).toBe("phala");
    expect(app.cvms?.map((cvm) => cvm.app_id)).toEqual([WEB.appId, WEB.appId, WEB.appId]);
    expect(app.current_cvm?.status).toBe("running");
  });

  it("0x and app_ prefixes are taken off", async () => {
    await client().getAppInfo({ appId: `0x${WEB.appId}` });
    await getAppInfo(createBaseClient(), { appId: `app_${WEB.appId}` });
    expect(mock.sent.map(pathOf)).toEqual([`/apps/${WEB.appId}`, `/apps/${WEB.appId}`]);
  });

  it("the documented { app_id } is refused before sending", async () => {
    const error = await rejectionOf(
      // @ts-expect-error the documented snake_case argument
      client().getAppInfo({ app_id: WEB.appId }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]?.path).toBe("appId");
    expect(mock.sent).toHaveLength(0);
  });

  it("an unknown app: 404, NotFoundError and the docs' BusinessError", async () => {
    const error = await rejectionOf(client().getAppInfo({ appId: "f".repeat(40) }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
    const result = await client().safeGetAppInfo({ appId: "f".repeat(40) });
    expect(result.error).toBeInstanceOf(NotFoundError);
  });
});

describe("getAppCvms: GET /apps/{app_id}/cvms (differs: appId)", () => {
  it("an array of the app's CVMs", async () => {
    const cvms = await client().getAppCvms({ appId: INFERENCE.appId });
    expect(pathOf(mock.sent[0])).toBe(`/apps/${INFERENCE.appId}/cvms`);
    expect(Array.isArray(cvms)).toBe(true);
    expect(cvms.map((cvm) => cvm.name).sort()).toEqual([
      "inference-1",
      "inference-2",
      "inference-3",
    ]);
    expect(cvms.every((cvm) => cvm.kms_type === "base")).toBe(true);
  });
});

// Documented: "Array of app revisions". The API pages them.
describe("getAppRevisions: GET /apps/{app_id}/revisions (differs: appId, a page object)", () => {
  it("{ revisions, total, page, page_size, total_pages }, newest first", async () => {
    const page = await client().getAppRevisions({ appId: WEB.appId });
    expect(page).toMatchObject({ total: 3, page: 1, total_pages: 1 });
    expect(page.revisions).toHaveLength(3);
    const [newest, , oldest] = page.revisions;
    expect(newest!.created_at > oldest!.created_at).toBe(true);
    for (const revision of page.revisions) {
      expect(revision.revision_id).toMatch(/^rev_/);
      expect(revision.app_id).toBe(WEB.appId);
      expect(revision.compose_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(revision.operation_type).toBe("create");
    }
  });

  it("page and page_size (up to 1000)", async () => {
    const page = await client().getAppRevisions({ appId: WEB.appId, page: 2, page_size: 2 });
    expect(page).toMatchObject({ page: 2, page_size: 2, total: 3, total_pages: 2 });
    expect(page.revisions).toHaveLength(1);
    expect(pathOf(mock.sent[0])).toBe(`/apps/${WEB.appId}/revisions?page=2&page_size=2`);
  });
});

describe("getAppRevisionDetail: GET /apps/{app_id}/revisions/{revision_id} (differs: appId, revisionId)", () => {
  it("one revision with its compose file and configuration", async () => {
    const c = client();
    const [revision] = (await c.getAppRevisions({ appId: ORACLE.appId })).revisions;
    const detail = await c.getAppRevisionDetail({
      appId: ORACLE.appId,
      revisionId: revision!.revision_id,
    });
    expect(pathOf(mock.sent[1])).toBe(`/apps/${ORACLE.appId}/revisions/${revision!.revision_id}`);
    expect(detail.revision_id).toBe(revision!.revision_id);
    expect(detail.compose_hash).toBe(revision!.compose_hash);
    expect(detail.compose_file).toMatchObject({
      docker_compose_file: expect.stringContaining("price-oracle"),
    });
    expect(detail).toHaveProperty("encrypted_env");
    expect(detail).toHaveProperty("user_config");
  });

  it("rawComposeFile: the compose file as its JSON text", async () => {
    const c = client();
    const [revision] = (await c.getAppRevisions({ appId: ORACLE.appId })).revisions;
    const detail = await c.getAppRevisionDetail({
      appId: ORACLE.appId,
      revisionId: revision!.revision_id,
      rawComposeFile: true,
    });
    expect(typeof detail.compose_file).toBe("string");
    expect(JSON.parse(detail.compose_file as string)).toHaveProperty("docker_compose_file");
    expect(new URL(mock.sent[1]!.url).searchParams.get("raw_compose_file")).toBe("true");
  });

  it("the documented { app_id, revision_id } is refused before sending", async () => {
    const error = await rejectionOf(
      // @ts-expect-error the documented snake_case arguments
      client().getAppRevisionDetail({ app_id: WEB.appId, revision_id: "rev_0" }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("an unknown revision: 404", async () => {
    const error = await rejectionOf(
      client().getAppRevisionDetail({ appId: WEB.appId, revisionId: "rev_0000000000000000" }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
  });
});

describe("getAppFilterOptions: GET /apps/filter-options", () => {
  it("the values of each filter: statuses, regions, instance types, KMS slugs and types, nodes", async () => {
    const filters = await client().getAppFilterOptions();
    expect(pathOf(mock.sent[0])).toBe("/apps/filter-options");
    expect(filters.statuses).toEqual(["running", "starting", "stopped"]);
    expect(filters.regions).toEqual(["ap-southeast-1", "us-east-1", "us-west-1"]);
    expect(filters.instance_types).toContain("tdx.small");
    expect(filters.kms_slugs).toEqual(
      [SEED.kms.base.slug, SEED.kms.ethereum.slug, SEED.kms.phala.slug].sort(),
    );
    expect(filters.kms_types).toEqual(["base", "ethereum", "phala"]);
    expect(filters.nodes).toEqual(["prod5", "prod7", "prod9"]);
    expect(filters.image_versions).toContain("dstack-0.5.2");
  });

  it("each value filters getAppList", async () => {
    const c = client();
    const { regions } = await c.getAppFilterOptions();
    for (const region of regions) {
      expect((await c.getAppList({ region })).total).toBeGreaterThan(0);
    }
  });
});

describe("getAppAttestation: GET /apps/{appId}/attestations", () => {
  it("app_id, contract_address, kms_info and one entry per instance", async () => {
    const att = await client().getAppAttestation({ appId: `0x${INFERENCE.appId}` });
    expect(pathOf(mock.sent[0])).toBe(`/apps/${INFERENCE.appId}/attestations`);
    expect(att.app_id).toBe(INFERENCE.appId);
    expect(att.contract_address).toBe(`0x${INFERENCE.appId}`);
    expect(att.kms_info).toMatchObject({
      chain_id: 8453,
      url: "https://kms-base.phala.network",
      contract_address: expect.stringMatching(/^0x[0-9a-f]{40}$/),
    });
    expect(att.instances.map((inst) => inst.name).sort()).toEqual([
      "inference-1",
      "inference-2",
      "inference-3",
    ]);
    const running = att.instances.find((inst) => inst.status === "running")!;
    expect(running.vm_uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(running.tcb_info?.app_compose).toContain("vllm");
    expect(running.tcb_info?.mrtd).toMatch(/^[0-9a-f]{96}$/);
    expect(Array.isArray(running.app_certificates)).toBe(true);
    expect(running.compose_file).not.toBeNull();
    const starting = att.instances.find((inst) => inst.status === "starting")!;
    expect(starting.tcb_info ?? null).toBeNull();
    for (const key of ["kms_guest_agent_info", "gateway_guest_agent_info", "qemu_version"]) {
      expect(att).toHaveProperty(key);
    }
  });
});

describe("getAppDeviceAllowlist: GET /apps/{appId}/device-allowlist", () => {
  it("on-chain KMS: the contract's flags and each device with its CVMs", async () => {
    const allowlist = await client().getAppDeviceAllowlist({ appId: INFERENCE.appId });
    expect(allowlist).toMatchObject({
      is_onchain_kms: true,
      allow_any_device: false,
      chain_id: 8453,
      app_contract_address: `0x${INFERENCE.appId}`,
    });
    expect(allowlist.devices.map((d) => d.node_name).sort()).toEqual(["prod5", "prod7", "prod9"]);
    for (const device of allowlist.devices) {
      expect(device.device_id).toMatch(/^[0-9a-f]{64}$/);
      expect(device.allowed_onchain).toBe(true);
      expect(device.status).toBe("allowed");
      // 2026-01-21 sends 0 for each hidden table id; `cvm_...` strings from 2026-05-22.
      expect(device.cvm_ids).toEqual([0]);
    }
    const hashids = await client()
      .withVersion("2026-05-22")
      .getAppDeviceAllowlist({ appId: INFERENCE.appId });
    expect(hashids.devices.flatMap((d) => d.cvm_ids).every((id) => /^cvm_/.test(String(id)))).toBe(
      true,
    );
  });

  it("Phala KMS: is_onchain_kms false and no devices", async () => {
    const allowlist = await client().getAppDeviceAllowlist({ appId: WEB.appId });
    expect(allowlist).toEqual({
      is_onchain_kms: false,
      allow_any_device: null,
      chain_id: null,
      app_contract_address: null,
      devices: [],
    });
  });
});

describe("checkAppIsAllowed: POST /apps/{appId}/is-allowed", () => {
  it("a compose hash the contract allows, on a device given by node_id", async () => {
    const c = client();
    const [cvm] = await c.getAppCvms({ appId: INFERENCE.appId });
    const result = await c.checkAppIsAllowed({
      appId: INFERENCE.appId,
      compose_hash: cvm!.compose_hash!,
      // The mock resolves node_id among the teepod ids.
      node_id: SEED.nodes.prod7.id,
      chain_id: 8453,
    });
    expect(mock.sent[1]?.method).toBe("POST");
    expect(pathOf(mock.sent[1])).toBe(`/apps/${INFERENCE.appId}/is-allowed`);
    expect(result).toMatchObject({
      app_contract_address: `0x${INFERENCE.appId}`,
      compose_hash: cvm!.compose_hash,
      compose_hash_allowed: true,
      allow_any_device: false,
      device_id_allowed: true,
      is_allowed: true,
      error: null,
    });
    expect(result.device_id).toMatch(/^[0-9a-f]{64}$/);
    expectTypeOf(result.is_allowed).toEqualTypeOf<boolean>();
  });

  it("a hash the contract does not know, on a device given by device_id", async () => {
    const result = await client().checkAppIsAllowed({
      appId: `0x${INFERENCE.appId}`,
      compose_hash: "ab".repeat(32),
      device_id: "cd".repeat(32),
    });
    expect(result.compose_hash_allowed).toBe(false);
    expect(result.device_id_allowed).toBe(false);
    expect(result.is_allowed).toBe(false);
    expect(result.device_id).toBe("cd".repeat(32));
  });

  it("compose_hash is required", async () => {
    const error = await rejectionOf(
      // @ts-expect-error compose_hash left out
      client().checkAppIsAllowed({ appId: INFERENCE.appId }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });

  it("an app whose KMS is not on-chain: not allowed, with the documented error message", async () => {
    const result = await client().checkAppIsAllowed({
      appId: WEB.appId,
      compose_hash: "ab".repeat(32),
    });
    expect(result.is_allowed).toBe(false);
    expect(result.error).toMatch(/on-chain/);
    expectTypeOf<string>().toExtend<typeof result.error>();
  });
});

describe("checkAppCvmsIsAllowed: POST /apps/{appId}/cvms/is-allowed", () => {
  it("on-chain: one result per checked CVM, counts and the skipped CVMs", async () => {
    const batch = await client().checkAppCvmsIsAllowed({ appId: INFERENCE.appId });
    expect(mock.sent[0]?.method).toBe("POST");
    expect(pathOf(mock.sent[0])).toBe(`/apps/${INFERENCE.appId}/cvms/is-allowed`);
    expect(batch).toMatchObject({
      is_onchain: true,
      total: 3,
      allowed_count: 2,
      denied_count: 0,
      error_count: 0,
    });
    expect(batch.results).toHaveLength(2);
    for (const result of batch.results) {
      expect(result.is_allowed).toBe(true);
      expect(result.compose_hash_allowed).toBe(true);
      expect(result.cvm_id).toBe(0);
    }
    // The CVM without an instance yet ("starting") is skipped.
    expect(batch.skipped_cvm_ids).toEqual([0]);
    const later = await client()
      .withVersion("2026-05-22")
      .checkAppCvmsIsAllowed({ appId: INFERENCE.appId });
    const starting = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "inference-3")!;
    expect(later.skipped_cvm_ids).toEqual([starting.id]);
  });

  it("Phala KMS: is_onchain false, no results", async () => {
    const batch = await client().checkAppCvmsIsAllowed({ appId: WEB.appId });
    expect(batch.is_onchain).toBe(false);
    expect(batch.results).toEqual([]);
  });
});
