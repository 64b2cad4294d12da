/**
 * GET /cvms/{cvm_id}/stats, /network, /composition, /attestation, /user_config,
 * /compose_file, /docker-compose.yml and /pre-launch-script, and the renderers of
 * the live views of a CVM (state, stats, network, containers, attestation). The
 * real API asks the VM's guest agent; the mock derives stable figures from the
 * model, and answers `is_online: false` with an error for a VM that is not
 * running, as the API does.
 */
import type { Hono, MiddlewareHandler } from "hono";
import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { getApp, getNode, type MockCvm } from "../../model";
import type { RenderContext } from "../../versions/context";
import { appCompose, composeExtras } from "./compose-store";
import { cvmOf } from "./shared";

const GIB = 1024 ** 3;
const OFFLINE_ERROR = "CVM is not running";

function uptimeSeconds(cvm: MockCvm, now: Date): number {
  if (cvm.status !== "running" || cvm.startedAt === null) return 0;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(cvm.startedAt)) / 1000));
}

function formatUptime(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days > 0 ? `${days}d ${hours}h ${minutes}m` : `${hours}h ${minutes}m`;
}

function bootProgress(cvm: MockCvm): string | null {
  if (cvm.status === "running") return "done";
  if (cvm.status === "starting" || cvm.status === "restarting") return "booting";
  return null;
}

export function renderCvmState(cvm: MockCvm, ctx: RenderContext) {
  const seconds = uptimeSeconds(cvm, ctx.now);
  return {
    id: cvm.vmUuid,
    instance_id: cvm.instanceId,
    name: cvm.name,
    status: cvm.status,
    uptime: cvm.status === "running" ? formatUptime(seconds) : null,
    exited_at: cvm.exitedAt,
    boot_progress: bootProgress(cvm),
    boot_error: null,
    shutdown_progress: cvm.status === "stopping" ? "stopping" : null,
  };
}

export function renderCvmStats(cvm: MockCvm, ctx: RenderContext) {
  const online = cvm.status === "running";
  const totalMemory = cvm.memoryMb * 1024 * 1024;
  const usedMemory = Math.floor(totalMemory * 0.42);
  return {
    is_online: online,
    is_public: cvm.publicSysinfo,
    error: online ? null : OFFLINE_ERROR,
    sysinfo: online
      ? {
          os_name: "Linux",
          os_version: cvm.os.version,
          kernel_version: "6.9.0-dstack",
          cpu_model: "INTEL(R) XEON(R) PLATINUM 8581C",
          num_cpus: cvm.vcpu,
          total_memory: totalMemory,
          available_memory: totalMemory - usedMemory,
          used_memory: usedMemory,
          free_memory: totalMemory - usedMemory,
          total_swap: 0,
          used_swap: 0,
          free_swap: 0,
          uptime: uptimeSeconds(cvm, ctx.now),
          // Hundredths, as integers: the guest agent's unit.
          loadavg_one: 12,
          loadavg_five: 8,
          loadavg_fifteen: 5,
          disks: [
            {
              name: "/dev/vda1",
              mount_point: "/",
              total_size: cvm.diskGb * GIB,
              free_size: Math.floor(cvm.diskGb * GIB * 0.7),
            },
          ],
        }
      : null,
    status: cvm.status,
    in_progress: cvm.inProgress,
    boot_progress: bootProgress(cvm),
    boot_error: null,
  };
}

export function renderCvmNetwork(cvm: MockCvm, ctx: RenderContext) {
  const online = cvm.status === "running";
  const node = getNode(ctx.state, cvm.nodeId);
  const url = (id: string) => `https://${id}-${cvm.publicPort}.${node.gatewayBaseDomain}`;
  return {
    is_online: online,
    is_public: true,
    error: online ? null : OFFLINE_ERROR,
    internal_ip: online ? `10.0.${cvm.tableId % 256}.${(cvm.tableId >> 8) % 256 || 1}` : null,
    latest_handshake: online ? ctx.now.toISOString() : null,
    public_urls:
      online && cvm.gatewayEnabled && cvm.instanceId !== null
        ? [{ app: url(cvm.appId), instance: url(cvm.instanceId) }]
        : [],
  };
}

export function renderCvmContainers(cvm: MockCvm, ctx: RenderContext) {
  const online = cvm.status === "running";
  const created = cvm.startedAt ? Math.floor(Date.parse(cvm.startedAt) / 1000) : 0;
  const node = getNode(ctx.state, cvm.nodeId);
  return {
    is_online: online,
    is_public: cvm.publicLogs,
    error: online ? null : OFFLINE_ERROR,
    docker_compose_file: cvm.composeFile,
    manifest_version: Number(cvm.manifestVersion),
    version: cvm.os.version,
    runner: cvm.runner,
    features: [...cvm.features],
    containers: online
      ? cvm.services.map((service) => ({
          id: deterministicHex(`container:${cvm.id}:${service.name}`, 64),
          names: [`/${getApp(ctx.state, cvm.appId).name}-${service.name}-1`],
          image: service.image,
          image_id: `sha256:${deterministicHex(`image:${service.image}`, 64)}`,
          command: null,
          created,
          state: "running",
          status: `Up ${formatUptime(uptimeSeconds(cvm, ctx.now))}`,
          log_endpoint: `https://${cvm.appId}-8090.${node.gatewayBaseDomain}/logs/${service.name}`,
        }))
      : null,
  };
}

export function renderCvmAttestation(cvm: MockCvm, ctx: RenderContext) {
  const online = cvm.status === "running";
  const compose = JSON.stringify(appCompose(ctx.state, cvm));
  const measurement = (label: string) =>
    deterministicHex(`${label}:${cvm.id}:${cvm.composeHash}`, 96);
  return {
    name: cvm.name,
    is_online: online,
    is_public: cvm.publicTcbinfo,
    error: online ? null : OFFLINE_ERROR,
    app_certificates: online
      ? [
          {
            subject: {
              common_name: `${cvm.appId}.dstack`,
              organization: "Dstack",
              country: null,
              state: null,
              locality: null,
            },
            issuer: { common_name: "Dstack KMS CA", organization: "Dstack", country: null },
            serial_number: deterministicHex(`serial:${cvm.id}`, 32),
            not_before: cvm.startedAt ?? cvm.createdAt,
            not_after: "2036-01-01T00:00:00Z",
            version: "v3",
            fingerprint: deterministicHex(`fingerprint:${cvm.id}`, 64),
            signature_algorithm: "ecdsa-with-SHA256",
            sans: [`${cvm.appId}.dstack`],
            is_ca: false,
            position_in_chain: 0,
            quote: deterministicHex(`quote:${cvm.id}:${cvm.composeHash}`, 128),
            app_id: cvm.appId,
            cert_usage: "app",
          },
        ]
      : null,
    tcb_info: online
      ? {
          mrtd: measurement("mrtd"),
          rootfs_hash: cvm.os.imageHash,
          rtmr0: measurement("rtmr0"),
          rtmr1: measurement("rtmr1"),
          rtmr2: measurement("rtmr2"),
          rtmr3: measurement("rtmr3"),
          event_log: [
            {
              imr: 3,
              event_type: 134217729,
              digest: measurement("compose-hash-event"),
              event: "compose-hash",
              event_payload: cvm.composeHash,
            },
          ],
          app_compose: compose,
        }
      : null,
    compose_file: online ? compose : null,
  };
}

export function renderCvmUserConfig(cvm: MockCvm, ctx: RenderContext) {
  const extras = composeExtras(ctx.state, cvm);
  if (extras.userConfig !== null) {
    try {
      const parsed = JSON.parse(extras.userConfig) as Record<string, unknown>;
      return {
        hostname: typeof parsed.hostname === "string" ? parsed.hostname : cvm.name,
        ssh_authorized_keys: Array.isArray(parsed.ssh_authorized_keys)
          ? parsed.ssh_authorized_keys.filter((key) => typeof key === "string")
          : [],
      };
    } catch {
      // Not JSON: the VM boots with the default config.
    }
  }
  return { hostname: cvm.name, ssh_authorized_keys: [] as string[] };
}

export function renderCvmPreLaunchScript(cvm: MockCvm, ctx: RenderContext): string {
  return composeExtras(ctx.state, cvm).preLaunchScript;
}

const JSON_VIEWS: Record<string, (cvm: MockCvm, ctx: RenderContext) => unknown> = {
  stats: renderCvmStats,
  network: renderCvmNetwork,
  composition: renderCvmContainers,
  attestation: renderCvmAttestation,
  user_config: renderCvmUserConfig,
  compose_file: (cvm, ctx) => appCompose(ctx.state, cvm),
};

export function registerViewRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  for (const [view, render] of Object.entries(JSON_VIEWS)) {
    api.get(`/cvms/:cvm_id/${view}`, requireApiKey, (c) =>
      c.json(render(cvmOf(c), c.get("render")) as object),
    );
  }

  api.get("/cvms/:cvm_id/docker-compose.yml", requireApiKey, (c) => {
    c.header("Content-Type", "text/yaml; charset=utf-8");
    return c.body(cvmOf(c).composeFile);
  });

  api.get("/cvms/:cvm_id/pre-launch-script", requireApiKey, (c) => {
    c.header("Content-Type", "text/plain; charset=utf-8");
    return c.body(renderCvmPreLaunchScript(cvmOf(c), c.get("render")));
  });
}
