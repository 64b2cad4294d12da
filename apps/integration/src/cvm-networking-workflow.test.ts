import {
  AuthenticationError,
  BadRequestError,
  createClient,
  isComposeHashRegistrationRequired,
} from "@phala/cloud";
import { OFFICIAL_PRE_LAUNCH_SCRIPTS, SEED } from "@phala/cloud-mock-api";
import { describe, expect, it } from "vitest";
import { useMockApi } from "./harness";

// CVM networking, CVM SSH keys, the pre-launch script upgrade and the revocation
// of an API key, end to end against the mock; every answer of the mock is
// checked against the API contract (the harness).
// Long enough to read `restarting` right after the call that began it.
const mock = useMockApi({ transitionMs: 1500 });

const TX = `0x${"cd".repeat(32)}`;
const [OLD_SCRIPT, LATEST_SCRIPT] = OFFICIAL_PRE_LAUNCH_SCRIPTS as [string, string];
const web = { id: SEED.exampleCvm.id };
const oracle = { id: SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!.id };
const inference = { id: SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "inference-1")!.id };

const client = () => createClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });

async function untilRunning(id: { id: string }): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await client().getCvmInfo(id)).status === "running") return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`CVM ${id.id} did not come back to running`);
}

describe("CVM networking", () => {
  it("opens ports and reads them back, changes the network config, sees the firewall status", async () => {
    const phala = client();
    const firewall = await phala.getCvmFirewallStatus(web);
    expect(firewall).toEqual({ available: true, reason: null });

    const opened = await phala.updateCvmPorts({
      ...web,
      ports: [{ vm_port: 22 }, { vm_port: 53, protocol: "udp" }],
    });
    expect(opened.map((port) => [port.vm_port, port.protocol])).toEqual([
      [22, "tcp"],
      [53, "udp"],
    ]);
    expect(await phala.getCvmPorts(web)).toEqual(opened);
    // Every version types the same mappings.
    expect(await phala.withVersion("2025-10-28").getCvmPorts(web)).toEqual(opened);
    expect(await phala.withVersion("2026-06-23").getCvmPorts(web)).toEqual(opened);

    const changed = await phala.updateCvmNetworkConfig({
      ...web,
      gateway_urls: ["https://gateway.example.com"],
    });
    expect(changed.gateway_urls).toEqual(["https://gateway.example.com"]);
    const read = await phala.getCvmNetworkConfig(web);
    expect(read).toEqual(changed);
    expect(read.kms_urls).toHaveLength(1);
    expect(read.ports).toEqual(
      opened.map(({ host_port, vm_port, protocol, host_address }) => ({
        host_port,
        vm_port,
        protocol,
        host_address,
      })),
    );

    const closed = await phala.updateCvmPorts({
      ...web,
      ports: [{ vm_port: 53, protocol: "udp" }],
    });
    expect(closed).toEqual([opened[1]]);
    expect((await phala.getCvmNetworkConfig(web)).ports).toHaveLength(1);
  });

  it("a CVM whose firewall cannot publish ports says why, and PUT /ports is refused for it", async () => {
    const phala = client();
    const firewall = await phala.getCvmFirewallStatus(oracle);
    expect(firewall.available).toBe(false);
    const error = await phala
      .updateCvmPorts({ ...oracle, ports: [{ vm_port: 22 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toContain(firewall.reason!);
    expect(await phala.getCvmPorts(oracle)).toEqual([]);
  });

  it("restarting with the new network config brings the CVM back to running", async () => {
    const phala = client();
    await phala.updateCvmNetworkConfig({
      ...web,
      kms_urls: ["https://kms.example.com"],
      restart: true,
    });
    expect((await phala.getCvmInfo(web)).status).toBe("restarting");
    await untilRunning(web);
    expect((await phala.getCvmNetworkConfig(web)).kms_urls).toEqual(["https://kms.example.com"]);
  });
});

describe("CVM SSH keys", () => {
  it("sets a CVM's keys, reads them back, and applies them with a restart", async () => {
    const phala = client();
    const key = await phala.createSshKey({
      name: "workflow-laptop",
      public_key:
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2tHV1hMRwd8vcwTJYvbT8M0wcC3eBgCF8cbR1YsJ0v workflow@laptop",
    });
    const set = await phala.updateCvmSshKeys({ ...web, ssh_key_ids: [key.id] });
    expect(set.keys.map((item) => item.id)).toEqual([key.id]);
    expect(set.keys[0]).toMatchObject({ owner_username: "alice", fingerprint: key.fingerprint });
    // Stored, not yet on the running VM.
    expect(set.restart_required).toBe(true);
    expect(await phala.getCvmSshKeys(web)).toEqual(set);

    await phala.updateCvmSshKeys({ ...web, ssh_key_ids: [key.id], apply_now: true });
    expect((await phala.getCvmInfo(web)).status).toBe("restarting");
    await untilRunning(web);
    const applied = await phala.getCvmSshKeys(web);
    expect(applied.keys.map((item) => item.id)).toEqual([key.id]);
    expect(applied.restart_required).toBe(false);
  });
});

describe("the pre-launch script upgrade", () => {
  it("reads the upgrade status and upgrades an on-chain CVM through the 465 flow", async () => {
    const phala = client();
    // Put the CVM on the older official script first (on-chain: 465, then the proof).
    const asked = await phala.updatePreLaunchScript({
      ...inference,
      pre_launch_script: OLD_SCRIPT,
    });
    if (!isComposeHashRegistrationRequired(asked)) throw new Error("expected the 465 result");
    const set = await phala.updatePreLaunchScript({
      ...inference,
      pre_launch_script: OLD_SCRIPT,
      compose_hash: asked.compose_hash,
      transaction_hash: TX,
    });
    expect(set.status).toBe("in_progress");

    const before = await phala.getPreLaunchScriptUpgradeStatus(inference);
    expect(before).toMatchObject({ is_official: true, is_latest: false, can_upgrade: true });

    const first = await phala.upgradePreLaunchScript(inference);
    if (first.status !== "precondition_required") throw new Error("expected the 465 result");
    expect(first.compose_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.kms_info?.chain?.id).toBe(8453);
    // Nothing changed until the hash is registered.
    expect(await phala.getCvmPreLaunchScript(inference)).toBe(OLD_SCRIPT);

    // The mock takes any well-formed transaction hash as the registration's proof.
    const done = await phala.upgradePreLaunchScript({
      ...inference,
      compose_hash: first.compose_hash,
      transaction_hash: TX,
    });
    expect(done.status).toBe("in_progress");
    expect(await phala.getCvmPreLaunchScript(inference)).toBe(LATEST_SCRIPT);
    expect((await phala.getCvmInfo(inference)).compose_hash).toBe(first.compose_hash);

    const after = await phala.getPreLaunchScriptUpgradeStatus(inference);
    expect(after).toMatchObject({ is_official: true, is_latest: true, can_upgrade: false });
    expect(after.current_hash).toBe(after.latest_official_hash);
    expect((await phala.upgradePreLaunchScript(inference)).status).toBe("no_change");
  });
});

describe("revoking the API key in use", () => {
  it("the next call with the revoked key is refused with a typed 401", async () => {
    const revoking = createClient({ apiKey: "networking-workflow-key", baseURL: mock.url });
    await expect(revoking.getCvmPorts(web)).resolves.toBeInstanceOf(Array);
    await expect(revoking.revokeCurrentApiToken()).resolves.toBeUndefined();

    const error = await revoking.getCvmPorts(web).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    const safe = await revoking.safeGetCurrentUser();
    expect(safe.success).toBe(false);
    expect(safe.error).toBeInstanceOf(AuthenticationError);
    // Another key is untouched.
    await expect(client().getCvmFirewallStatus(web)).resolves.toMatchObject({ available: true });
  });
});
