// What the mock keeps of a CVM's networking beyond the shared model: the KMS and
// gateway URLs it boots with (the KMS's and node's own until changed), the ports
// it publishes, and whether its firewall can publish any. Registers no route.
import { deterministicHex } from "../../internal/deterministic-hex";
import { operationInProgressError, phalaError } from "../../internal/errors";
import { getApp, getKms, getNode, type MockCvm, type MockState, resourceState } from "../../model";
import {
  assertNodeAvailable,
  beginTransition,
  currentCvmStatus,
  liveStatus,
} from "./status-machine";

export type PortProtocol = "tcp" | "udp";

/** One published port: the node's `hostPort` forwarded to the CVM's `vmPort`. */
export interface MockPortMapping {
  id: string;
  hostPort: number;
  vmPort: number;
  protocol: PortProtocol;
  hostAddress: string;
}

interface CvmNetworkSettings {
  /** null: the default (the app's KMS, the node's gateway). */
  kmsUrls: string[] | null;
  gatewayUrls: string[] | null;
  ports: MockPortMapping[];
}

interface NetworkStore {
  cvms: Map<string, CvmNetworkSettings>;
  /** Node id -> the next node port handed out. */
  nextHostPort: Map<number, number>;
  mappings: number;
}

/** Node ports handed to published CVM ports start here. */
const FIRST_HOST_PORT = 30000;
/** Port mappings need the guest agent of this dstack OS version or later. */
const FIREWALL_OS_VERSION = "0.5.3";

function networkStore(state: MockState): NetworkStore {
  return resourceState(state, "cvm-network", () => ({
    cvms: new Map(),
    nextHostPort: new Map(),
    mappings: 0,
  }));
}

function settingsOf(state: MockState, cvm: MockCvm): CvmNetworkSettings {
  const cvms = networkStore(state).cvms;
  let settings = cvms.get(cvm.id);
  if (!settings) {
    settings = { kmsUrls: null, gatewayUrls: null, ports: [] };
    cvms.set(cvm.id, settings);
  }
  return settings;
}

export function kmsUrlsOf(state: MockState, cvm: MockCvm): string[] {
  const configured = settingsOf(state, cvm).kmsUrls;
  return configured ? [...configured] : [getKms(state, getApp(state, cvm.appId).kmsId).url];
}

export function gatewayUrlsOf(state: MockState, cvm: MockCvm): string[] {
  const configured = settingsOf(state, cvm).gatewayUrls;
  return configured
    ? [...configured]
    : [`https://gateway.${getNode(state, cvm.nodeId).gatewayBaseDomain}`];
}

export function portsOf(state: MockState, cvm: MockCvm): MockPortMapping[] {
  return settingsOf(state, cvm).ports.map((port) => ({ ...port }));
}

/** Sets the URLs given; `undefined` keeps the current ones. */
export function setNetworkUrls(
  state: MockState,
  cvm: MockCvm,
  urls: { kmsUrls?: string[]; gatewayUrls?: string[] },
): void {
  const settings = settingsOf(state, cvm);
  if (urls.kmsUrls !== undefined) settings.kmsUrls = [...urls.kmsUrls];
  if (urls.gatewayUrls !== undefined) settings.gatewayUrls = [...urls.gatewayUrls];
}

function atLeast(version: string, minimum: string): boolean {
  const parts = (text: string) => text.split(".").map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Whether the CVM can publish ports: its OS image must have the guest firewall. */
export function firewallStatus(cvm: MockCvm): { available: boolean; reason: string | null } {
  if (atLeast(cvm.os.version, FIREWALL_OS_VERSION)) return { available: true, reason: null };
  return {
    available: false,
    reason: `Port mappings need dstack OS ${FIREWALL_OS_VERSION} or later; this CVM runs ${cvm.os.version}`,
  };
}

/**
 * Replaces the CVM's published ports. A port already published (same CVM port
 * and protocol) keeps its mapping and node port; a new one gets the node's next
 * free port. Throws the API's 400 when the CVM's firewall cannot publish ports
 * or a port is listed twice.
 */
export function replacePorts(
  state: MockState,
  cvm: MockCvm,
  specs: { vmPort: number; protocol: PortProtocol }[],
): MockPortMapping[] {
  const firewall = firewallStatus(cvm);
  if (!firewall.available) {
    throw phalaError(400, {
      message: firewall.reason ?? "Port mappings are not available for this CVM",
      details: [{ field: "os_version", value: cvm.os.version, message: null }],
      suggestions: [`Upgrade the CVM to dstack OS ${FIREWALL_OS_VERSION} or later`],
    });
  }
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = `${spec.vmPort}/${spec.protocol}`;
    if (seen.has(key)) {
      throw phalaError(400, {
        message: `Port ${key} is listed twice`,
        details: [{ field: "ports", value: key, message: null }],
        suggestions: ["List each CVM port and protocol once"],
      });
    }
    seen.add(key);
  }
  const store = networkStore(state);
  const settings = settingsOf(state, cvm);
  settings.ports = specs.map((spec) => {
    const kept = settings.ports.find(
      (port) => port.vmPort === spec.vmPort && port.protocol === spec.protocol,
    );
    if (kept) return kept;
    const hostPort = store.nextHostPort.get(cvm.nodeId) ?? FIRST_HOST_PORT;
    store.nextHostPort.set(cvm.nodeId, hostPort + 1);
    store.mappings += 1;
    return {
      id: `pm_${deterministicHex(`port-mapping:${cvm.id}:${store.mappings}`, 12)}`,
      hostPort,
      vmPort: spec.vmPort,
      protocol: spec.protocol,
      hostAddress: "0.0.0.0",
    };
  });
  return portsOf(state, cvm);
}

/**
 * Before a change that restarts a running CVM to apply it now: throws the API's
 * 409 while another operation runs (and its 503 for a node under maintenance);
 * says whether a restart is due (a stopped CVM takes the change at its next start).
 */
export function restartDue(state: MockState, cvm: MockCvm): boolean {
  const status = currentCvmStatus(state, cvm);
  if (liveStatus(state, cvm).transition !== null) throw operationInProgressError(status);
  if (status !== "running") return false;
  assertNodeAvailable(state, cvm.nodeId);
  return true;
}

/** Restarts a running CVM so it boots with what just changed. */
export function restartToApply(state: MockState, cvm: MockCvm, now: Date): void {
  beginTransition(state, cvm, "restart", "restarting", "running", now);
}
