import { appCvms, currentCvmOfApp } from "../internal/lookup";
import {
  getApp,
  getKms,
  getNode,
  getUser,
  getWorkspace,
  type MockApp,
  type MockCvm,
  type MockState,
} from "../model";
import { currentCvmOperation } from "../routes/cvms/status-machine";
import type { RenderContext } from "./context";
import type { RenderVersion } from "./endpoints";
import type { WireBody } from "./sdk-types";

// The nested user, CVM and app shapes of 2026-01-21, which 2026-05-22 and
// 2026-06-23 keep: the mock's render version (RENDER_VERSION) writes them straight
// from the model, and 2025-10-28 is derived from them by change-2026-01-21.ts.
// Every field of the version is written, null when the model has no value, so
// clients see the full shape. The interfaces say what the mock writes; `respond`
// takes each body only as the SDK's own schema of the endpoint types it in the
// render version, so a field written otherwise than the SDK types it fails to compile.

/** `GET /auth/me`: written in the SDK's own type (every field it has is required). */
export type CurrentUserBody = WireBody<"getCurrentUser", RenderVersion>;

export interface UserRefBody {
  object_type: "user";
  id: string | null;
  username: string | null;
  avatar_url: string | null;
}

export interface WorkspaceRefBody {
  object_type: "workspace";
  id: string;
  name: string;
  slug: string | null;
  avatar_url: string | null;
}

export interface NodeRefBody {
  object_type: "node";
  id: number;
  node_id: number;
  name: string;
  region: string;
  device_id: string;
  ppid: string;
  status: string;
  version: string;
}

export interface CvmResourceBody {
  instance_type: string;
  vcpu: number;
  memory_in_gb: number;
  disk_in_gb: number;
  gpus: number;
  compute_billing_price: string;
  billing_period: string;
}

export interface CvmOsBody {
  name: string;
  version: string;
  is_dev: boolean;
  os_image_hash: string;
}

export interface CvmKmsInfoBody {
  chain_id: number | null;
  dstack_kms_address: string | null;
  dstack_app_address: string | null;
  deployer_address: string | null;
  rpc_endpoint: string | null;
  encrypted_env_pubkey: string | null;
}

export interface CvmProgressBody {
  target: string | null;
  started_at: string | null;
  correlation_id: string | null;
}

/** Null URLs when the CVM's logs are not public. */
export interface CvmLogUrlsBody {
  serial: string | null;
  stdout: string | null;
  stderr: string | null;
  container_log_base: string | null;
}

export interface NetworkUrlsBody {
  app: string;
  instance: string;
}

export interface CvmInfoBody {
  id: string;
  name: string;
  app_id: string;
  vm_uuid: string;
  instance_id: string | null;
  resource: CvmResourceBody;
  node_info: NodeRefBody;
  os: CvmOsBody;
  kms_type: string;
  kms_info: CvmKmsInfoBody;
  status: string;
  in_progress: boolean;
  progress: CvmProgressBody | null;
  compose_hash: string;
  docker_compose_hash: string;
  pre_launch_script_hash: string | null;
  gateway: { base_domain: string; cname: string };
  logs: CvmLogUrlsBody;
  services: Record<string, unknown>[];
  endpoints: NetworkUrlsBody[];
  public_logs: boolean;
  public_sysinfo: boolean;
  public_tcbinfo: boolean;
  gateway_enabled: boolean;
  secure_time: boolean;
  listed: boolean;
  storage_fs: string;
  workspace: WorkspaceRefBody;
  creator: UserRefBody;
  created_at: string;
  deleted_at: string | null;
  project_type: string | null;
}

export interface CvmDetailBody extends CvmInfoBody {
  compose_file: Record<string, unknown>;
}

export interface PaginatedCvmsBody {
  items: CvmInfoBody[];
  total: number;
  page: number;
  page_size: number;
  pages: number;
}

export interface AppProfileBody {
  display_name: string | null;
  avatar_url: string | null;
  description: string | null;
  custom_domain: string | null;
}

export interface AppFullBody {
  id: string;
  name: string;
  app_id: string;
  app_provision_type: string;
  app_icon_url: string | null;
  created_at: string;
  kms_type: string;
  profile: AppProfileBody | null;
  current_cvm: CvmInfoBody | null;
  cvms: CvmInfoBody[];
  cvm_count: number;
}

/** Another workspace's app: the caller learns only that the id exists. */
export interface AppMinimalBody {
  app_id: string;
  id: null;
  name: null;
  app_provision_type: null;
  app_icon_url: null;
  created_at: null;
  kms_type: null;
  profile: null;
  current_cvm: null;
  cvms: null;
  cvm_count: null;
}

export type AppBody = AppFullBody | AppMinimalBody;

export interface AppListBody {
  dstack_apps: AppFullBody[];
  page: number;
  page_size: number;
  total: number;
  total_pages: number;
}

/** Cents as the decimal string the API sends ("125.50"). */
export function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function renderCurrentUser(ctx: RenderContext): CurrentUserBody {
  const { user, workspace, workspaceRole } = ctx.caller;
  return {
    user: {
      username: user.username,
      email: user.email,
      role: user.role,
      avatar: user.avatarUrl,
      email_verified: user.emailVerified,
      totp_enabled: user.totpEnabled,
      has_backup_codes: user.hasBackupCodes,
      flag_has_password: user.hasPassword,
    },
    workspace: {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      tier: workspace.tier,
      role: workspaceRole,
      avatar: workspace.avatarUrl,
    },
    credits: {
      balance: formatCents(workspace.creditsCents),
      granted_balance: formatCents(workspace.grantedCreditsCents),
      is_post_paid: workspace.isPostPaid,
      outstanding_amount:
        workspace.outstandingCents === null ? null : formatCents(workspace.outstandingCents),
    },
    features: [],
  };
}

/** The URL of the dstack guest agent (dashboard, logs) of an app behind a gateway. */
export function guestAgentUrl(appId: string, baseDomain: string): string {
  return `https://${appId}-8090.${baseDomain}`;
}

function renderUserRef(state: MockState, userId: number): UserRefBody {
  const user = getUser(state, userId);
  return {
    object_type: "user",
    id: user.hashedId,
    username: user.username,
    avatar_url: user.avatarUrl,
  };
}

function renderWorkspaceRef(state: MockState, workspaceId: string): WorkspaceRefBody {
  const workspace = getWorkspace(state, workspaceId);
  return {
    object_type: "workspace",
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    avatar_url: workspace.avatarUrl,
  };
}

/** The operation under way, as the CVM shows it; null when none is. */
function progressOf(state: MockState, cvm: MockCvm): CvmProgressBody | null {
  const operation = currentCvmOperation(state, cvm);
  if (operation) {
    return {
      target: operation.target,
      started_at: operation.startedAt,
      correlation_id: operation.correlationId,
    };
  }
  // Seeded in progress, with no operation of the mock's behind it.
  return cvm.inProgress
    ? { target: "running", started_at: cvm.updatedAt, correlation_id: `op_${cvm.id}` }
    : null;
}

export function renderCvm(cvm: MockCvm, ctx: RenderContext): CvmInfoBody {
  const { state } = ctx;
  const node = getNode(state, cvm.nodeId);
  const app = getApp(state, cvm.appId);
  const kms = getKms(state, app.kmsId);
  const dashboard = guestAgentUrl(cvm.appId, node.gatewayBaseDomain);
  const publicUrl = (id: string) => `https://${id}-${cvm.publicPort}.${node.gatewayBaseDomain}`;
  return {
    id: cvm.id,
    name: cvm.name,
    app_id: cvm.appId,
    vm_uuid: cvm.vmUuid,
    instance_id: cvm.instanceId,
    resource: {
      instance_type: cvm.instanceType,
      vcpu: cvm.vcpu,
      memory_in_gb: cvm.memoryMb / 1024,
      disk_in_gb: cvm.diskGb,
      gpus: cvm.gpus,
      compute_billing_price: cvm.hourlyPrice,
      billing_period: cvm.billingPeriod,
    },
    node_info: {
      object_type: "node",
      id: node.id,
      node_id: node.nodeId,
      name: node.name,
      region: node.region,
      device_id: node.deviceId,
      ppid: node.ppid,
      status: node.status,
      version: node.version,
    },
    os: {
      name: cvm.os.name,
      version: cvm.os.version,
      is_dev: cvm.os.isDev,
      os_image_hash: cvm.os.imageHash,
    },
    kms_type: kms.kind,
    kms_info: {
      chain_id: kms.chainId,
      dstack_kms_address: kms.contractAddress,
      dstack_app_address: app.contractAddress,
      deployer_address: app.deployerAddress,
      rpc_endpoint: kms.rpcEndpoint,
      encrypted_env_pubkey: cvm.encryptedEnvPubkey,
    },
    status: cvm.status,
    in_progress: cvm.inProgress,
    progress: progressOf(state, cvm),
    compose_hash: cvm.composeHash,
    docker_compose_hash: cvm.dockerComposeHash,
    pre_launch_script_hash: cvm.preLaunchScriptHash,
    gateway: { base_domain: node.gatewayBaseDomain, cname: node.gatewayCname },
    logs: {
      serial: cvm.publicLogs ? `${dashboard}/logs/serial` : null,
      stdout: cvm.publicLogs ? `${dashboard}/logs/stdout` : null,
      stderr: cvm.publicLogs ? `${dashboard}/logs/stderr` : null,
      container_log_base: cvm.publicLogs ? `${dashboard}/logs/containers` : null,
    },
    services: cvm.services.map((service) => ({
      name: service.name,
      image: service.image,
      status: cvm.status === "running" ? "running" : "exited",
    })),
    endpoints:
      cvm.gatewayEnabled && cvm.instanceId !== null
        ? [{ app: publicUrl(cvm.appId), instance: publicUrl(cvm.instanceId) }]
        : [],
    public_logs: cvm.publicLogs,
    public_sysinfo: cvm.publicSysinfo,
    public_tcbinfo: cvm.publicTcbinfo,
    gateway_enabled: cvm.gatewayEnabled,
    secure_time: cvm.secureTime,
    listed: cvm.listed,
    storage_fs: cvm.storageFs,
    workspace: renderWorkspaceRef(state, cvm.workspaceId),
    creator: renderUserRef(state, cvm.creatorId),
    created_at: cvm.createdAt,
    deleted_at: cvm.deletedAt,
    project_type: cvm.projectType,
  };
}

export function renderCvmDetail(cvm: MockCvm, ctx: RenderContext): CvmDetailBody {
  const app = getApp(ctx.state, cvm.appId);
  return {
    ...renderCvm(cvm, ctx),
    // The app-compose manifest dstack boots from, holding the docker compose text.
    compose_file: {
      manifest_version: Number(cvm.manifestVersion),
      name: app.name,
      runner: cvm.runner,
      docker_compose_file: cvm.composeFile,
      kms_enabled: true,
      gateway_enabled: cvm.gatewayEnabled,
      public_logs: cvm.publicLogs,
      public_sysinfo: cvm.publicSysinfo,
      public_tcbinfo: cvm.publicTcbinfo,
      secure_time: cvm.secureTime,
      local_key_provider_enabled: false,
      allowed_envs: [],
      no_instance_id: false,
    },
  };
}

/** Page numbers are 1-based; `pages` is 0 when there is nothing to list. */
export function pageSlice<T>(items: T[], page: number, pageSize: number) {
  return {
    slice: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    pages: Math.ceil(items.length / pageSize),
  };
}

export function renderCvmPage(
  cvms: MockCvm[],
  page: number,
  pageSize: number,
  ctx: RenderContext,
): PaginatedCvmsBody {
  const { slice, total, pages } = pageSlice(cvms, page, pageSize);
  return {
    items: slice.map((cvm) => renderCvm(cvm, ctx)),
    total,
    page,
    page_size: pageSize,
    pages,
  };
}

export function renderApp(app: MockApp, ctx: RenderContext): AppFullBody {
  const cvms = appCvms(ctx.state, app.appId);
  const current = currentCvmOfApp(ctx.state, app.appId);
  return {
    id: app.hashedId,
    name: app.name,
    app_id: app.appId,
    app_provision_type: app.provisionType,
    app_icon_url: app.iconUrl,
    created_at: app.createdAt,
    kms_type: getKms(ctx.state, app.kmsId).kind,
    profile: app.profile && {
      display_name: app.profile.displayName,
      avatar_url: app.profile.avatarUrl,
      description: app.profile.description,
      custom_domain: app.profile.customDomain,
    },
    current_cvm: current ? renderCvm(current, ctx) : null,
    cvms: cvms.map((cvm) => renderCvm(cvm, ctx)),
    cvm_count: cvms.length,
  };
}

export function renderAppMinimal(app: MockApp): AppMinimalBody {
  return {
    app_id: app.appId,
    id: null,
    name: null,
    app_provision_type: null,
    app_icon_url: null,
    created_at: null,
    kms_type: null,
    profile: null,
    current_cvm: null,
    cvms: null,
    cvm_count: null,
  };
}

/** The full form for the caller's own apps, the minimal one for anyone else's. */
export function renderAppFor(app: MockApp, ctx: RenderContext): AppBody {
  return app.workspaceId === ctx.caller.workspace.id ? renderApp(app, ctx) : renderAppMinimal(app);
}

export function renderAppPage(
  apps: MockApp[],
  page: number,
  pageSize: number,
  ctx: RenderContext,
): AppListBody {
  const { slice, total, pages } = pageSlice(apps, page, pageSize);
  return {
    dstack_apps: slice.map((app) => renderApp(app, ctx)),
    page,
    page_size: pageSize,
    total,
    total_pages: pages,
  };
}
