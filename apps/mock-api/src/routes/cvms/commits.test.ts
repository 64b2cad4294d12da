import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { SEED } from "../../seed";
import { running, stopped, useOperationsMock } from "./operations.test-support";

const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
const TX = `0x${"ab".repeat(32)}`;
const NEW_YAML =
  'services:\n  web:\n    image: nginx:1.28-alpine\n    ports:\n      - "8080:8080"\n';

/** The `details` of a Phala error body as a field -> value map. */
const detailsOf = (body: any): Record<string, any> =>
  Object.fromEntries(body.detail.details.map((d: any) => [d.field, d.value]));

describe("GET /cvms/{cvm_id}/commit-update", () => {
  const mock = useOperationsMock(60_000);

  it("shows what a prepared update commits, by its token, until it is spent", async () => {
    const m = mock();
    const prepared = await m.send(
      "PATCH",
      `/cvms/${oracle.id}`,
      { docker_compose_file: NEW_YAML },
      { headers: { "X-Prepare-Only": "true" } },
    );
    expect(prepared.status).toBe(465);
    const { commit_token: token, compose_hash: hash } = detailsOf(prepared.body);
    const info = await m.send("GET", `/cvms/${oracle.id}/commit-update?token=${token}`);
    expect(info.status).toBe(200);
    expect(contractMismatches("GET /cvms/{cvm_id}/commit-update", info.body)).toEqual([]);
    expect(info.body).toMatchObject({
      cvm_id: oracle.id,
      app_id: `0x${oracle.appId}`,
      compose_hash: hash,
      onchain_status: { compose_hash_allowed: false, is_allowed: false },
    });

    const wrong = await m.send("GET", `/cvms/${oracle.id}/commit-update?token=ct_wrong`);
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail.error_code).toBe("ERR-01-006");
    const missing = await m.send("GET", `/cvms/${oracle.id}/commit-update`);
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0]).toMatchObject({ type: "missing", loc: ["query", "token"] });

    const commit = await m.send("POST", `/cvms/${oracle.id}/commit-update`, {
      token,
      compose_hash: hash,
      transaction_hash: TX,
    });
    expect(commit.status).toBe(202);
    expect((await m.send("GET", `/cvms/${oracle.id}/commit-update?token=${token}`)).status).toBe(
      409,
    );
  });
});

describe("POST /cvms/{cvm_id}/compose_file", () => {
  const mock = useOperationsMock(60_000);

  async function provisioned(m: ReturnType<typeof mock>, id: string) {
    const sent = await m.send("POST", `/cvms/${id}/compose_file/provision`, {
      docker_compose_file: NEW_YAML,
    });
    return sent.body.compose_hash as string;
  }

  it("applies a compose file submitted with its hash (202), recorded as an update", async () => {
    const m = mock();
    const hash = await provisioned(m, running.id);
    const sent = await m.send("POST", `/cvms/${running.id}/compose_file`, {
      compose_file: { name: "example", docker_compose_file: NEW_YAML },
      compose_hash: hash,
      env_keys: [],
    });
    expect(sent.status).toBe(202);
    expect(
      contractMismatches("POST /cvms/{cvm_id}/compose_file", sent.body, { status: 202 }),
    ).toEqual([]);
    expect(sent.body.correlation_id).toEqual(expect.any(String));
    expect(m.api.state.cvms.get(running.id)!.composeHash).toBe(hash);
    const ops = await m.send("GET", `/cvms/${running.id}/operations`);
    expect(ops.body.items[0]).toMatchObject({
      correlation_id: sent.body.correlation_id,
      operation_type: "update",
      compose_hash: hash,
    });
  });

  it("refuses a hash that is not the compose file's (400), a compose without a name (422)", async () => {
    const m = mock();
    const wrong = await m.send("POST", `/cvms/${running.id}/compose_file`, {
      compose_file: { name: "example", docker_compose_file: NEW_YAML },
      compose_hash: "ab".repeat(32),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail.error_code).toBe("ERR-01-006");
    const unnamed = await m.send("POST", `/cvms/${running.id}/compose_file`, {
      compose_file: { docker_compose_file: NEW_YAML },
      compose_hash: "ab".repeat(32),
    });
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.detail[0].loc).toEqual(["body", "compose_file", "name"]);
  });

  it("on-chain: 465 first, then applied with X-Compose-Hash and X-Transaction-Hash", async () => {
    const m = mock();
    const hash = await provisioned(m, oracle.id);
    const body = {
      compose_file: { name: "oracle", docker_compose_file: NEW_YAML },
      compose_hash: hash,
    };
    const first = await m.send("POST", `/cvms/${oracle.id}/compose_file`, body);
    expect(first.status).toBe(465);
    expect(
      contractMismatches("POST /cvms/{cvm_id}/compose_file", first.body, { status: 465 }),
    ).toEqual([]);
    expect(detailsOf(first.body).compose_hash).toBe(hash);
    const second = await m.send("POST", `/cvms/${oracle.id}/compose_file`, body, {
      headers: { "X-Compose-Hash": hash, "X-Transaction-Hash": TX },
    });
    expect(second.status).toBe(202);
  });
});

describe("POST /cvms/{cvm_id}/revisions/{revision_id}/redeploy", () => {
  const mock = useOperationsMock(60_000);

  async function createRevision(m: ReturnType<typeof mock>, appId: string) {
    const revisions = await m.send("GET", `/apps/${appId}/revisions`);
    return revisions.body.revisions.find((r: any) => r.operation_type === "create");
  }

  it("puts the revision's compose back and restarts a running CVM, recorded as a redeploy", async () => {
    const m = mock();
    // The seed's compose hashes predate the mock's hashing: compare the compose file.
    const original = m.api.state.cvms.get(running.id)!.composeFile;
    const revision = await createRevision(m, running.appId);
    await m.send("PATCH", `/cvms/${running.id}`, { docker_compose_file: NEW_YAML });
    expect(m.api.state.cvms.get(running.id)!.composeFile).not.toBe(original);

    const sent = await m.send(
      "POST",
      `/cvms/${running.id}/revisions/${revision.revision_id}/redeploy`,
    );
    expect(sent.status).toBe(202);
    expect(
      contractMismatches("POST /cvms/{cvm_id}/revisions/{revision_id}/redeploy", sent.body, {
        status: 202,
      }),
    ).toEqual([]);
    const model = m.api.state.cvms.get(running.id)!;
    expect(model.composeFile).toBe(original);
    expect((await m.send("GET", `/cvms/${running.id}`)).body.status).toBe("restarting");
    const ops = await m.send("GET", `/cvms/${running.id}/operations`);
    expect(ops.body.items[0]).toMatchObject({
      correlation_id: sent.body.correlation_id,
      operation_type: "redeploy",
      status: "in_progress",
      compose_hash: model.composeHash,
    });
    const revisions = await m.send("GET", `/apps/${running.appId}/revisions`);
    expect(revisions.body.revisions.some((r: any) => r.operation_type === "redeploy")).toBe(true);
    // Busy: a second redeploy waits for the first.
    const busy = await m.send(
      "POST",
      `/cvms/${running.id}/revisions/${revision.revision_id}/redeploy`,
    );
    expect(busy.status).toBe(409);
  });

  it("a stopped CVM takes it without moving; an unknown revision is 404", async () => {
    const m = mock();
    const revision = await createRevision(m, stopped.appId);
    const sent = await m.send(
      "POST",
      `/cvms/${stopped.id}/revisions/${revision.revision_id}/redeploy`,
    );
    expect(sent.status).toBe(202);
    expect((await m.send("GET", `/cvms/${stopped.id}`)).body.status).toBe("stopped");
    const unknown = await m.send("POST", `/cvms/${stopped.id}/revisions/rev_nothere/redeploy`);
    expect(unknown.status).toBe(404);
  });

  it("on-chain: 465 for an unregistered hash, then ?transaction_hash= applies it", async () => {
    const m = mock();
    const revision = await createRevision(m, oracle.appId);
    // Move the CVM off the revision's compose (registered with the proof), then back.
    const changed = await m.send("PATCH", `/cvms/${oracle.id}`, { docker_compose_file: NEW_YAML });
    const newHash = detailsOf(changed.body).compose_hash;
    await m.send("PATCH", `/cvms/${oracle.id}`, undefined, {
      headers: { "X-Compose-Hash": newHash, "X-Transaction-Hash": TX },
    });
    const path = `/cvms/${oracle.id}/revisions/${revision.revision_id}/redeploy`;
    const first = await m.send("POST", path);
    expect(first.status).toBe(465);
    expect(
      contractMismatches("POST /cvms/{cvm_id}/revisions/{revision_id}/redeploy", first.body, {
        status: 465,
      }),
    ).toEqual([]);
    const second = await m.send("POST", `${path}?transaction_hash=${TX}`);
    expect(second.status).toBe(202);
  });
});
