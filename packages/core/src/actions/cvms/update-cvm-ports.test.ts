import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { safeUpdateCvmPorts, updateCvmPorts } from "./update-cvm-ports";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const ports = [{ vm_port: 22 }, { vm_port: 53, protocol: "udp" as const }];
const mappings = [
  { id: "pm_1", host_port: 30001, vm_port: 22, protocol: "tcp", host_address: "0.0.0.0" },
  { id: "pm_2", host_port: 30002, vm_port: 53, protocol: "udp", host_address: "0.0.0.0" },
];

describeActionCall({
  name: "updateCvmPorts",
  method: "PUT",
  path: "/cvms/cvm_1/ports",
  body: { ports },
  reply: { body: mappings },
  call: (c) => updateCvmPorts(c, { id: "cvm_1", ports }),
  safeCall: (c) => safeUpdateCvmPorts(c, { id: "cvm_1", ports }),
  expected: mappings,
});

describe("updateCvmPorts: the port list", () => {
  it("sends an empty list, closing every port", async () => {
    const { fake, client } = setup({ body: [] });
    await expect(updateCvmPorts(client, { id: "cvm_1", ports: [] })).resolves.toEqual([]);
    expect(fake.calls[0]!.body).toEqual({ ports: [] });
  });

  it.each([
    ["ports", { ports: undefined }],
    ["ports", { ports: "22" }],
    ["ports.0", { ports: [22] }],
    ["ports.0.vm_port", { ports: [{ vm_port: 0 }] }],
    ["ports.0.vm_port", { ports: [{ vm_port: 65536 }] }],
    ["ports.0.vm_port", { ports: [{ vm_port: 22.5 }] }],
    ["ports.1.vm_port", { ports: [{ vm_port: 22 }, { protocol: "tcp" }] }],
    ["ports.0.protocol", { ports: [{ vm_port: 22, protocol: "sctp" }] }],
    ["ports.0.host_port", { ports: [{ vm_port: 22, host_port: 2222 }] }],
  ])("refuses a bad %s before sending", async (path, extra) => {
    await refused((c) => updateCvmPorts(c, bad({ id: "cvm_1", ...extra })), path);
  });
});
