// The official reference's CVM query page (`cloud-js-sdk/cvm-query.mdx`): the
// CVM identifier forms, then each read: info, list, state, stats, network,
// containers, attestation, docker compose, compose file, pre-launch script,
// status batch, user config and the on-chain allowance check.
import {
  createBaseClient,
  createClient,
  getComposeHash,
  getCvmComposeFile,
  NotFoundError,
  RequestValidationError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  categoriesOf,
  composeOf,
  pathOf,
  recordingFetch,
  rejectionOf,
  SEED,
  useDocsMock,
} from "./docs.test-support";

const mock = useDocsMock();
const CVM = SEED.exampleCvm; // running, Phala KMS, on prod5
const cvmNamed = (name: string) => SEED.mainWorkspaceCvms.find((cvm) => cvm.name === name)!;
const STOPPED = cvmNamed("acme-web-3");
const ONCHAIN = cvmNamed("inference-1"); // running, Base KMS
const client = () => createClient();

describe("CVM identifiers: name, UUID, app id, instance id", () => {
  it("each documented form of `id` reaches the same CVM", async () => {
    const c = client();
    const forms = [
      CVM.name,
      CVM.vmUuid,
      CVM.vmUuid.replaceAll("-", ""),
      `instance_${CVM.instanceId}`,
      CVM.id,
    ];
    for (const id of forms) {
      const cvm = await c.getCvmInfo({ id });
      expect(cvm.name, id).toBe(CVM.name);
    }
    // An app id names the app's current CVM (its newest running one).
    for (const id of [CVM.appId, `0x${CVM.appId}`]) {
      const cvm = await c.getCvmInfo({ id });
      expect(cvm.app_id, id).toBe(CVM.appId);
      expect(cvm.status).toBe("running");
    }
    // UUIDs lose their dashes, app ids get the API's `app_` prefix.
    expect(mock.sent.map(pathOf)).toEqual([
      `/cvms/${CVM.name}`,
      `/cvms/${CVM.vmUuid.replaceAll("-", "")}`,
      `/cvms/${CVM.vmUuid.replaceAll("-", "")}`,
      `/cvms/instance_${CVM.instanceId}`,
      `/cvms/${CVM.id}`,
      `/cvms/app_${CVM.appId}`,
      `/cvms/app_${CVM.appId}`,
    ]);
  });

  it("or named by its kind: uuid, app_id, instance_id, name", async () => {
    const c = client();
    const reads = await Promise.all([
      c.getCvmState({ uuid: CVM.vmUuid }),
      c.getCvmState({ instance_id: CVM.instanceId }),
      c.getCvmState({ name: CVM.name }),
    ]);
    expect(reads.map((state) => state.name)).toEqual(Array(3).fill(CVM.name));
    const byApp = await c.getCvmInfo({ app_id: CVM.appId });
    expect(byApp.app_id).toBe(CVM.appId);
  });

  it("a bare 40-hex instance id in `id` is read as an app id (same form): 404", async () => {
    // The page's example is `instance-abc123`; the API's prefix is `instance_`.
    const error = await rejectionOf(client().getCvmInfo({ id: CVM.instanceId }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(pathOf(mock.sent[0])).toBe(`/cvms/app_${CVM.instanceId}`);
  });

  it("an unknown CVM: 404 with ERR-03-001, NotFoundError and the docs' ResourceError", async () => {
    const error = await rejectionOf(client().getCvmInfo({ id: "no-such-cvm" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
    expect((error as NotFoundError).errorCode).toBe("ERR-03-001");
    expect((error as NotFoundError).status).toBe(404);
  });

  it("two ids at once are refused before sending", async () => {
    const error = await rejectionOf(
      // @ts-expect-error exactly one id
      client().getCvmInfo({ id: CVM.name, uuid: CVM.vmUuid }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });
});

describe("getCvmInfo: GET /cvms/{cvmId}", () => {
  it("the CVM's details, name and status among them", async () => {
    const cvm = await client().getCvmInfo({ id: CVM.name });
    expect(cvm.name).toBe(CVM.name);
    expect(cvm.status).toBe("running");
    expect(cvm.app_id).toBe(CVM.appId);
    expect(cvm.vm_uuid).toBe(CVM.vmUuid);
    expect(JSON.stringify(cvm.compose_file)).toContain("nginx:1.27-alpine");
    expectTypeOf(cvm.name).toEqualTypeOf<string>();
  });
});

describe("getCvmList: GET /cvms/paginated", () => {
  it("page and page_size", async () => {
    const list = await client().getCvmList({ page: 2, page_size: 5 });
    expect(pathOf(mock.sent[0])).toBe("/cvms/paginated?page=2&page_size=5");
    expect(list).toMatchObject({ page: 2, page_size: 5, total: SEED.mainWorkspaceCvms.length });
    expect(list.items).toHaveLength(5);
    expect(list.pages).toBe(Math.ceil(SEED.mainWorkspaceCvms.length / 5));
  });

  it("node_id: the CVMs on that node", async () => {
    const list = await client().getCvmList({ node_id: SEED.nodes.prod9.nodeId, page_size: 100 });
    const expected = SEED.mainWorkspaceCvms.filter((cvm) => cvm.nodeId === SEED.nodes.prod9.id);
    expect(list.items.map((cvm) => cvm.name).sort()).toEqual(expected.map((c) => c.name).sort());
    expect(list.items.every((cvm) => cvm.node_info?.name === "prod9")).toBe(true);
  });

  it("user_id: the CVMs a user created (a usr_... id)", async () => {
    const c = client();
    const bobs = (await c.getCvmInfo({ id: "ci-runner-1" })).creator!.id!;
    const list = await c.getCvmList({ user_id: bobs, page_size: 100 });
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((cvm) => cvm.creator?.username === "bob")).toBe(true);
    const error = await rejectionOf(c.getCvmList({ user_id: "1002" }));
    expect(error).toBeInstanceOf(RequestValidationError);
  });
});

describe("getCvmState: GET /cvms/{cvmId}/state", () => {
  it("id, instance_id, name, status, uptime, boot_progress, boot_error", async () => {
    const state = await client().getCvmState({ id: CVM.name });
    expect(pathOf(mock.sent[0])).toBe(`/cvms/${CVM.name}/state`);
    expect(state).toMatchObject({
      instance_id: CVM.instanceId,
      name: CVM.name,
      status: "running",
      boot_progress: "done",
      boot_error: null,
    });
    // The API's `id` here is the VM UUID.
    expect(state.id).toBe(CVM.vmUuid);
    expect(state.uptime).toMatch(/\d+d/);
  });

  it("a stopped CVM", async () => {
    const state = await client().getCvmState({ id: STOPPED.name });
    expect(state.status).toBe("stopped");
  });
});

// Documented: `sysinfo.cpu_usage`. The API's SystemInfo has no CPU usage:
// `num_cpus`, memory, swap, `loadavg_*`, `disks`.
describe("getCvmStats: GET /cvms/{cvmId}/stats (differs: no cpu_usage)", () => {
  it("is_online, is_public, sysinfo, status, boot_progress", async () => {
    const stats = await client().getCvmStats({ id: CVM.name });
    expect(stats).toMatchObject({
      is_online: true,
      is_public: true,
      status: "running",
      boot_progress: "done",
    });
    const sysinfo = stats.sysinfo!;
    expect(sysinfo.num_cpus).toBe(1);
    expect(sysinfo.total_memory).toBe(2 * 1024 ** 3);
    expect(sysinfo.used_memory + sysinfo.free_memory).toBeLessThanOrEqual(sysinfo.total_memory);
    expect(typeof sysinfo.loadavg_one).toBe("number");
    expect(sysinfo.disks[0]?.mount_point).toBe("/");
    expect(sysinfo).not.toHaveProperty("cpu_usage");
  });

  it("a stopped CVM is not online and has no sysinfo", async () => {
    const stats = await client().getCvmStats({ id: STOPPED.name });
    expect(stats.is_online).toBe(false);
    expect(stats.sysinfo ?? null).toBeNull();
  });
});

describe("getCvmNetwork: GET /cvms/{cvmId}/network", () => {
  it("is_online, internal_ip, public_urls", async () => {
    const net = await client().getCvmNetwork({ id: CVM.name });
    expect(net.is_online).toBe(true);
    expect(net.internal_ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(net.public_urls).toEqual([
      {
        app: `https://${CVM.appId}-8080.dstack-pha-prod5.phala.network`,
        instance: `https://${CVM.instanceId}-8080.dstack-pha-prod5.phala.network`,
      },
    ]);
  });
});

describe("getCvmContainersStats: GET /cvms/{cvmId}/composition", () => {
  it("is_online, docker_compose_file, containers with id, names, image, state, status, log_endpoint", async () => {
    const stats = await client().getCvmContainersStats({ id: CVM.name });
    expect(pathOf(mock.sent[0])).toBe(`/cvms/${CVM.name}/composition`);
    expect(stats.is_online).toBe(true);
    expect(stats.docker_compose_file).toContain("services:");
    expect(stats.containers?.map((c) => c.names)).toEqual([
      ["/acme-web-web-1"],
      ["/acme-web-api-1"],
    ]);
    for (const container of stats.containers ?? []) {
      expect(container.id).toMatch(/^[0-9a-f]{64}$/);
      expect(container.state).toBe("running");
      expect(container.status).toMatch(/^Up /);
      expect(container.log_endpoint).toMatch(/^https:\/\/.*\/logs\//);
    }
    expect(stats.containers?.[0]?.image).toBe("nginx:1.27-alpine");
  });
});

describe("getCvmAttestation: GET /cvms/{cvmId}/attestation", () => {
  it("is_online, app_certificates, tcb_info with mrtd, rtmr0-3, event_log, app_compose", async () => {
    const att = await client().getCvmAttestation({ id: CVM.name });
    expect(att.is_online).toBe(true);
    expect(att.app_certificates?.[0]?.subject.common_name).toBe(`${CVM.appId}.dstack`);
    const tcb = att.tcb_info!;
    for (const register of [tcb.mrtd, tcb.rtmr0, tcb.rtmr1, tcb.rtmr2, tcb.rtmr3]) {
      expect(register).toMatch(/^[0-9a-f]{96}$/);
    }
    expect(tcb.event_log.length).toBeGreaterThan(0);
    expect(tcb.app_compose).toContain("nginx:1.27-alpine");
  });
});

// Documented path: `/docker-compose`; the API's is `/docker-compose.yml`.
describe("getCvmDockerCompose: GET /cvms/{cvmId}/docker-compose.yml", () => {
  it("the compose YAML as a string", async () => {
    const compose = await client().getCvmDockerCompose({ id: CVM.name });
    expectTypeOf(compose).toEqualTypeOf<string>();
    expect(pathOf(mock.sent[0])).toBe(`/cvms/${CVM.name}/docker-compose.yml`);
    expect(compose).toMatch(/^services:\n/);
    expect(compose).toContain("ghcr.io/acme-research/web-api:2.4.1");
  });
});

describe("getCvmComposeFile: GET /cvms/{cvmId}/compose_file", () => {
  it("the app compose with docker_compose_file", async () => {
    const compose = await client().getCvmComposeFile({ id: CVM.name });
    expect(compose.docker_compose_file).toBe(await client().getCvmDockerCompose({ id: CVM.name }));
    expect(compose.name).toBe(SEED.apps.web.name);
  });

  // Documented: a synchronous `getHash()`. Here it is a promise (Web Crypto).
  it("getHash() (differs: a promise) is the CVM's compose hash; toString() its canonical JSON", async () => {
    const c = client();
    // A CVM made here: the seeded ones carry placeholder hashes.
    const provision = await c.provisionCvm({
      name: "query-hash-check",
      compose_file: { docker_compose_file: composeOf("nginx:1.27-alpine"), allowed_envs: ["A"] },
    });
    await c.commitCvmProvision({
      app_id: provision.app_id!,
      compose_hash: provision.compose_hash,
    });
    const compose = await c.getCvmComposeFile({ id: "query-hash-check" });
    const hash = await compose.getHash();
    expect(hash).toBe(provision.compose_hash);
    expect(hash).toBe((await c.getCvmInfo({ id: "query-hash-check" })).compose_hash);
    expect(hash).toBe(await getComposeHash(compose));
    expect(compose.allowed_envs).toEqual(["A"]);
    const text = compose.toString();
    expect(JSON.parse(text)).toEqual({ ...compose });
    expect(text).not.toContain("\n  ");
    // The methods are not enumerable: a spread or JSON carries the compose alone.
    expect(Object.keys(compose)).not.toContain("getHash");
    await c.deleteCvm({ id: "query-hash-check" });
  });

  it("standalone too; not with schema: false", async () => {
    const base = createBaseClient();
    const compose = await getCvmComposeFile(base, { id: CVM.name });
    expect(typeof compose.getHash).toBe("function");
    const raw = (await getCvmComposeFile(base, { id: CVM.name }, { schema: false })) as object;
    expect("getHash" in raw).toBe(false);
  });
});

describe("getCvmPreLaunchScript: GET /cvms/{cvmId}/pre-launch-script", () => {
  it("the script as a string (empty when the CVM has none)", async () => {
    const script = await client().getCvmPreLaunchScript({ id: CVM.name });
    expectTypeOf(script).toEqualTypeOf<string>();
    expect(script).toBe("");
    expect(pathOf(mock.sent[0])).toBe(`/cvms/${CVM.name}/pre-launch-script`);
  });
});

// Documented: `GET /cvms/status/batch` with `{ ids }`, answering `statuses[]`
// with `s.id`. The API: `POST /status/batch` with `{ vm_uuids }`, answering an
// object keyed by VM UUID (as the official SDK's `{ vmUuids }`).
describe("getCvmStatusBatch (differs: vmUuids, an object by VM UUID)", () => {
  it("the status of each CVM asked for, keyed by VM UUID", async () => {
    const batch = await client().getCvmStatusBatch({
      vmUuids: [CVM.vmUuid, STOPPED.vmUuid],
    });
    const [request] = mock.sent;
    expect(request?.method).toBe("POST");
    expect(pathOf(request)).toBe("/status/batch");
    expect(Object.keys(batch).sort()).toEqual([CVM.vmUuid, STOPPED.vmUuid].sort());
    expect(batch[CVM.vmUuid]).toMatchObject({
      vm_uuid: CVM.vmUuid,
      status: "running",
      in_progress: false,
      operation_type: null,
      correlation_id: null,
    });
    expect(batch[STOPPED.vmUuid]?.status).toBe("stopped");
  });

  it("UUIDs the caller cannot see are absent", async () => {
    const batch = await client().getCvmStatusBatch({
      vmUuids: [CVM.vmUuid, SEED.otherWorkspaceCvms[0]!.vmUuid],
    });
    expect(Object.keys(batch)).toEqual([CVM.vmUuid]);
  });

  it("the documented { ids } is refused before sending", async () => {
    const error = await rejectionOf(
      // @ts-expect-error the documented argument
      client().getCvmStatusBatch({ ids: [CVM.id] }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(mock.sent).toHaveLength(0);
  });
});

// Documented path: `/user-config`; the API's is `/user_config`.
describe("getCvmUserConfig: GET /cvms/{cvmId}/user_config", () => {
  it("the user-level configuration", async () => {
    const config = await client().getCvmUserConfig({ id: CVM.name });
    expect(pathOf(mock.sent[0])).toBe(`/cvms/${CVM.name}/user_config`);
    expect(config).toMatchObject({ hostname: CVM.name, ssh_authorized_keys: [] });
  });
});

describe("checkCvmIsAllowed: POST /cvms/{cvmId}/is-allowed", () => {
  it("{ cvmId }: the CVM's own compose hash and device", async () => {
    const result = await client().checkCvmIsAllowed({ cvmId: ONCHAIN.name });
    expect(mock.sent[0]?.method).toBe("POST");
    expect(pathOf(mock.sent[0])).toBe(`/cvms/${ONCHAIN.name}/is-allowed`);
    expect(result).toMatchObject({
      app_contract_address: `0x${ONCHAIN.appId}`,
      compose_hash_allowed: true,
      allow_any_device: false,
      device_id_allowed: true,
      is_allowed: true,
      error: null,
    });
    expect(result.compose_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.device_id).toMatch(/^[0-9a-f]{64}$/);
    // Beside the documented fields: the CVM's id (0 in 2026-01-21).
    expect(result.cvm_id).toBe(0);
  });

  it("overrides: compose_hash, node_id, device_id", async () => {
    const recorder = recordingFetch();
    const c = createClient({ fetch: recorder.fetch });
    const other = await c.checkCvmIsAllowed({ cvmId: ONCHAIN.name, compose_hash: "ef".repeat(32) });
    expect(other).toMatchObject({ compose_hash: "ef".repeat(32), is_allowed: false });
    expect(other.compose_hash_allowed).toBe(false);
    const device = await c.checkCvmIsAllowed({ cvmId: ONCHAIN.name, device_id: "12".repeat(32) });
    expect(device).toMatchObject({ device_id: "12".repeat(32), device_id_allowed: false });
    const node = await c.checkCvmIsAllowed({ id: ONCHAIN.name, node_id: SEED.nodes.prod9.id });
    expect(node.device_id_allowed).toBe(true);
    expect(recorder.requests.map((r) => r.body)).toEqual([
      { compose_hash: "ef".repeat(32) },
      { device_id: "12".repeat(32) },
      { node_id: SEED.nodes.prod9.id },
    ]);
  });

  it("a Phala KMS CVM: not allowed, with the check's error", async () => {
    const result = await client().checkCvmIsAllowed({ cvmId: CVM.name });
    expect(result.is_allowed).toBe(false);
    expect(result.error).toMatch(/on-chain/);
  });
});
