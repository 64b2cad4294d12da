import type { MockApp, MockCvm, MockState } from "../model";

/** Newest first, as the API lists them; the table id breaks ties so the order is total. */
function byCreatedAtDesc<T extends { createdAt: string }>(
  tieBreak: (entity: T) => number | string,
): (a: T, b: T) => number {
  return (a, b) => {
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
    const ka = tieBreak(a);
    const kb = tieBreak(b);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  };
}

const cvmOrder = byCreatedAtDesc<MockCvm>((cvm) => cvm.tableId);
const appOrder = byCreatedAtDesc<MockApp>((app) => app.appId);

/** The live (not deleted) CVMs of a workspace, newest first. */
export function workspaceCvms(state: MockState, workspaceId: string): MockCvm[] {
  return [...state.cvms.values()]
    .filter((cvm) => cvm.workspaceId === workspaceId && cvm.deletedAt === null)
    .sort(cvmOrder);
}

export function workspaceApps(state: MockState, workspaceId: string): MockApp[] {
  return [...state.apps.values()].filter((app) => app.workspaceId === workspaceId).sort(appOrder);
}

/** The live CVMs of an app, newest first. */
export function appCvms(state: MockState, appId: string): MockCvm[] {
  return [...state.cvms.values()]
    .filter((cvm) => cvm.appId === appId && cvm.deletedAt === null)
    .sort(cvmOrder);
}

/**
 * The CVM an app id stands for when one is asked for: the newest running one, else
 * the newest. An app usually has one CVM; replicas share the app id.
 */
export function currentCvmOfApp(state: MockState, appId: string): MockCvm | undefined {
  const cvms = appCvms(state, appId);
  return cvms.find((cvm) => cvm.status === "running") ?? cvms[0];
}

/** Accepts `0x<hex>`, `app_<hex>` or bare hex; app ids are stored bare and lower case. */
export function normalizeAppId(raw: string): string {
  const lower = raw.trim().toLowerCase();
  if (lower.startsWith("0x")) return lower.slice(2);
  if (lower.startsWith("app_")) return lower.slice(4);
  return lower;
}

const DASHED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_HEX = /^[0-9a-f]{32}$/i;
const ID_HEX = /^[0-9a-f]{40}$/i;
const TABLE_ID = /^[0-9]+$/;

/**
 * Finds a CVM of the caller's workspace by any of the id forms the real API takes:
 * hashed id, VM UUID (with or without dashes), `app_<hex>` or bare app id,
 * `instance_<hex>` or bare instance id, the CVM name, or (as 2025-10-28 clients
 * hold it) the numeric table id.
 */
export function resolveCvm(state: MockState, workspaceId: string, rawId: string): MockCvm | null {
  const candidates = workspaceCvms(state, workspaceId);
  const id = rawId.trim();
  const lower = id.toLowerCase();

  const byHashedId = candidates.find((cvm) => cvm.id === id);
  if (byHashedId) return byHashedId;

  const byAppId = (appId: string) => {
    const cvm = currentCvmOfApp(state, appId);
    return cvm && cvm.workspaceId === workspaceId ? cvm : undefined;
  };
  const byInstanceId = (instanceId: string) =>
    candidates.find((cvm) => cvm.instanceId?.toLowerCase() === instanceId);

  if (lower.startsWith("app_")) return byAppId(lower.slice(4)) ?? null;
  if (lower.startsWith("instance_")) return byInstanceId(lower.slice(9)) ?? null;

  if (DASHED_UUID.test(id) || UUID_HEX.test(id)) {
    const uuid = lower.replaceAll("-", "");
    const byUuid = candidates.find((cvm) => cvm.vmUuid.replaceAll("-", "") === uuid);
    if (byUuid) return byUuid;
  }
  if (ID_HEX.test(id)) {
    const byHex = byAppId(lower) ?? byInstanceId(lower);
    if (byHex) return byHex;
  }
  const byName = candidates.find((cvm) => cvm.name === id);
  if (byName) return byName;
  if (TABLE_ID.test(id)) {
    return candidates.find((cvm) => cvm.tableId === Number(id)) ?? null;
  }
  return null;
}
