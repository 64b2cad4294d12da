// The official reference's CVM lifecycle page (`cloud-js-sdk/cvm-lifecycle.mdx`):
// start, stop, shutdown, restart, delete, each answering the VM record, and
// replicateCvm. Status changes last 50 ms in this mock; a stream second 4 ms.
import {
  ConflictError,
  createClient,
  NotFoundError,
  RequestValidationError,
  ServiceUnavailableError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  categoriesOf,
  pathOf,
  recordingFetch,
  rejectionOf,
  SEED,
  useDocsMock,
} from "./docs.test-support";

const mock = useDocsMock({ transitionMs: 50, streamSecondMs: 4 });
const seeded = (name: string) => SEED.mainWorkspaceCvms.find((cvm) => cvm.name === name)!;
// The API's bounds (5-30 s, 10-600 s); a stream second lasts 4 ms here.
const WATCH = { interval: 5, timeout: 600 } as const;
const client = () => createClient();

async function settle(id: string, target: "running" | "stopped") {
  const state = await client().watchCvmState({ id, target, ...WATCH });
  expect(state.status).toBe(target);
}

describe("startCvm: POST /cvms/{cvmId}/start", () => {
  it("starts a stopped CVM; the VM record says starting, then it runs", async () => {
    const result = await client().startCvm({ id: "acme-web-3" });
    expect(mock.sent[0]?.method).toBe("POST");
    expect(pathOf(mock.sent[0])).toBe("/cvms/acme-web-3/start");
    expect(result.status).toBe("starting");
    expect(result.name).toBe("acme-web-3");
    expect(result.app_id).toBe(SEED.apps.web.appId);
    expect(result.vm_uuid).toBe(seeded("acme-web-3").vmUuid);
    await settle("acme-web-3", "running");
  });
});

describe("stopCvm: POST /cvms/{cvmId}/stop", () => {
  it("force-stops a running CVM", async () => {
    const result = await client().stopCvm({ id: "ci-runner-2" });
    expect(pathOf(mock.sent[0])).toBe("/cvms/ci-runner-2/stop");
    expect(result.status).toBe("stopping");
    await settle("ci-runner-2", "stopped");
  });
});

describe("shutdownCvm: POST /cvms/{cvmId}/shutdown", () => {
  it("shuts a running CVM down gracefully", async () => {
    const result = await client().shutdownCvm({ id: "oracle-ap" });
    expect(pathOf(mock.sent[0])).toBe("/cvms/oracle-ap/shutdown");
    expect(result.status).toBe("stopping");
    await settle("oracle-ap", "stopped");
  });

  it("only a running CVM can be shut down: 409 ERR-02-008", async () => {
    const error = await rejectionOf(client().shutdownCvm({ id: "ci-runner-1" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).errorCode).toBe("ERR-02-008");
    expect((error as ConflictError).operationInProgress).toBe(false);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });
});

describe("restartCvm: POST /cvms/{cvmId}/restart", () => {
  it("{ id, force: true } sends force; the CVM restarts and runs again", async () => {
    const recorder = recordingFetch();
    const result = await createClient({ fetch: recorder.fetch }).restartCvm({
      id: "oracle-us-east",
      force: true,
    });
    expect(recorder.requests[0]?.body).toEqual({ force: true });
    expect(result.status).toBe("restarting");
    await settle("oracle-us-east", "running");
  });

  it("force defaults to false", async () => {
    const recorder = recordingFetch();
    await createClient({ fetch: recorder.fetch }).restartCvm({ id: "oracle-us-west" });
    expect(recorder.requests[0]?.body).toEqual({ force: false });
    await settle("oracle-us-west", "running");
  });

  it("another operation under way: 409 without a code (ConflictError, operationInProgress)", async () => {
    const c = createClient({ maxRetries: 0 });
    // Long enough that the second call always meets the first one's restart.
    mock.api.state.settings.transitionMs = 60_000;
    try {
      await c.restartCvm({ id: "inference-2" });
    } finally {
      mock.api.state.settings.transitionMs = 50;
    }
    const error = await rejectionOf(c.restartCvm({ id: "inference-2" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).operationInProgress).toBe(true);
    expect((error as ConflictError).errorCode).toBeUndefined();
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
  });

  it("its node under maintenance: 503, ServiceUnavailableError and the docs' ServerError", async () => {
    const node = mock.api.state.nodes.get(SEED.nodes.prod7.id)!;
    node.status = "MAINTENANCE";
    try {
      const result = await client().safeRestartCvm({ id: "acme-web-2" });
      expect(result.success).toBe(false);
      expect(result.error).toBeInstanceOf(ServiceUnavailableError);
      expect(result.error?.status).toBe(503);
      expect(categoriesOf(result.error)).toEqual(["RequestError", "ServerError"]);
    } finally {
      node.status = "ONLINE";
    }
  });
});

// Documented: "VMSchema" with a numeric `id`. A number in 2025-10-28 (the
// table id), 0 in 2026-01-21 (ids hidden), the `cvm_...` hashid from 2026-05-22.
describe("the VM record these calls return", () => {
  it("id per version; name, status, app_id, vm_uuid, instance_id", async () => {
    const c = client();
    const current = await c.stopCvm({ id: "acme-web-3" });
    expect(current.id).toBe(0);
    expectTypeOf(current.id).toEqualTypeOf<number>();
    await settle("acme-web-3", "stopped");

    const hashid = await c.withVersion("2026-05-22").startCvm({ id: "acme-web-3" });
    expect(hashid.id).toBe(seeded("acme-web-3").id);
    expectTypeOf(hashid.id).toEqualTypeOf<string>();
    await settle("acme-web-3", "running");

    const legacy = await c.withVersion("2025-10-28").stopCvm({ id: "acme-web-3" });
    expect(typeof legacy.id).toBe("number");
    expect(legacy.id).toBeGreaterThan(0);
    expect(legacy).toMatchObject({
      name: "acme-web-3",
      app_id: SEED.apps.web.appId,
      vm_uuid: seeded("acme-web-3").vmUuid,
      instance_id: seeded("acme-web-3").instanceId,
    });
    await settle("acme-web-3", "stopped");
  });
});

describe("deleteCvm: DELETE /cvms/{cvmId}", () => {
  it("resolves undefined (HTTP 204); the CVM is then gone", async () => {
    const c = client();
    const result = await c.deleteCvm({ id: "ci-runner-3" });
    expectTypeOf(result).toEqualTypeOf<undefined>();
    expect(result).toBeUndefined();
    expect(mock.sent[0]?.method).toBe("DELETE");
    expect(pathOf(mock.sent[0])).toBe("/cvms/ci-runner-3");
    const error = await rejectionOf(c.getCvmInfo({ id: "ci-runner-3" }));
    expect(error).toBeInstanceOf(NotFoundError);
    const list = await c.getCvmList({ page_size: 100 });
    expect(list.items.map((cvm) => cvm.name)).not.toContain("ci-runner-3");
  });

  it("a CVM that does not exist: 404 (NotFoundError, ResourceError)", async () => {
    const result = await client().safeDeleteCvm({ id: "ci-runner-3" });
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(categoriesOf(result.error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });
});

// Documented: `POST /cvms/{cvmId}/replicate` with `name` and `image`. The API's
// operation is `POST /cvms/{id}/replicas` with `node_id`/`teepod_id`,
// `encrypted_env`, `compose_hash`; it names the replica itself.
describe("replicateCvm (differs: POST /cvms/{id}/replicas, no name or image)", () => {
  it("{ id, node_id }: a new VM of the same app on that node", async () => {
    const recorder = recordingFetch();
    const c = createClient({ fetch: recorder.fetch });
    const replica = await c.replicateCvm({ id: "acme-web-2", node_id: SEED.nodes.prod9.id });
    expect(recorder.requests[0]?.method).toBe("POST");
    expect(new URL(recorder.requests[0]!.url).pathname).toBe("/api/v1/cvms/acme-web-2/replicas");
    expect(recorder.requests[0]?.body).toEqual({ node_id: SEED.nodes.prod9.id });
    if (!("vm_uuid" in replica)) throw new Error("expected the VM record");
    expect(replica.status).toBe("starting");
    expect(replica.app_id).toBe(SEED.apps.web.appId);
    expect(replica.vm_uuid).not.toBe(seeded("acme-web-2").vmUuid);
    const cvms = await c.getAppCvms({ appId: SEED.apps.web.appId });
    expect(cvms.map((cvm) => cvm.vm_uuid)).toContain(replica.vm_uuid);
  });

  it("the documented { id, name } is refused: name is one of the CVM's ids", async () => {
    const error = await rejectionOf(
      // @ts-expect-error the documented replica name
      client().replicateCvm({ id: "acme-web-2", name: "acme-web-copy" }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).message).toMatch(/exactly one of/);
    expect(mock.sent).toHaveLength(0);
  });

  it("the documented image is refused as unknown", async () => {
    const error = await rejectionOf(
      // @ts-expect-error the documented OS image override
      client().replicateCvm({ id: "acme-web-2", image: "dstack-0.5.3" }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual(["image"]);
    expect(mock.sent).toHaveLength(0);
  });
});
