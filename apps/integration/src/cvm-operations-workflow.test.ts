import {
  BadRequestError,
  ConflictError,
  cancelCvmOperation,
  createClient,
  getAppRevisions,
  getCvmDockerCompose,
  getCvmInfo,
  getCvmList,
  getCvmOperationStatus,
  listCvmOperations,
  listCvms,
  NotFoundError,
  paginate,
  redeployCvmRevision,
  renameCvm,
  restartCvm,
  scheduleCvmDelete,
  stopCvmsBatch,
  updateCvmListed,
  updateDockerCompose,
} from "@phala/cloud";
import { SEED, startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractCheck } from "./harness";

// The CVM operations of issue 14 as one user would chain them, against two mocks
// whose answers are all checked against the API contract: one where moves take
// 300 ms (waited for by polling, so a loaded machine only makes it slower), and
// one where they take a minute (so an operation is still running when the test
// cancels it, whatever the load).
const fastContract = contractCheck();
const slowContract = contractCheck();
let fast: Awaited<ReturnType<typeof startMockApi>>;
let slow: Awaited<ReturnType<typeof startMockApi>>;
beforeAll(async () => {
  fast = await startMockApi({ transitionMs: 300, onResponse: fastContract.onResponse });
  slow = await startMockApi({ transitionMs: 60_000, onResponse: slowContract.onResponse });
});
afterAll(async () => {
  await Promise.all([fast.close(), slow.close()]);
  fastContract.verify("cvm-operations-workflow");
  slowContract.verify("cvm-operations-workflow-slow");
});

const web = SEED.exampleCvm;
const gpu = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "inference-1")!;
const compose = (image: string) =>
  `services:\n  web:\n    image: ${image}\n    ports:\n      - "8080:80"\n`;

/** Polls `read` until `done` holds (every 100 ms, 30 s at most). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("CVM operations: rename, list, redeploy, batch stop, scheduled delete", () => {
  it("runs through them, each read back as the API reports it", { timeout: 120_000 }, async () => {
    const client = createClient({ apiKey: "k", baseURL: fast.url });

    // Renamed; names stay unique in the workspace.
    await expect(renameCvm(client, { id: web.id, name: "web-renamed" })).resolves.toBeUndefined();
    expect((await getCvmInfo(client, { id: web.id })).name).toBe("web-renamed");
    await expect(renameCvm(client, { id: gpu.id, name: "web-renamed" })).rejects.toBeInstanceOf(
      BadRequestError,
    );

    // Unlisted, then listed again: every list reads it back.
    const listedIn = async () => {
      const all = await listCvms(client);
      const page = await getCvmList(client, { page_size: 100 });
      return [
        all.find((cvm) => cvm.id === web.id)?.listed,
        page.items.find((cvm) => cvm.id === web.id)?.listed,
      ];
    };
    const unlisted = await updateCvmListed(client, { id: web.id, listed: false });
    expect(unlisted.name).toBe("web-renamed");
    expect(await listedIn()).toEqual([false, false]);
    await updateCvmListed(client, { id: web.id, listed: true });
    expect(await listedIn()).toEqual([true, true]);

    // A revision redeployed: its compose file is back, the CVM restarted with it.
    const original = await getCvmDockerCompose(client, { id: web.id });
    const { revisions } = await getAppRevisions(client, { appId: web.appId });
    const created = revisions.find((revision) => revision.operation_type === "create")!;
    await updateDockerCompose(client, {
      id: web.id,
      docker_compose_file: compose("nginx:1.29-alpine"),
    });
    expect(await getCvmDockerCompose(client, { id: web.id })).not.toBe(original);
    const redeploy = await redeployCvmRevision(client, {
      id: web.id,
      revision_id: created.revision_id,
    });
    expect(redeploy).toMatchObject({ status: "accepted", correlation_id: expect.any(String) });
    expect(await getCvmDockerCompose(client, { id: web.id })).toBe(original);
    const [redeployed] = (
      await listCvmOperations(client, { id: web.id, operation_types: ["redeploy"] })
    ).items;
    expect(redeployed).toMatchObject({
      correlation_id: redeploy.status === "accepted" ? redeploy.correlation_id : null,
      target_state: "running",
    });
    await until(
      () => getCvmInfo(client, { id: web.id }),
      (cvm) => cvm.status === "running",
    );

    // Two running CVMs stopped in one batch: through stopping to stopped.
    const batch = await stopCvmsBatch(client, { cvm_ids: [web.id, gpu.id] });
    expect(batch).toMatchObject({ total: 2, stopped: 2, skipped: 0 });
    for (const id of [web.id, gpu.id]) {
      const stoppedCvm = await until(
        () => getCvmInfo(client, { id }),
        (cvm) => cvm.status === "stopped",
      );
      expect(stoppedCvm.status).toBe("stopped");
      const [stop] = (await listCvmOperations(client, { id, operation_types: ["stop"] })).items;
      expect(stop).toMatchObject({ status: "completed", target_state: "stopped" });
      expect(stop!.events.map((event) => event.state)).toEqual(["stopping", "stopped"]);
    }
    expect(await stopCvmsBatch(client, { cvm_ids: [web.id] })).toMatchObject({ skipped: 1 });

    // A delete scheduled a few seconds ahead: shown until due, then the CVM is gone.
    const at = new Date(Date.now() + 3000);
    await scheduleCvmDelete(client, { id: gpu.id, scheduled_delete_at: at });
    const detail = await getCvmInfo(client.withVersion("2025-10-28"), { id: gpu.id });
    expect(detail.scheduled_delete_at).toBe(at.toISOString());
    expect((await listCvms(client)).some((cvm) => cvm.id === gpu.id)).toBe(true);
    const after = await until(
      () => listCvms(client),
      (cvms) => !cvms.some((cvm) => cvm.id === gpu.id),
    );
    expect(after.some((cvm) => cvm.id === gpu.id)).toBe(false);
    expect(after.some((cvm) => cvm.id === web.id)).toBe(true);
    await expect(getCvmInfo(client, { id: gpu.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("CVM operations: listed with paginate, and cancelled", () => {
  it("pages the operations by cursor, then cancels the running one", async () => {
    const client = createClient({ apiKey: "k", baseURL: slow.url });
    await updateDockerCompose(client, { id: web.id, docker_compose_file: compose("nginx:1.28") });
    await updateDockerCompose(client, { id: web.id, docker_compose_file: compose("nginx:1.29") });
    const restart = await restartCvm(client, { id: web.id, force: false });
    expect(restart.status).toBe("restarting");

    // One operation per page: three pages, newest first.
    const pages = paginate(listCvmOperations, client, { id: web.id, limit: 1 });
    let pageCount = 0;
    for await (const page of pages.pages()) {
      pageCount++;
      expect(page.items).toHaveLength(1);
      expect(page.total).toBe(3);
    }
    expect(pageCount).toBe(3);
    const operations: { type: string; status: string; id: string }[] = [];
    for await (const operation of paginate(listCvmOperations, client, { id: web.id, limit: 1 })) {
      operations.push({
        type: operation.operation_type,
        status: operation.status,
        id: operation.correlation_id,
      });
    }
    expect(operations.map(({ type, status }) => [type, status])).toEqual([
      ["restart", "in_progress"],
      ["update", "completed"],
      ["update", "completed"],
    ]);
    expect(await getCvmOperationStatus(client, { id: web.id })).toMatchObject({
      in_progress: true,
      operation_type: "restart",
    });

    const cancelled = await cancelCvmOperation(client, { id: web.id });
    expect(cancelled).toEqual({ cancelled: true, correlation_id: operations[0]!.id });
    const [restartOp] = (
      await listCvmOperations(client, { id: web.id, operation_types: ["restart"] })
    ).items;
    expect(restartOp).toMatchObject({ status: "cancelled", correlation_id: operations[0]!.id });
    expect(await getCvmOperationStatus(client, { id: web.id })).toMatchObject({
      in_progress: false,
    });
    const cvm = await getCvmInfo(client, { id: web.id });
    expect(cvm).toMatchObject({ status: "running", in_progress: false, progress: null });
    await expect(cancelCvmOperation(client, { id: web.id })).rejects.toBeInstanceOf(ConflictError);
  });
});
