import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { SEED } from "../../seed";
import { expect422, running, send, stopped, useLifecycleMock } from "./lifecycle.test-support";

useLifecycleMock();

const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
const ports = (id: string) => `/cvms/${id}/ports`;

describe("PUT and GET /cvms/{id}/ports", () => {
  it("publishes the ports and reads them back, each with a node port", async () => {
    const put = await send("PUT", ports(running.id), {
      ports: [{ vm_port: 22 }, { vm_port: 53, protocol: "udp" }],
    });
    expect(put.status).toBe(200);
    expect(contractMismatches("PUT /cvms/{cvm_id}/ports", put.body)).toEqual([]);
    expect(put.body).toMatchObject([
      { host_port: 30000, vm_port: 22, protocol: "tcp", host_address: "0.0.0.0" },
      { host_port: 30001, vm_port: 53, protocol: "udp" },
    ]);
    expect(put.body[0].id).toMatch(/^pm_[0-9a-f]+$/);
    const read = await send("GET", ports(running.id));
    expect(read.status).toBe(200);
    expect(contractMismatches("GET /cvms/{cvm_id}/ports", read.body)).toEqual([]);
    expect(read.body).toEqual(put.body);
  });

  it("replaces the list: a port kept keeps its mapping, a new one gets the next node port", async () => {
    const first = await send("PUT", ports(running.id), {
      ports: [{ vm_port: 22 }, { vm_port: 80 }],
    });
    const second = await send("PUT", ports(running.id), {
      ports: [{ vm_port: 80 }, { vm_port: 443 }],
    });
    expect(second.body[0]).toEqual(first.body[1]);
    expect(second.body[1]).toMatchObject({ vm_port: 443, host_port: 30002 });
    expect((await send("GET", ports(running.id))).body.map((p: any) => p.vm_port)).toEqual([
      80, 443,
    ]);
    const cleared = await send("PUT", ports(running.id), { ports: [] });
    expect(cleared.body).toEqual([]);
  });

  it("keeps each CVM's ports apart (a stopped CVM can have them too)", async () => {
    await send("PUT", ports(running.id), { ports: [{ vm_port: 22 }] });
    const other = await send("PUT", ports(stopped.id), { ports: [{ vm_port: 8080 }] });
    expect(other.status).toBe(200);
    expect((await send("GET", ports(running.id))).body.map((p: any) => p.vm_port)).toEqual([22]);
    expect((await send("GET", ports(stopped.id))).body.map((p: any) => p.vm_port)).toEqual([8080]);
  });

  it("answers 422 for bad port specs, naming each", async () => {
    expect422(await send("PUT", ports(running.id), {}), ["body", "ports"], "missing");
    expect422(await send("PUT", ports(running.id), { ports: 22 }), ["body", "ports"], "list_type");
    const bad = await send("PUT", ports(running.id), {
      ports: [
        { vm_port: 0 },
        { vm_port: 70000 },
        { vm_port: "22" },
        { protocol: "tcp" },
        { vm_port: 1, protocol: "sctp" },
        7,
      ],
    });
    expect422(bad, ["body", "ports", 0, "vm_port"], "greater_than_equal");
    expect422(bad, ["body", "ports", 1, "vm_port"], "less_than_equal");
    expect422(bad, ["body", "ports", 2, "vm_port"], "int_type");
    expect422(bad, ["body", "ports", 3, "vm_port"], "missing");
    expect422(bad, ["body", "ports", 4, "protocol"], "string_pattern_mismatch");
    expect422(bad, ["body", "ports", 5], "model_type");
    expect((await send("GET", ports(running.id))).body).toEqual([]);
  });

  it("answers 400 for a port listed twice", async () => {
    const twice = await send("PUT", ports(running.id), {
      ports: [{ vm_port: 22 }, { vm_port: 22, protocol: "tcp" }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.detail.message).toContain("22/tcp");
  });

  it("404s for an unknown CVM", async () => {
    expect((await send("GET", ports("cvm_nope"))).status).toBe(404);
    expect((await send("PUT", ports("cvm_nope"), { ports: [] })).status).toBe(404);
  });
});

describe("GET /cvms/{id}/firewall-status", () => {
  it("is available on dstack OS 0.5.3, and ports can be published", async () => {
    const status = await send("GET", `/cvms/${running.id}/firewall-status`);
    expect(status.status).toBe(200);
    expect(contractMismatches("GET /cvms/{cvm_id}/firewall-status", status.body)).toEqual([]);
    expect(status.body).toEqual({ available: true, reason: null });
  });

  it("is unavailable on an older OS, with the reason PUT /ports refuses with", async () => {
    const status = await send("GET", `/cvms/${oracle.id}/firewall-status`);
    expect(status.body.available).toBe(false);
    expect(status.body.reason).toContain("0.5.3");
    const put = await send("PUT", ports(oracle.id), { ports: [{ vm_port: 22 }] });
    expect(put.status).toBe(400);
    expect(put.body.detail.message).toBe(status.body.reason);
    expect((await send("GET", ports(oracle.id))).body).toEqual([]);
  });
});
