import { getKms, getNode, type MockApp, type MockCvm, type MockState } from "../model";
import { appCvms } from "./lookup";

/** The filters of `GET /apps`; each one left undefined (or empty) does not filter. */
export interface AppFilters {
  search?: string;
  statuses: string[];
  listed?: boolean;
  baseImage?: string;
  instanceType?: string;
  kmsSlug?: string;
  kmsType?: string;
  /** A node name or numeric id. */
  node?: string;
  region?: string;
}

const sameWord = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function hasCvmFilter(filters: AppFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.listed !== undefined ||
    filters.baseImage !== undefined ||
    filters.instanceType !== undefined ||
    filters.node !== undefined ||
    filters.region !== undefined
  );
}

function cvmMatches(state: MockState, cvm: MockCvm, filters: AppFilters): boolean {
  const node = getNode(state, cvm.nodeId);
  return (
    (filters.statuses.length === 0 || filters.statuses.some((s) => sameWord(s, cvm.status))) &&
    (filters.listed === undefined || cvm.listed === filters.listed) &&
    (filters.baseImage === undefined || cvm.os.name === filters.baseImage) &&
    (filters.instanceType === undefined || cvm.instanceType === filters.instanceType) &&
    (filters.node === undefined ||
      filters.node === node.name ||
      filters.node === String(node.id)) &&
    (filters.region === undefined || sameWord(filters.region, node.region))
  );
}

/**
 * Whether an app passes the filters. App-level filters (search, KMS) test the app;
 * the others test its CVMs, and the app passes when one CVM passes them all.
 */
export function appMatches(state: MockState, app: MockApp, filters: AppFilters): boolean {
  const kms = getKms(state, app.kmsId);
  if (filters.search) {
    const needle = filters.search.toLowerCase();
    if (!app.name.toLowerCase().includes(needle) && !app.appId.includes(needle)) return false;
  }
  if (filters.kmsType !== undefined && !sameWord(filters.kmsType, kms.kind)) return false;
  if (filters.kmsSlug !== undefined && filters.kmsSlug !== kms.slug) return false;
  if (!hasCvmFilter(filters)) return true;
  return appCvms(state, app.appId).some((cvm) => cvmMatches(state, cvm, filters));
}
