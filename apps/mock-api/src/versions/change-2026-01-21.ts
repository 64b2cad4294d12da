import type {
  CvmBasicInfoV20251028Schema,
  CvmInfoV20251028Schema,
  CvmNodeV20251028Schema,
  DstackAppFullResponseV20251028Schema,
  KmsInfoSchema,
  MachineInfoV20251028Schema,
} from "@phala/cloud-schemas";
import { appNotFoundError } from "../internal/errors";
import { getApp, getCvm, getKms, getNode, getUser, type MockCvm } from "../model";
import { defineVersionChange } from "./change";
import type { RenderContext } from "./context";
import {
  type AppBody,
  type AppFullBody,
  type AppListBody,
  type CurrentUserBody,
  type CvmDetailBody,
  type CvmInfoBody,
  guestAgentUrl,
  type PaginatedCvmsBody,
} from "./render-2026-01-21";
import type { WireBody, WireInput } from "./sdk-types";

// 2026-01-21 nested the CVM (resource, node_info, os, kms_info, workspace, creator),
// split the user response into user/workspace/credits, and made credits decimal
// strings. Going back to 2025-10-28 flattens all of that again. The legacy bodies
// carry a few facts the new ones dropped (table ids, VM uptime, the KMS node), which
// come from the model through the context. Each legacy body is typed by the SDK's
// own 2025-10-28 schema (what it accepts), so the mock cannot send another shape.

type CurrentUserV20251028Body = WireBody<"getCurrentUser", "2025-10-28">;
type CvmInfoV20251028Body = WireInput<typeof CvmInfoV20251028Schema>;
type CvmDetailV20251028Body = WireBody<"getCvmInfo", "2025-10-28">;
type CvmBasicInfoV20251028Body = WireInput<typeof CvmBasicInfoV20251028Schema>;
type AppV20251028Body = WireInput<typeof DstackAppFullResponseV20251028Schema>;
type AppListV20251028Body = WireBody<"getAppList", "2025-10-28">;
type PaginatedCvmsV20251028Body = WireBody<"getCvmList", "2025-10-28">;
type LegacyNodeBody = WireInput<typeof CvmNodeV20251028Schema>;
type LegacyKmsInfoBody = WireInput<typeof KmsInfoSchema>;
type MachineInfoBody = WireInput<typeof MachineInfoV20251028Schema>;

/** "3d 4h 12m", the teepod's uptime format; empty when the VM is not up. */
export function formatUptime(startedAt: string | null, now: Date): string {
  if (startedAt === null) return "";
  const totalMinutes = Math.max(0, Math.floor((now.getTime() - Date.parse(startedAt)) / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return `${days}d ${hours}h ${minutes}m`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return `${minutes}m`;
}

/** Sizes were MB (memory) and GB (disk) in 2025-10-28; 2026-01-21 sends memory in GB. */
function memoryMb(body: CvmInfoBody): number {
  return Math.round(body.resource.memory_in_gb * 1024);
}

function machineInfo(body: CvmInfoBody): MachineInfoBody {
  return {
    vcpu: body.resource.vcpu,
    memory: memoryMb(body),
    disk_size: body.resource.disk_in_gb,
    gpu_count: body.resource.gpus,
  };
}

function legacyNode(body: CvmInfoBody): LegacyNodeBody {
  return {
    id: body.node_info.id,
    name: body.node_info.name,
    region_identifier: body.node_info.region,
  };
}

function modelCvm(body: CvmInfoBody, ctx: RenderContext): MockCvm {
  return getCvm(ctx.state, body.id);
}

/** The app row (`prj_...`) a VM belongs to. */
function projectId(cvm: MockCvm, ctx: RenderContext): string {
  return getApp(ctx.state, cvm.appId).hashedId;
}

/** The dstack dashboard of the VM, which 2026-01-21 no longer links. */
function dashboardUrl(cvm: MockCvm, ctx: RenderContext): string {
  return guestAgentUrl(cvm.appId, getNode(ctx.state, cvm.nodeId).gatewayBaseDomain);
}

/** 2025-10-28 described the KMS node serving the app, which 2026-01-21 no longer names. */
function legacyKmsInfo(body: CvmInfoBody, ctx: RenderContext): LegacyKmsInfoBody {
  const kms = getKms(ctx.state, getApp(ctx.state, body.app_id).kmsId);
  return {
    id: kms.id,
    slug: kms.slug,
    url: kms.url,
    version: kms.version,
    chain_id: kms.chainId,
    kms_contract_address: kms.contractAddress,
    gateway_app_id: kms.gatewayAppId,
  };
}

/** The VM's GPU attachment as the node's configuration states it; null without GPUs. */
function gpuConfig(cvm: MockCvm) {
  if (cvm.gpuConfig) {
    return {
      gpus: cvm.gpuConfig.slots.map((gpu) => ({ slot: gpu.slot, product_id: gpu.productId })),
      attach_mode: cvm.gpuConfig.attachMode,
    };
  }
  if (cvm.gpus === 0) return null;
  return {
    gpus: Array.from({ length: cvm.gpus }, (_, index) => ({
      slot: gpuSlot(index),
      product_id: null,
    })),
    attach_mode: "listed",
  };
}

/** The PCI slot of a VM's n-th GPU, as a node names it. */
export function gpuSlot(index: number): string {
  return `0000:${(0x18 + index * 0x10).toString(16).padStart(2, "0")}:00.0`;
}

function bootProgress(status: string): string | null {
  if (status === "running") return "done";
  if (status === "starting" || status === "restarting") return "booting";
  return null;
}

function downgradeCvmInfo(body: CvmInfoBody, ctx: RenderContext): CvmInfoV20251028Body {
  const cvm = modelCvm(body, ctx);
  const creator = getUser(ctx.state, cvm.creatorId);
  return {
    hosted: {
      id: body.vm_uuid,
      name: body.name,
      status: body.status,
      uptime: formatUptime(cvm.startedAt, ctx.now),
      app_url: dashboardUrl(cvm, ctx),
      app_id: body.app_id,
      instance_id: body.instance_id,
      configuration: {
        name: body.name,
        image: cvm.os.name,
        compose_file: null,
        vcpu: body.resource.vcpu,
        memory: memoryMb(body),
        disk_size: body.resource.disk_in_gb,
        ports: null,
        encrypted_env: null,
        app_id: body.app_id,
        user_config: null,
        hugepages: false,
        pin_numa: false,
        gpus: gpuConfig(cvm),
        kms_urls: [],
        gateway_urls: [],
      },
      exited_at: cvm.exitedAt,
      boot_progress: bootProgress(body.status),
      boot_error: null,
      shutdown_progress: body.status === "stopping" ? "shutting down" : null,
      image_version: body.os.version,
      events: [],
    },
    name: body.name,
    managed_user: { id: creator.id, username: creator.username },
    node: legacyNode(body),
    listed: body.listed,
    status: body.status,
    in_progress: body.in_progress,
    dapp_dashboard_url: dashboardUrl(cvm, ctx),
    syslog_endpoint: body.logs.serial,
    allow_upgrade: cvm.allowUpgrade,
    project_id: projectId(cvm, ctx),
    project_type: body.project_type,
    billing_period: body.resource.billing_period,
    kms_info: legacyKmsInfo(body, ctx),
    contract_address: body.kms_info.dstack_app_address,
    deployer_address: body.kms_info.deployer_address,
    vcpu: body.resource.vcpu,
    memory: memoryMb(body),
    disk_size: body.resource.disk_in_gb,
    gateway_domain: body.gateway.base_domain,
    public_urls: body.endpoints ?? [],
  };
}

function downgradeCvmDetail(body: CvmDetailBody, ctx: RenderContext): CvmDetailV20251028Body {
  const cvm = modelCvm(body, ctx);
  const node = legacyNode(body);
  return {
    id: cvm.tableId,
    name: body.name,
    status: body.status,
    in_progress: body.in_progress,
    teepod_id: node.id,
    teepod: node,
    app_id: body.app_id,
    vm_uuid: body.vm_uuid,
    instance_id: body.instance_id,
    vcpu: body.resource.vcpu,
    memory: memoryMb(body),
    disk_size: body.resource.disk_in_gb,
    base_image: cvm.os.name,
    encrypted_env_pubkey: body.kms_info.encrypted_env_pubkey,
    listed: body.listed,
    project_id: projectId(cvm, ctx),
    project_type: body.project_type,
    instance_type: body.resource.instance_type,
    public_sysinfo: body.public_sysinfo,
    public_logs: body.public_logs,
    dapp_dashboard_url: dashboardUrl(cvm, ctx),
    syslog_endpoint: body.logs.serial,
    kms_info: legacyKmsInfo(body, ctx),
    contract_address: body.kms_info.dstack_app_address,
    deployer_address: body.kms_info.deployer_address,
    scheduled_delete_at: cvm.scheduledDeleteAt,
    public_urls: body.endpoints,
    gateway_domain: body.gateway.base_domain,
  };
}

function downgradeCvmBasic(body: CvmInfoBody, ctx: RenderContext): CvmBasicInfoV20251028Body {
  const cvm = modelCvm(body, ctx);
  const kms = legacyKmsInfo(body, ctx);
  return {
    vm_uuid: body.vm_uuid,
    app_id: body.app_id,
    name: body.name,
    status: body.status,
    vcpu: body.resource.vcpu,
    memory: memoryMb(body),
    disk_size: body.resource.disk_in_gb,
    teepod_id: body.node_info.id,
    teepod_name: body.node_info.name,
    region_identifier: body.node_info.region,
    kms_type: body.kms_type,
    instance_type: body.resource.instance_type,
    listed: body.listed,
    base_image: cvm.os.name,
    kms_slug: kms.slug,
    kms_id: kms.id,
    instance_id: body.instance_id,
    machine_info: machineInfo(body),
    updated_at: cvm.updatedAt,
  };
}

function downgradeApp(body: AppFullBody, ctx: RenderContext): AppV20251028Body {
  return {
    id: body.id,
    name: body.name,
    app_id: body.app_id,
    app_provision_type: body.app_provision_type,
    app_icon_url: body.app_icon_url,
    created_at: body.created_at,
    kms_type: body.kms_type,
    profile: body.profile,
    current_cvm: body.current_cvm && downgradeCvmBasic(body.current_cvm, ctx),
    cvms: body.cvms.map((cvm) => downgradeCvmBasic(cvm, ctx)),
    cvm_count: body.cvm_count,
  };
}

export const change20260121 = defineVersionChange({
  version: "2026-01-21",
  description:
    "Three-layer user response (user, workspace, credits as decimal strings); CVMs with " +
    "nested resource, node_info, os, kms_info, gateway, workspace and creator objects",
  downgrade: {
    getCurrentUser: (body: CurrentUserBody): CurrentUserV20251028Body => ({
      username: body.user.username,
      email: body.user.email,
      credits: Number(body.credits.balance),
      granted_credits: Number(body.credits.granted_balance),
      avatar: body.user.avatar,
      team_name: body.workspace.name,
      team_tier: body.workspace.tier,
    }),
    getCvmList: (body: PaginatedCvmsBody, ctx: RenderContext): PaginatedCvmsV20251028Body => ({
      items: body.items.map((item) => downgradeCvmInfo(item, ctx)),
      total: body.total,
      page: body.page,
      page_size: body.page_size,
      pages: body.pages,
    }),
    getCvmInfo: downgradeCvmDetail,
    getAppList: (body: AppListBody, ctx: RenderContext): AppListV20251028Body => ({
      dstack_apps: body.dstack_apps.map((app) => downgradeApp(app, ctx)),
      page: body.page,
      page_size: body.page_size,
      total: body.total,
      total_pages: body.total_pages,
    }),
    getAppInfo: (body: AppBody, ctx: RenderContext): AppV20251028Body => {
      // 2025-10-28 had no id-only view of another workspace's app: it was not found.
      if (body.id === null) throw appNotFoundError(body.app_id);
      return downgradeApp(body, ctx);
    },
    getAppCvms: (body: CvmInfoBody[], ctx: RenderContext): CvmInfoV20251028Body[] =>
      body.map((item) => downgradeCvmInfo(item, ctx)),
    listCvms: (body: CvmInfoBody[], ctx: RenderContext): CvmInfoV20251028Body[] =>
      body.map((item) => downgradeCvmInfo(item, ctx)),
  },
});
