import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { composeFile, provisionReply } from "./fixtures.test-support";
import { provisionCvm, safeProvisionCvm } from "./provision-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "provisionCvm",
  method: "POST",
  path: "/cvms/provision",
  body: {
    name: "my-app",
    // The API requires the compose's name: the CVM's name stands in for it.
    compose_file: { ...composeFile, name: "my-app" },
    instance_type: "tdx.small",
    env_keys: ["A"],
    listed: false,
  },
  reply: { body: provisionReply() },
  call: (c) =>
    provisionCvm(c, {
      name: "my-app",
      compose_file: composeFile,
      instance_type: "tdx.small",
      env_keys: ["A"],
      listed: false,
    }),
  safeCall: (c) =>
    safeProvisionCvm(c, {
      name: "my-app",
      compose_file: composeFile,
      instance_type: "tdx.small",
      env_keys: ["A"],
      listed: false,
    }),
  expected: provisionReply(),
});

describe("provisionCvm: the body of ProvisionDstackAppRequestV2", () => {
  it.each([
    ["BASE", "base"],
    ["Ethereum", "ethereum"],
    ["phala", "phala"],
  ] as const)("takes kms %s and sends %s", async (kms, sent) => {
    const { fake, client } = setup({ body: provisionReply() });
    await provisionCvm(client, { name: "my-app", compose_file: composeFile, kms: kms as "BASE" });
    expect((fake.calls[0]!.body as { kms: string }).kms).toBe(sent);
  });

  it("sends compose_file.name as given, or the CVM's name when omitted", async () => {
    const { fake, client } = setup({ body: provisionReply() });
    await provisionCvm(client, { name: "my-app", compose_file: composeFile });
    expect(fake.calls[0]!.body).toMatchObject({ compose_file: { name: "my-app" } });
    await provisionCvm(client, {
      name: "my-app",
      compose_file: { ...composeFile, name: "oracle" },
    });
    expect(fake.calls[1]!.body).toMatchObject({ name: "my-app", compose_file: { name: "oracle" } });
  });

  it("sends the newer fields under the contract's names", async () => {
    const { fake, client } = setup({ body: provisionReply() });
    const args = {
      name: "gpu-app",
      compose_file: {
        ...composeFile,
        name: "gpu-app",
        key_provider: "kms" as const,
        swap_size: "2G",
        port_policy: { ports: [{ port: 443, pp: true }], restrict_mode: true },
        storage_fs: "zfs" as const,
        bash_script: "echo hi",
      },
      instance_type: "h200.small",
      node_id: 7,
      teepod_id: 3,
      prefer_dev: false,
      kms: "base" as const,
      kms_contract: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
      kms_contract_id: "kmsc_1",
      key_provider_mode: "kms" as const,
      skip_gateway: true,
      ports: [{ protocol: "tcp", host_port: 8443, vm_port: 443 }],
      user_config: "{}",
      gpus: { gpus: [{ slot: "0000:18:00.0" }], attach_mode: "listed" as const },
      hugepages: true,
      pin_numa: true,
      kms_urls: ["https://kms.example"],
      gateway_urls: ["https://gateway.example"],
    };
    await provisionCvm(client, args);
    expect(fake.calls[0]!.body).toEqual(args);
    await provisionCvm(client, { name: "gpu-app", compose_file: composeFile, kms_contract_id: 12 });
    expect(fake.calls[1]!.body).toMatchObject({ kms_contract_id: 12 });
  });

  it("refuses the newer fields' wrong values before sending", async () => {
    const base = { name: "my-app", compose_file: composeFile };
    await refused((c) => provisionCvm(c, bad({ ...base, kms: "solana" })), "kms");
    await refused(
      (c) => provisionCvm(c, bad({ ...base, key_provider_mode: "tpm" })),
      "key_provider_mode",
    );
    await refused((c) => provisionCvm(c, bad({ ...base, skip_gateway: "yes" })), "skip_gateway");
    await refused(
      (c) => provisionCvm(c, bad({ ...base, kms_contract_id: 1.5 })),
      "kms_contract_id",
    );
    await refused((c) => provisionCvm(c, bad({ ...base, hugepages: 1 })), "hugepages");
    await refused(
      (c) => provisionCvm(c, bad({ ...base, ports: [{ protocol: "tcp", host_port: 80 }] })),
      "ports.0.vm_port",
    );
    await refused(
      (c) => provisionCvm(c, bad({ ...base, gpus: { gpus: [{ product_id: "h200" }] } })),
      "gpus.gpus.0.slot",
    );
    await refused(
      (c) =>
        provisionCvm(
          c,
          bad({
            ...base,
            compose_file: {
              ...composeFile,
              port_policy: { ports: [{ port: 0, pp: true }], restrict_mode: true },
            },
          }),
        ),
      "compose_file.port_policy.ports.0.port",
    );
  });
});

describe("argument checks (nothing sent)", () => {
  it("provisionCvm: name, compose file and sizes", async () => {
    await refused((c) => provisionCvm(c, bad({ compose_file: composeFile })), "name");
    await refused((c) => provisionCvm(c, bad({ name: "my-app" })), "compose_file");
    await refused((c) => provisionCvm(c, { name: "ab", compose_file: composeFile }), "name");
    await refused(
      (c) => provisionCvm(c, { name: "9starts-with-digit", compose_file: composeFile }),
      "name",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: { docker_compose_file: "" } })),
      "compose_file.docker_compose_file",
    );
    await refused(
      (c) =>
        provisionCvm(
          c,
          bad({ name: "my-app", compose_file: { ...composeFile, public_logs: "yes" } }),
        ),
      "compose_file.public_logs",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: "services:" })),
      "compose_file",
    );
    await refused(
      (c) => provisionCvm(c, { name: "my-app", compose_file: composeFile, vcpu: 0 }),
      "vcpu",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: composeFile, kms: "SOLANA" })),
      "kms",
    );
    await refused(
      (c) => provisionCvm(c, { name: "my-app", compose_file: composeFile, nonce: 1 }),
      "app_id",
    );
    await refused(
      (c) => provisionCvm(c, bad({ name: "my-app", compose_file: composeFile, instanceType: "x" })),
      "instanceType",
    );
  });
});
