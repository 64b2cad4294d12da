// The JSON the server answers with: a stable, smaller shape than the SDK's
// 2026-01-21 types, so a client of this server does not depend on API fields.
import type {
  CurrentUserV20260121,
  CvmCurrentState,
  CvmInfoDetailV20260121,
  CvmInfoV20260121,
} from "#sdk";

export interface CvmEndpoint {
  app: string;
  instance: string;
}

export interface CvmSummary {
  id: string;
  name: string;
  app_id: string | null;
  status: string;
  in_progress: boolean;
  resources: {
    instance_type: string | null;
    vcpu: number | null;
    memory_in_gb: number | null;
    disk_in_gb: number | null;
    gpus: number | null;
  };
  node: { name: string | null; region: string | null };
  endpoints: CvmEndpoint[];
  app_url: string | null;
  created_at: string | null;
}

export interface CvmDetail extends CvmSummary {
  os: { name: string | null; version: string | null; is_dev: boolean | null };
  kms_type: string | null;
  gateway_domain: string | null;
  services: number;
  compose_hash: string | null;
  public_logs: boolean | null;
  public_sysinfo: boolean | null;
  updated_at: string | null;
}

export interface CvmListResponse {
  total: number;
  cvms: CvmSummary[];
}

export interface CvmResponse {
  cvm: CvmDetail;
  /** The VM's live state (`GET /cvms/{id}/state`), `null` when the API had none to give. */
  state: {
    status: string;
    uptime: string | null;
    boot_progress: string | null;
    boot_error: string | null;
  } | null;
}

export interface AccountResponse {
  user: { username: string; role: string };
  workspace: { id: string; name: string; slug: string | null; tier: string; role: string };
  credits: {
    balance: string;
    granted_balance: string;
    is_post_paid: boolean;
    outstanding_amount: string | null;
  };
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

export function toCvmSummary(cvm: CvmInfoV20260121): CvmSummary {
  return {
    id: cvm.id,
    name: cvm.name,
    app_id: orNull(cvm.app_id),
    status: cvm.status,
    in_progress: cvm.in_progress,
    resources: {
      instance_type: orNull(cvm.resource.instance_type),
      vcpu: orNull(cvm.resource.vcpu),
      memory_in_gb: orNull(cvm.resource.memory_in_gb),
      disk_in_gb: orNull(cvm.resource.disk_in_gb),
      gpus: orNull(cvm.resource.gpus),
    },
    node: { name: orNull(cvm.node_info?.name), region: orNull(cvm.node_info?.region) },
    endpoints: (cvm.endpoints ?? []).map(({ app, instance }) => ({ app, instance })),
    app_url: orNull(cvm.app_url),
    created_at: orNull(cvm.created_at),
  };
}

export function toCvmDetail(cvm: CvmInfoDetailV20260121): CvmDetail {
  return {
    ...toCvmSummary(cvm),
    os: {
      name: orNull(cvm.os?.name),
      version: orNull(cvm.os?.version),
      is_dev: orNull(cvm.os?.is_dev),
    },
    kms_type: orNull(cvm.kms_type),
    gateway_domain: orNull(cvm.gateway.base_domain),
    services: cvm.services.length,
    compose_hash: orNull(cvm.compose_hash),
    public_logs: orNull(cvm.public_logs),
    public_sysinfo: orNull(cvm.public_sysinfo),
    updated_at: orNull(cvm.updated_at),
  };
}

export function toCvmState(state: CvmCurrentState): NonNullable<CvmResponse["state"]> {
  return {
    status: state.status,
    uptime: orNull(state.uptime),
    boot_progress: orNull(state.boot_progress),
    boot_error: orNull(state.boot_error),
  };
}

const amount = (value: string | number): string => String(value);

export function toAccount(me: CurrentUserV20260121): AccountResponse {
  return {
    user: { username: me.user.username, role: me.user.role },
    workspace: {
      id: me.workspace.id,
      name: me.workspace.name,
      slug: me.workspace.slug,
      tier: me.workspace.tier,
      role: me.workspace.role,
    },
    credits: {
      balance: amount(me.credits.balance),
      granted_balance: amount(me.credits.granted_balance),
      is_post_paid: me.credits.is_post_paid,
      outstanding_amount:
        me.credits.outstanding_amount === null ? null : amount(me.credits.outstanding_amount),
    },
  };
}
