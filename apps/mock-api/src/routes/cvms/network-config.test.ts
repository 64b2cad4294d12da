import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { SEED } from "../../seed";
import {
  afterTransition,
  api,
  expect422,
  expectInProgress,
  running,
  send,
  stopped,
  useLifecycleMock,
} from "./lifecycle.test-support";

useLifecycleMock();

const path = (id: string) => `/cvms/${id}/network-config`;

describe("GET /cvms/{id}/network-config", () => {
  it("answers the app's KMS, the node's gateway and no ports at first", async () => {
    const read = await send("GET", path(running.id));
    expect(read.status).toBe(200);
    expect(contractMismatches("GET /cvms/{cvm_id}/network-config", read.body)).toEqual([]);
    expect(read.body).toEqual({
      kms_urls: ["https://kms.phala.network"],
      gateway_urls: ["https://gateway.dstack-pha-prod5.phala.network"],
      ports: [],
    });
  });

  it("shows the ports set through PUT /ports", async () => {
    await send("PUT", `/cvms/${running.id}/ports`, { ports: [{ vm_port: 22 }] });
    const read = await send("GET", path(running.id));
    expect(read.body.ports).toEqual([
      { host_port: 30000, vm_port: 22, protocol: "tcp", host_address: "0.0.0.0" },
    ]);
  });

  it("404s for a CVM of another workspace", async () => {
    expect((await send("GET", path(SEED.otherWorkspaceCvms[0]!.id))).status).toBe(404);
  });
});

describe("PATCH /cvms/{id}/network-config", () => {
  it("changes the URLs given, keeps the others, and reads back as written", async () => {
    const sent = await send("PATCH", path(running.id), { kms_urls: ["https://kms.example"] });
    expect(sent.status).toBe(200);
    expect(contractMismatches("PATCH /cvms/{cvm_id}/network-config", sent.body)).toEqual([]);
    expect(sent.body.kms_urls).toEqual(["https://kms.example"]);
    expect(sent.body.gateway_urls).toEqual(["https://gateway.dstack-pha-prod5.phala.network"]);
    const read = await send("GET", path(running.id));
    expect(read.body).toEqual(sent.body);
    // Per CVM: another CVM keeps its own.
    const other = await send("GET", path(stopped.id));
    expect(other.body.kms_urls).toEqual(["https://kms.phala.network"]);
  });

  it("restart: true restarts a running CVM, and 409s while it restarts", async () => {
    const sent = await send("PATCH", path(running.id), {
      gateway_urls: ["https://gw.example"],
      restart: true,
    });
    expect(sent.status).toBe(200);
    const info = await send("GET", `/cvms/${running.id}`);
    expect(info.body.status).toBe("restarting");
    expectInProgress(await send("PATCH", path(running.id), { restart: true }));
    await afterTransition();
    expect((await send("GET", `/cvms/${running.id}`)).body.status).toBe("running");
  });

  it("restart: true leaves a stopped CVM stopped", async () => {
    const sent = await send("PATCH", path(stopped.id), {
      kms_urls: ["https://kms.example"],
      restart: true,
    });
    expect(sent.status).toBe(200);
    expect((await send("GET", `/cvms/${stopped.id}`)).body.status).toBe("stopped");
  });

  it("answers 422 for wrong types and 400 for an empty list or a non-URL", async () => {
    expect422(
      await send("PATCH", path(running.id), { kms_urls: "https://kms" }),
      ["body", "kms_urls"],
      "list_type",
    );
    expect422(
      await send("PATCH", path(running.id), { restart: "yes" }),
      ["body", "restart"],
      "bool_type",
    );
    expect422(await send("PATCH", path(running.id), undefined, { raw: "" }), ["body"], "missing");
    const empty = await send("PATCH", path(running.id), { gateway_urls: [] });
    expect(empty.status).toBe(400);
    const notUrl = await send("PATCH", path(running.id), { kms_urls: ["kms.example"] });
    expect(notUrl.status).toBe(400);
    expect(notUrl.body.detail.message).toContain("not an http(s) URL");
    expect((await send("GET", path(running.id))).body.kms_urls).toEqual([
      "https://kms.phala.network",
    ]);
  });

  it("refuses a request without a valid key", async () => {
    expect((await send("PATCH", path(running.id), {}, { apiKey: null })).status).toBe(401);
    expect(api.url).toMatch(/^http/);
  });
});
