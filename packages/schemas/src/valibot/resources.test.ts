// Runtime parity of the valibot twins of resources/{cvm-provision, cvm-lifecycle,
// cvm-reads, cvm-updates, app-extras, cvm-state}: one realistic body per schema is
// parsed by zod and by valibot, with the same output (unknown keys stripped,
// defaults filled), and one bad body is rejected by both. The inferred output
// types are compared at the end of the file (checked by `tsc`).
import type { StandardSchemaV1 } from "@standard-schema/spec";
import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import * as ZodAppExtras from "../resources/app-extras";
import * as ZodLifecycle from "../resources/cvm-lifecycle";
import * as ZodProvision from "../resources/cvm-provision";
import * as ZodReads from "../resources/cvm-reads";
import * as ZodState from "../resources/cvm-state";
import * as ZodUpdates from "../resources/cvm-updates";
import * as VbAppExtras from "./resources/app-extras";
import * as VbLifecycle from "./resources/cvm-lifecycle";
import * as VbProvision from "./resources/cvm-provision";
import * as VbReads from "./resources/cvm-reads";
import * as VbState from "./resources/cvm-state";
import * as VbUpdates from "./resources/cvm-updates";

type Case = { ok: unknown; bad: unknown };
type SchemaModule = Record<string, unknown>;

const schemaNames = (module: SchemaModule) =>
  Object.keys(module)
    .filter((name) => name.endsWith("Schema"))
    .sort();

/** Checks a zod file against its valibot twin, one case per exported schema. */
function parity(
  file: string,
  zodModule: SchemaModule,
  vbModule: SchemaModule,
  cases: Record<string, Case>,
) {
  describe(file, () => {
    it("exports the same schemas, and every one has a case", () => {
      expect(schemaNames(vbModule)).toEqual(schemaNames(zodModule));
      expect(Object.keys(cases).sort()).toEqual(schemaNames(zodModule));
    });

    for (const [name, { ok, bad }] of Object.entries(cases)) {
      const zodSchema = zodModule[name] as z.ZodType;
      const vbSchema = vbModule[name] as v.GenericSchema;

      it(`${name}: same output`, () => {
        const fromZod = zodSchema.safeParse(ok);
        const fromVb = v.safeParse(vbSchema, ok);
        expect(fromZod.error).toBeUndefined();
        expect(fromVb.issues).toBeUndefined();
        expect(fromVb.output).toStrictEqual(fromZod.data);
      });

      it(`${name}: same rejection`, () => {
        expect(zodSchema.safeParse(bad).success).toBe(false);
        expect(v.safeParse(vbSchema, bad).success).toBe(false);
      });
    }
  });
}

// A key no schema knows: both validators must drop it.
const extra = { added_later: { anything: [1, 2] } };

const kmsInfo = {
  id: "kms_1b2c3d",
  slug: "base-prod",
  url: "https://kms.base.phala.network",
  version: "v0.5.3",
  chain_id: 8453,
  kms_contract_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
  gateway_app_id: "0x18f0bd2e6eb7b4f3bbb6c2c5b6b0e4a2b3c4d5e6",
  ...extra,
};

const provisionCvm = {
  app_id: null,
  app_env_encrypt_pubkey: null,
  compose_hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  kms_info: kmsInfo,
  fmspc: "00806F050000",
  device_id: "7a82191bd4dedb9d716e3aa422963cf1009f36e3068404a0322feca1ce517dc9",
  os_image_hash: "0b2e5b0e2f0c0f5b",
  instance_type: "tdx.small",
  node_id: 12,
  teepod_id: 12,
  kms_id: "kms_1b2c3d",
  kms_contract_id: 7,
  ...extra,
};

const composeFile = {
  docker_compose_file: "services:\n  web:\n    image: nginx:1.27\n",
  name: "web-app",
  allowed_envs: ["API_KEY"],
  kms_enabled: true,
  gateway_enabled: true,
  key_provider: "kms",
  public_logs: true,
  public_sysinfo: true,
  storage_fs: "ext4",
  manifest_version: 2,
  runner: "docker-compose",
  ...extra,
};

parity("cvm-provision", ZodProvision, VbProvision, {
  ProvisionCvmSchema: { ok: provisionCvm, bad: { ...provisionCvm, node_id: 2 ** 53 } },
  ProvisionComposeFileSchema: { ok: composeFile, bad: { ...composeFile, storage_fs: "btrfs" } },
  ProvisionCvmRequestSchema: {
    ok: {
      name: "web-app",
      compose_file: composeFile,
      instance_type: "tdx.small",
      kms: "BASE",
      env_keys: ["API_KEY"],
      listed: false,
      ...extra,
    },
    bad: { name: "web-app", compose_file: composeFile, kms: "base" },
  },
  CommitCvmProvisionRequestSchema: {
    ok: {
      app_id: "9b1e7c0d",
      compose_hash: "e3b0c442",
      encrypted_env: "ab12cd",
      env_keys: null,
      ...extra,
    },
    bad: { app_id: "9b1e7c0d", compose_hash: "e3b0c442", env_keys: "API_KEY" },
  },
});

const cvmVm = {
  id: 0,
  name: "web-app",
  status: "starting",
  teepod_id: 12,
  teepod: { id: 12, name: "prod-us-west-7", region_identifier: "us-west", ...extra },
  app_id: "9b1e7c0d",
  vm_uuid: "5f0c3a8e-1d2b-4c6a-9e8f-7a6b5c4d3e2f",
  instance_id: null,
  app_url: null,
  base_image: "dstack-0.5.3",
  vcpu: 2,
  memory: 4096,
  disk_size: 40,
  manifest_version: 2,
  version: "1.0.0",
  runner: "docker-compose",
  docker_compose_file: "services: {}\n",
  features: ["kms", "tproxy-net"],
  created_at: "2026-02-03T10:11:12Z",
  encrypted_env_pubkey: "c0ffee",
  user_id: 42,
  ...extra,
};

const cvmDetail = {
  id: 1234,
  name: "web-app",
  status: "running",
  teepod_id: 12,
  teepod: { id: 12, name: "prod-us-west-7" },
  app_id: "9b1e7c0d",
  vm_uuid: "5f0c3a8e-1d2b-4c6a-9e8f-7a6b5c4d3e2f",
  instance_id: "a1b2c3",
  vcpu: 2,
  memory: 4096,
  disk_size: 40,
  base_image: "dstack-0.5.3",
  encrypted_env_pubkey: null,
  listed: true,
  kms_info: kmsInfo,
  ...extra,
};

const batchStatus = {
  vm_uuid: "5f0c3a8e-1d2b-4c6a-9e8f-7a6b5c4d3e2f",
  status: "starting",
  uptime: null,
  in_progress: true,
  boot_progress: "pulling images",
  operation: { type: "start", phase: "booting", started_at: "2026-02-03T10:11:12Z", ...extra },
  ...extra,
};

const refreshResult = {
  cvm_id: 1234,
  identifier: "web-app",
  status: "rebalanced",
  old_instance_id: null,
  new_instance_id: "a1b2c3",
  source: "gateway",
  verified_with_gateway: true,
  ...extra,
};

parity("cvm-lifecycle", ZodLifecycle, VbLifecycle, {
  CvmVmNodeSchema: {
    ok: { id: 12, name: "prod-us-west-7" },
    bad: { id: 12.5, name: "prod-us-west-7" },
  },
  CvmVmSchema: { ok: cvmVm, bad: { ...cvmVm, vm_uuid: undefined } },
  CommitCvmProvisionSchema: { ok: cvmVm, bad: { ...cvmVm, memory: "4096" } },
  NoContentSchema: { ok: undefined, bad: null },
  UpdateCvmVisibilitySchema: { ok: cvmDetail, bad: { ...cvmDetail, public_urls: null } },
  CvmStatusOperationSchema: {
    ok: { type: "stop", correlation_id: null, ...extra },
    bad: { type: 3 },
  },
  CvmBatchStatusSchema: { ok: batchStatus, bad: { ...batchStatus, in_progress: "yes" } },
  GetCvmStatusBatchSchema: {
    ok: {
      [batchStatus.vm_uuid]: batchStatus,
      "0d9e8f7a-0000-4c6a-9e8f-7a6b5c4d3e2f": { ...batchStatus, operation: null },
    },
    bad: [batchStatus],
  },
  InstanceIdRefreshStatusSchema: { ok: "a-status-added-later", bad: 1 },
  InstanceIdSourceSchema: { ok: "teepod_state", bad: null },
  InstanceIdRefreshResultSchema: { ok: refreshResult, bad: { ...refreshResult, cvm_id: "1234" } },
  RefreshCvmInstanceIdsSchema: {
    ok: {
      total: 2,
      scanned: 2,
      updated: 1,
      unchanged: 0,
      skipped: 1,
      conflicts: 0,
      errors: 0,
      items: [refreshResult, { ...refreshResult, status: "skipped", source: "none" }],
      ...extra,
    },
    bad: { total: 2, scanned: 2, updated: 1, unchanged: 0, skipped: 1, conflicts: 0, items: [] },
  },
});

const sysinfo = {
  os_name: "Ubuntu",
  os_version: "24.04",
  kernel_version: "6.9.0-dstack",
  cpu_model: "INTEL(R) XEON(R) PLATINUM 8558",
  num_cpus: 2,
  total_memory: 4_100_000_000,
  available_memory: 3_000_000_000,
  used_memory: 1_100_000_000,
  free_memory: 2_900_000_000,
  total_swap: 0,
  used_swap: 0,
  free_swap: 0,
  uptime: 3600,
  loadavg_one: 0.12,
  loadavg_five: 0.08,
  loadavg_fifteen: 0.05,
  disks: [{ name: "/dev/vda1", mount_point: "/", total_size: 40e9, free_size: 31e9, ...extra }],
  ...extra,
};

const certificate = {
  subject: { common_name: "web-app.dstack.example", organization: "Phala", ...extra },
  issuer: { common_name: "Dstack App CA", country: null, ...extra },
  serial_number: "0a1b2c",
  not_before: "2026-02-03T10:11:12Z",
  not_after: "2027-02-03T10:11:12Z",
  version: "V3",
  fingerprint: "AB:CD:EF",
  signature_algorithm: "ecdsa-with-SHA256",
  sans: ["web-app.dstack.example"],
  is_ca: false,
  position_in_chain: 0,
  quote: "040002008100",
  ...extra,
};

const eventLogEntry = {
  imr: 3,
  event_type: 134217729,
  digest:
    "f9974020ef507068183313d0ca808e0d1ca9b2d1ad0c61f5784e7157c362c06536f5ddacdad4451693f48fcc72fff624",
  event: "compose-hash",
  event_payload: "e3b0c442",
  ...extra,
};

const tcbInfo = {
  mrtd: "c68518a0",
  rootfs_hash: null,
  rtmr0: "85e0855a",
  rtmr1: "9b43f9f3",
  rtmr2: "7cd3f4d6",
  rtmr3: "5b6a576d",
  event_log: [eventLogEntry],
  app_compose: '{"manifest_version":2,"name":"web-app"}',
  ...extra,
};

const appCompose = {
  name: "web-app",
  docker_compose_file: "services: {}\n",
  allowed_envs: ["API_KEY"],
  manifest_version: 2,
  runner: "docker-compose",
  kms_enabled: true,
  gateway_enabled: true,
  public_logs: true,
  storage_fs: "xfs",
  port_policy: { ports: [{ port: 443, pp: true, ...extra }], restrict_mode: false, ...extra },
  salt: null,
  ...extra,
};

parity("cvm-reads", ZodReads, VbReads, {
  CvmCurrentStateSchema: {
    ok: {
      id: "5f0c3a8e",
      instance_id: null,
      name: "web-app",
      status: "hibernating",
      uptime: "3h 2m",
      ...extra,
    },
    bad: { id: "5f0c3a8e", status: "running" },
  },
  CvmDiskInfoSchema: {
    ok: sysinfo.disks[0],
    bad: {
      name: "/dev/vda1",
      mount_point: "/",
      total_size: 1,
      free_size: Number.POSITIVE_INFINITY,
    },
  },
  CvmSysinfoSchema: { ok: sysinfo, bad: { ...sysinfo, disks: null } },
  CvmSystemInfoSchema: {
    ok: {
      is_online: true,
      is_public: false,
      error: null,
      sysinfo,
      status: "running",
      in_progress: false,
      ...extra,
    },
    bad: { is_online: false, sysinfo: { ...sysinfo, uptime: "1h" } },
  },
  CvmNetworkSchema: {
    ok: {
      is_online: true,
      internal_ip: "10.0.3.2",
      latest_handshake: "2026-02-03T10:11:12Z",
      public_urls: [{ app: "https://a.example", instance: "https://i.example", ...extra }],
      ...extra,
    },
    bad: { is_online: true, public_urls: [{ app: "https://a.example" }] },
  },
  CvmContainerInfoSchema: {
    ok: {
      id: "3f2e1d",
      names: ["/web"],
      image: "nginx:1.27",
      image_id: "sha256:3f2e",
      command: null,
      created: 1_770_113_472,
      state: "running",
      status: "Up 3 hours",
      ...extra,
    },
    bad: {
      id: "3f2e1d",
      names: "/web",
      image: "nginx:1.27",
      image_id: "sha256:3f2e",
      created: 1,
      state: "running",
      status: "Up",
    },
  },
  CvmContainersStatsSchema: {
    ok: {
      is_online: true,
      docker_compose_file: "services: {}\n",
      manifest_version: "2",
      features: ["kms"],
      containers: [],
      ...extra,
    },
    bad: { is_online: true, manifest_version: true },
  },
  CvmCertificateSubjectSchema: { ok: certificate.subject, bad: { common_name: 1 } },
  CvmCertificateIssuerSchema: { ok: certificate.issuer, bad: "Dstack App CA" },
  CvmCertificateSchema: { ok: certificate, bad: { ...certificate, is_ca: undefined } },
  CvmEventLogEntrySchema: { ok: eventLogEntry, bad: { ...eventLogEntry, imr: "3" } },
  CvmTcbInfoSchema: { ok: tcbInfo, bad: { ...tcbInfo, app_compose: { name: "web-app" } } },
  CvmAttestationSchema: {
    ok: {
      name: "web-app",
      is_online: true,
      is_public: true,
      app_certificates: [certificate],
      tcb_info: tcbInfo,
      compose_file: "{}",
      ...extra,
    },
    bad: { name: "web-app", is_online: true, tcb_info: { ...tcbInfo, event_log: [{ imr: 3 }] } },
  },
  CvmUserConfigSchema: {
    ok: { hostname: "web-app", ssh_authorized_keys: ["ssh-ed25519 AAAA user@host"], ...extra },
    bad: { ssh_authorized_keys: "ssh-ed25519 AAAA" },
  },
  CvmPortPolicySchema: {
    ok: appCompose.port_policy,
    bad: { ports: [{ port: 443 }], restrict_mode: false },
  },
  CvmAppComposeSchema: { ok: appCompose, bad: { ...appCompose, docker_compose_file: null } },
  CvmTextFileSchema: { ok: "services:\n  web:\n    image: nginx\n", bad: 42 },
});

const registrationRequired = {
  status: "precondition_required",
  message: "Register the compose hash in the app contract first",
  error_code: "ERR-03-005",
  compose_hash: "e3b0c442",
  app_id: "0x9b1e7c0d",
  device_id: "7a82191b",
  kms_info: { ...kmsInfo, slug: null },
  commit_token: "ct_abc",
  commit_url: "https://cloud.phala.network/commit/ct_abc",
  api_commit_url: "https://cloud-api.phala.network/api/v1/cvms/1234/commit-update",
  onchain_status: {
    compose_hash_allowed: false,
    device_id_allowed: true,
    is_allowed: false,
    ...extra,
  },
  ...extra,
};

parity("cvm-updates", ZodUpdates, VbUpdates, {
  UpdateKmsInfoSchema: { ok: kmsInfo, bad: { ...kmsInfo, chain_id: "8453" } },
  OnchainComposeStatusSchema: {
    ok: registrationRequired.onchain_status,
    bad: { compose_hash_allowed: false, is_allowed: false },
  },
  ComposeHashRegistrationRequiredSchema: {
    ok: registrationRequired,
    bad: { ...registrationRequired, status: "in_progress" },
  },
  CvmUpdateInProgressSchema: {
    ok: { status: "in_progress", correlation_id: "c0rr", allowed_envs_changed: true, ...extra },
    bad: { status: "in_progress", allowed_envs_changed: "no" },
  },
  CvmUpdateNoChangeSchema: { ok: { status: "no_change", ...extra }, bad: { status: "no-change" } },
  CvmUpdateResultSchema: { ok: registrationRequired, bad: { status: "accepted" } },
  ProvisionCvmComposeFileUpdateResultSchema: {
    ok: {
      app_id: "0x9b1e7c0d",
      compose_hash: "e3b0c442",
      kms_info: null,
      compose_hash_registered: false,
      ...extra,
    },
    bad: { app_id: "0x9b1e7c0d" },
  },
  CvmUpdateAcceptedSchema: {
    ok: { status: "accepted", correlation_id: null, ...extra },
    bad: { status: "Accepted" },
  },
  CvmPatchResultSchema: {
    ok: { status: "accepted", correlation_id: "c0rr", ...extra },
    bad: { status: "in_progress" },
  },
  CommitCvmUpdateResultSchema: {
    ok: { status: "in_progress", ...extra },
    bad: { correlation_id: "c0rr" },
  },
});

parity("cvm-state", ZodState, VbState, {
  CvmStateEventDataSchema: {
    ok: {
      status: "starting",
      derived_status: "booting",
      id: "5f0c3a8e",
      name: "web-app",
      boot_progress: "pulling images",
      ...extra,
    },
    bad: { name: "web-app" },
  },
  CvmStateCompleteEventDataSchema: {
    ok: { status: "running", target: "running", elapsed: 42.5, ...extra },
    bad: { status: "running", target: "running", elapsed: "42.5" },
  },
  CvmStateTimeoutEventDataSchema: {
    ok: { error: "timeout", target: "running", elapsed: 300, ...extra },
    bad: { error: "timeout", elapsed: 300 },
  },
  CvmStateErrorEventDataSchema: {
    ok: { error: "watch_failed", message: null, ...extra },
    bad: { error: null },
  },
});

const revision = {
  revision_id: "rev_01HZY",
  app_id: "9b1e7c0d",
  vm_uuid: "5f0c3a8e-1d2b-4c6a-9e8f-7a6b5c4d3e2f",
  compose_hash: "e3b0c442",
  created_at: "2026-02-03T10:11:12Z",
  trace_id: null,
  operation_type: "compose_update",
  triggered_by: { object_type: "user", id: "u_1", username: "alice", ...extra },
  cvm: { object_type: "cvm", id: "5f0c3a8e", name: "web-app", ...extra },
  workspace: { object_type: "workspace", id: "ws_1", name: "Acme", slug: "acme", ...extra },
  ...extra,
};

const attestationInstance = {
  vm_uuid: "5f0c3a8e-1d2b-4c6a-9e8f-7a6b5c4d3e2f",
  name: "web-app",
  instance_id: "a1b2c3",
  status: "running",
  image_version: "dstack-0.5.3",
  quote: "040002008100",
  device_id: "7a82191b",
  pcesvn: 13,
  tcb_info: tcbInfo,
  app_certificates: [certificate],
  ...extra,
};

const appAttestationKmsInfo = {
  contract_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
  chain_id: "8453",
  version: "v0.5.3",
  url: "https://kms.base.phala.network",
  gateway_app_id: null,
  gateway_app_url: "https://gateway.base.phala.network",
  kms_type: "base",
  ...extra,
};

const guestAgentInfo = {
  app_id: "kms",
  instance_id: "i_1",
  app_name: "kms",
  device_id: null,
  ...extra,
};

const deviceAllowlistItem = {
  device_id: "7a82191b",
  node_name: "prod-us-west-7",
  allowed_onchain: true,
  status: "allowed",
  cvm_ids: [1234, 1235],
  ...extra,
};

const appInstance = {
  ...cvmVm,
  encrypted_env_pubkey: null,
  app_auth_contract_address: "0x9b1e7c0d",
};

const isAllowed = {
  cvm_id: null,
  app_contract_address: "0x9b1e7c0d",
  compose_hash: "e3b0c442",
  device_id: "7a82191b",
  compose_hash_allowed: true,
  allow_any_device: false,
  device_id_allowed: true,
  is_allowed: true,
  ...extra,
};

parity("app-extras", ZodAppExtras, VbAppExtras, {
  AppRevisionCvmRefSchema: { ok: revision.cvm, bad: { ...revision.cvm, object_type: "app" } },
  AppRevisionSchema: {
    ok: revision,
    bad: { ...revision, triggered_by: { object_type: "workspace" } },
  },
  AppRevisionsResponseSchema: {
    ok: { revisions: [revision], total: 1, page: 1, page_size: 20, total_pages: 1, ...extra },
    bad: { revisions: [revision], total: 1, page: 1.5, page_size: 20, total_pages: 1 },
  },
  AppRevisionDetailSchema: {
    ok: {
      ...revision,
      compose_file: { manifest_version: 2, nested: { kept: [1, "x"] } },
      encrypted_env: "ab12",
      user_config: null,
    },
    bad: { ...revision, compose_file: ["not", "an", "object"] },
  },
  AppFilterOptionsSchema: {
    ok: {
      statuses: ["running"],
      image_versions: ["dstack-0.5.3"],
      instance_types: ["tdx.small"],
      kms_slugs: ["base-prod"],
      kms_types: ["base"],
      regions: ["us-west"],
      nodes: ["prod-us-west-7"],
      ...extra,
    },
    bad: {
      statuses: ["running"],
      image_versions: [],
      instance_types: [],
      kms_slugs: [],
      kms_types: [],
      regions: [],
    },
  },
  AppAttestationKmsInfoSchema: {
    ok: appAttestationKmsInfo,
    bad: { ...appAttestationKmsInfo, chain_id: 8453 },
  },
  GuestAgentInfoSchema: { ok: guestAgentInfo, bad: { app_id: 1 } },
  AppAttestationInstanceSchema: {
    ok: attestationInstance,
    bad: { ...attestationInstance, pcesvn: "13" },
  },
  AppAttestationResponseSchema: {
    ok: {
      app_id: "9b1e7c0d",
      contract_address: "0x9b1e7c0d",
      kms_info: appAttestationKmsInfo,
      instances: [attestationInstance, { name: "stopped", error: "not running" }],
      kms_guest_agent_info: guestAgentInfo,
      gateway_guest_agent_info: null,
      qemu_version: "9.1.0",
      ...extra,
    },
    bad: {
      app_id: "9b1e7c0d",
      contract_address: "0x9b1e7c0d",
      kms_info: appAttestationKmsInfo,
      instances: [],
      kms_guest_agent_info: null,
      gateway_guest_agent_info: null,
    },
  },
  DeviceAllowlistItemSchema: {
    ok: deviceAllowlistItem,
    bad: { ...deviceAllowlistItem, cvm_ids: ["1234"] },
  },
  DeviceAllowlistResponseSchema: {
    ok: { is_onchain_kms: false, allow_any_device: null, ...extra },
    bad: { is_onchain_kms: true, devices: null },
  },
  AppInstanceSchema: { ok: appInstance, bad: { ...appInstance, vcpu: 1.5 } },
  CreateAppInstanceResultSchema: {
    ok: registrationRequired,
    bad: { ...registrationRequired, message: undefined },
  },
  CreateAppInstanceBodySchema: {
    ok: {
      name: "web-app-2",
      node_id: 12,
      compose_hash: "e3b0c442",
      token: "ct_abc",
      transaction_hash: "0xdeadbeef",
      ...extra,
    },
    bad: { node_id: "12" },
  },
  IsAllowedResultSchema: { ok: isAllowed, bad: { ...isAllowed, is_allowed: null } },
  AppCvmsIsAllowedResponseSchema: {
    ok: {
      is_onchain: true,
      results: [{ ...isAllowed, cvm_id: "5f0c3a8e" }],
      total: 1,
      allowed_count: 1,
      ...extra,
    },
    bad: { is_onchain: true, results: [isAllowed] },
  },
  CheckAppIsAllowedBodySchema: {
    ok: { compose_hash: "e3b0c442", chain_id: 8453, ...extra },
    bad: { chain_id: 8453 },
  },
  CheckCvmIsAllowedBodySchema: { ok: { device_id: "7a82191b", ...extra }, bad: { node_id: null } },
});

describe("app-extras", () => {
  it("createAppInstance: an instance parses as the instance, in both", () => {
    const fromZod = ZodAppExtras.CreateAppInstanceResultSchema.parse(appInstance);
    const fromVb = v.parse(VbAppExtras.CreateAppInstanceResultSchema, appInstance);
    expect(fromVb).toStrictEqual(fromZod);
    expect(fromVb).toHaveProperty("teepod_id", 12);
  });

  it("defaults are filled with a fresh value on every parse", () => {
    const body = { is_onchain: false };
    const first = v.parse(VbAppExtras.AppCvmsIsAllowedResponseSchema, body);
    const second = v.parse(VbAppExtras.AppCvmsIsAllowedResponseSchema, body);
    expect(first).toStrictEqual(ZodAppExtras.AppCvmsIsAllowedResponseSchema.parse(body));
    expect(first.results).not.toBe(second.results);
    expect(first.skipped_cvm_ids).not.toBe(second.skipped_cvm_ids);
  });
});

describe("cvm-state event map", () => {
  it("names the same events", () => {
    expect(Object.keys(VbState.cvmStateEventDataSchemas)).toEqual(
      Object.keys(ZodState.cvmStateEventDataSchemas),
    );
  });
});

describe("numbers", () => {
  it("reject what zod rejects: unsafe integers and Infinity", () => {
    for (const cvm_id of [2 ** 53, 1e300, Number.POSITIVE_INFINITY, Number.NaN, 1.5]) {
      const body = { ...refreshResult, cvm_id };
      expect(ZodLifecycle.InstanceIdRefreshResultSchema.safeParse(body).success).toBe(false);
      expect(v.safeParse(VbLifecycle.InstanceIdRefreshResultSchema, body).success).toBe(false);
    }
    for (const elapsed of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      const body = { status: "running", target: "running", elapsed };
      expect(ZodState.CvmStateCompleteEventDataSchema.safeParse(body).success).toBe(false);
      expect(v.safeParse(VbState.CvmStateCompleteEventDataSchema, body).success).toBe(false);
    }
  });
});

// Inferred output types: every schema of each file, by name, must be identical.
type Outputs<M> = {
  [K in keyof M as K extends `${string}Schema` ? K : never]: M[K] extends StandardSchemaV1
    ? StandardSchemaV1.InferOutput<M[K]>
    : never;
};

describe("inferred output types", () => {
  it("are identical for every schema", () => {
    expectTypeOf<Outputs<typeof VbProvision>>().toEqualTypeOf<Outputs<typeof ZodProvision>>();
    expectTypeOf<Outputs<typeof VbLifecycle>>().toEqualTypeOf<Outputs<typeof ZodLifecycle>>();
    expectTypeOf<Outputs<typeof VbReads>>().toEqualTypeOf<Outputs<typeof ZodReads>>();
    expectTypeOf<Outputs<typeof VbUpdates>>().toEqualTypeOf<Outputs<typeof ZodUpdates>>();
    expectTypeOf<Outputs<typeof VbState>>().toEqualTypeOf<Outputs<typeof ZodState>>();
    expectTypeOf<Outputs<typeof VbAppExtras>>().toEqualTypeOf<Outputs<typeof ZodAppExtras>>();
  });
});

describe("exported types", () => {
  it("are identical, name by name", () => {
    expectTypeOf<VbProvision.ProvisionCvm>().toEqualTypeOf<ZodProvision.ProvisionCvm>();
    expectTypeOf<VbProvision.ProvisionComposeFile>().toEqualTypeOf<ZodProvision.ProvisionComposeFile>();
    expectTypeOf<VbProvision.ProvisionCvmRequest>().toEqualTypeOf<ZodProvision.ProvisionCvmRequest>();
    expectTypeOf<VbProvision.CommitCvmProvisionRequest>().toEqualTypeOf<ZodProvision.CommitCvmProvisionRequest>();
    expectTypeOf<VbLifecycle.CvmVmNode>().toEqualTypeOf<ZodLifecycle.CvmVmNode>();
    expectTypeOf<VbLifecycle.CvmVm>().toEqualTypeOf<ZodLifecycle.CvmVm>();
    expectTypeOf<VbLifecycle.CommitCvmProvision>().toEqualTypeOf<ZodLifecycle.CommitCvmProvision>();
    expectTypeOf<VbLifecycle.NoContent>().toEqualTypeOf<ZodLifecycle.NoContent>();
    expectTypeOf<VbLifecycle.UpdateCvmVisibility>().toEqualTypeOf<ZodLifecycle.UpdateCvmVisibility>();
    expectTypeOf<VbLifecycle.CvmStatusOperation>().toEqualTypeOf<ZodLifecycle.CvmStatusOperation>();
    expectTypeOf<VbLifecycle.CvmBatchStatus>().toEqualTypeOf<ZodLifecycle.CvmBatchStatus>();
    expectTypeOf<VbLifecycle.GetCvmStatusBatch>().toEqualTypeOf<ZodLifecycle.GetCvmStatusBatch>();
    expectTypeOf<VbLifecycle.InstanceIdRefreshResult>().toEqualTypeOf<ZodLifecycle.InstanceIdRefreshResult>();
    expectTypeOf<VbLifecycle.RefreshCvmInstanceIds>().toEqualTypeOf<ZodLifecycle.RefreshCvmInstanceIds>();
    expectTypeOf<VbReads.CvmCurrentState>().toEqualTypeOf<ZodReads.CvmCurrentState>();
    expectTypeOf<VbReads.CvmDiskInfo>().toEqualTypeOf<ZodReads.CvmDiskInfo>();
    expectTypeOf<VbReads.CvmSysinfo>().toEqualTypeOf<ZodReads.CvmSysinfo>();
    expectTypeOf<VbReads.CvmSystemInfo>().toEqualTypeOf<ZodReads.CvmSystemInfo>();
    expectTypeOf<VbReads.CvmNetwork>().toEqualTypeOf<ZodReads.CvmNetwork>();
    expectTypeOf<VbReads.CvmContainerInfo>().toEqualTypeOf<ZodReads.CvmContainerInfo>();
    expectTypeOf<VbReads.CvmContainersStats>().toEqualTypeOf<ZodReads.CvmContainersStats>();
    expectTypeOf<VbReads.CvmCertificateSubject>().toEqualTypeOf<ZodReads.CvmCertificateSubject>();
    expectTypeOf<VbReads.CvmCertificateIssuer>().toEqualTypeOf<ZodReads.CvmCertificateIssuer>();
    expectTypeOf<VbReads.CvmCertificate>().toEqualTypeOf<ZodReads.CvmCertificate>();
    expectTypeOf<VbReads.CvmEventLogEntry>().toEqualTypeOf<ZodReads.CvmEventLogEntry>();
    expectTypeOf<VbReads.CvmTcbInfo>().toEqualTypeOf<ZodReads.CvmTcbInfo>();
    expectTypeOf<VbReads.CvmAttestation>().toEqualTypeOf<ZodReads.CvmAttestation>();
    expectTypeOf<VbReads.CvmUserConfig>().toEqualTypeOf<ZodReads.CvmUserConfig>();
    expectTypeOf<VbReads.CvmPortPolicy>().toEqualTypeOf<ZodReads.CvmPortPolicy>();
    expectTypeOf<VbReads.CvmAppCompose>().toEqualTypeOf<ZodReads.CvmAppCompose>();
    expectTypeOf<VbReads.CvmTextFile>().toEqualTypeOf<ZodReads.CvmTextFile>();
    expectTypeOf<VbUpdates.UpdateKmsInfo>().toEqualTypeOf<ZodUpdates.UpdateKmsInfo>();
    expectTypeOf<VbUpdates.OnchainComposeStatus>().toEqualTypeOf<ZodUpdates.OnchainComposeStatus>();
    expectTypeOf<VbUpdates.ComposeHashRegistrationRequired>().toEqualTypeOf<ZodUpdates.ComposeHashRegistrationRequired>();
    expectTypeOf<VbUpdates.CvmUpdateInProgress>().toEqualTypeOf<ZodUpdates.CvmUpdateInProgress>();
    expectTypeOf<VbUpdates.CvmUpdateNoChange>().toEqualTypeOf<ZodUpdates.CvmUpdateNoChange>();
    expectTypeOf<VbUpdates.CvmUpdateResult>().toEqualTypeOf<ZodUpdates.CvmUpdateResult>();
    expectTypeOf<VbUpdates.ProvisionCvmComposeFileUpdateResult>().toEqualTypeOf<ZodUpdates.ProvisionCvmComposeFileUpdateResult>();
    expectTypeOf<VbUpdates.CvmUpdateAccepted>().toEqualTypeOf<ZodUpdates.CvmUpdateAccepted>();
    expectTypeOf<VbUpdates.CvmPatchResult>().toEqualTypeOf<ZodUpdates.CvmPatchResult>();
    expectTypeOf<VbUpdates.CommitCvmUpdateResult>().toEqualTypeOf<ZodUpdates.CommitCvmUpdateResult>();
    expectTypeOf<VbState.CvmStateEventData>().toEqualTypeOf<ZodState.CvmStateEventData>();
    expectTypeOf<VbState.CvmStateCompleteEventData>().toEqualTypeOf<ZodState.CvmStateCompleteEventData>();
    expectTypeOf<VbState.CvmStateTimeoutEventData>().toEqualTypeOf<ZodState.CvmStateTimeoutEventData>();
    expectTypeOf<VbState.CvmStateErrorEventData>().toEqualTypeOf<ZodState.CvmStateErrorEventData>();
    expectTypeOf<VbState.CvmStateStreamEvent>().toEqualTypeOf<ZodState.CvmStateStreamEvent>();
    expectTypeOf<VbAppExtras.AppRevisionCvmRef>().toEqualTypeOf<ZodAppExtras.AppRevisionCvmRef>();
    expectTypeOf<VbAppExtras.AppRevision>().toEqualTypeOf<ZodAppExtras.AppRevision>();
    expectTypeOf<VbAppExtras.AppRevisionsResponse>().toEqualTypeOf<ZodAppExtras.AppRevisionsResponse>();
    expectTypeOf<VbAppExtras.AppRevisionDetail>().toEqualTypeOf<ZodAppExtras.AppRevisionDetail>();
    expectTypeOf<VbAppExtras.AppFilterOptions>().toEqualTypeOf<ZodAppExtras.AppFilterOptions>();
    expectTypeOf<VbAppExtras.AppAttestationKmsInfo>().toEqualTypeOf<ZodAppExtras.AppAttestationKmsInfo>();
    expectTypeOf<VbAppExtras.GuestAgentInfo>().toEqualTypeOf<ZodAppExtras.GuestAgentInfo>();
    expectTypeOf<VbAppExtras.AppAttestationInstance>().toEqualTypeOf<ZodAppExtras.AppAttestationInstance>();
    expectTypeOf<VbAppExtras.AppAttestationResponse>().toEqualTypeOf<ZodAppExtras.AppAttestationResponse>();
    expectTypeOf<VbAppExtras.DeviceAllowlistItem>().toEqualTypeOf<ZodAppExtras.DeviceAllowlistItem>();
    expectTypeOf<VbAppExtras.DeviceAllowlistResponse>().toEqualTypeOf<ZodAppExtras.DeviceAllowlistResponse>();
    expectTypeOf<VbAppExtras.AppInstance>().toEqualTypeOf<ZodAppExtras.AppInstance>();
    expectTypeOf<VbAppExtras.CreateAppInstanceResult>().toEqualTypeOf<ZodAppExtras.CreateAppInstanceResult>();
    expectTypeOf<VbAppExtras.CreateAppInstanceBody>().toEqualTypeOf<ZodAppExtras.CreateAppInstanceBody>();
    expectTypeOf<VbAppExtras.IsAllowedResult>().toEqualTypeOf<ZodAppExtras.IsAllowedResult>();
    expectTypeOf<VbAppExtras.AppCvmsIsAllowedResponse>().toEqualTypeOf<ZodAppExtras.AppCvmsIsAllowedResponse>();
    expectTypeOf<VbAppExtras.CheckAppIsAllowedBody>().toEqualTypeOf<ZodAppExtras.CheckAppIsAllowedBody>();
    expectTypeOf<VbAppExtras.CheckCvmIsAllowedBody>().toEqualTypeOf<ZodAppExtras.CheckCvmIsAllowedBody>();
  });
});
