// One test per mismatch with the API contract that the schemas had before they
// were generated from it (issue 10, "Known mismatches"): each failed on the
// hand-written schemas. Both entries (zod and valibot) are checked through
// Standard Schema, as the SDK validates.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, it } from "vitest";
import {
  appListV20251028,
  appV20251028,
  cvmDetailV20251028,
  cvmListV20251028,
  cvmV20260121,
} from "./fixtures.test-support";
import * as Z from "./index";
import * as V from "./valibot/index";

type Entry = Record<string, unknown>;

function parse(entry: Entry, name: string, body: unknown): any {
  const schema = entry[name] as StandardSchemaV1;
  const result = schema["~standard"].validate(body) as StandardSchemaV1.Result<unknown>;
  if (result.issues) {
    throw new Error(`${name}: ${result.issues.map((issue) => issue.message).join("; ")}`);
  }
  return result.value;
}

const entries = [
  ["zod", Z as unknown as Entry],
  ["valibot", V as unknown as Entry],
] as const;

describe.each(entries)("%s", (_, entry) => {
  it("is-allowed ids are integers (2026-01-21 sends 0 as a placeholder)", () => {
    const item = {
      cvm_id: 0,
      app_contract_address: "0x01",
      compose_hash: "ab",
      device_id: "d1",
      compose_hash_allowed: true,
      allow_any_device: false,
      device_id_allowed: true,
      is_allowed: true,
    };
    const batch = parse(entry, "AppCvmsIsAllowedResponseSchema", {
      is_onchain: true,
      results: [item, { ...item, cvm_id: 1234 }],
      total: 3,
      allowed_count: 2,
      skipped_cvm_ids: [77],
    });
    expect(batch.results.map((result: { cvm_id: number }) => result.cvm_id)).toEqual([0, 1234]);
    expect(batch.skipped_cvm_ids).toEqual([77]);
    expect(parse(entry, "CvmIsAllowedResultSchema", item).cvm_id).toBe(0);
  });

  it("the status batch keeps the flat operation fields", () => {
    const status = parse(entry, "GetCvmStatusBatchSchema", {
      abc: {
        vm_uuid: "abc",
        status: "stopping",
        in_progress: true,
        shutdown_progress: "50%",
        events: [{ event: "boot", body: "ok", timestamp: 1 }],
        operation_type: "stop",
        operation_started_at: "2026-01-21T10:00:00Z",
        correlation_id: "corr_1",
      },
    });
    expect(status.abc).toMatchObject({
      operation_type: "stop",
      operation_started_at: "2026-01-21T10:00:00Z",
      correlation_id: "corr_1",
      shutdown_progress: "50%",
      events: [{ event: "boot", body: "ok", timestamp: 1 }],
    });
  });

  it("the visibility update answers the VM record", () => {
    const vm = {
      id: 0,
      name: "web",
      status: "running",
      teepod_id: 3,
      app_id: "app_1",
      vm_uuid: "abc",
      vcpu: 1,
      memory: 2048,
      disk_size: 20,
      created_at: "2026-01-21T10:00:00Z",
      user_id: 9,
    };
    const parsed = parse(entry, "UpdateCvmVisibilitySchema", vm);
    expect(parsed).toMatchObject({ id: 0, teepod_id: 3, user_id: 9 });
    // Nothing defaults to a value the server did not send.
    expect(parsed).not.toHaveProperty("public_sysinfo");
  });

  it("2025-10-28 visibility flags and URLs may be null", () => {
    const detail = {
      ...cvmDetailV20251028(),
      public_sysinfo: null,
      public_logs: null,
      public_urls: null,
    };
    const parsed = parse(entry, "CvmDetailV20251028Schema", detail);
    expect(parsed).toMatchObject({ public_sysinfo: null, public_logs: null, public_urls: null });
    const page = cvmListV20251028() as { items: Record<string, unknown>[] };
    page.items[0]!.contract_address = "0x0a";
    page.items[0]!.deployer_address = "0x0b";
    const listed = parse(entry, "PaginatedCvmInfosV20251028Schema", page);
    expect(listed.items[0]).toMatchObject({ contract_address: "0x0a", deployer_address: "0x0b" });
  });

  it("2025-10-28 apps come in the minimal shape too, and the full one keeps its team", () => {
    const full = { ...appV20251028(), team_slug: "acme", team_name: "Acme" };
    const page = appListV20251028() as { dstack_apps: unknown[] };
    page.dstack_apps = [full, { app_id: "f".repeat(40), name: null, cvms: null }];
    const parsed = parse(entry, "DstackAppListResponseV20251028Schema", page);
    expect(parsed.dstack_apps[0]).toMatchObject({ team_slug: "acme", team_name: "Acme" });
    expect(parsed.dstack_apps[1]).toMatchObject({ app_id: "f".repeat(40), name: null });
  });

  it("fields the API sends are kept, typed", () => {
    const cvm = {
      ...cvmV20260121(),
      hourly_rate: "0.058",
      billing_interval: "hourly",
      gpu_rental_order: { id: "ord_1" },
      kms_info: { chain_id: 8453, k256_pubkey: "02ab" },
      node_info: {
        object_type: "node",
        id: 7,
        node_id: 70,
        device_ids: [{ device_id: "d1", algorithm_version: "v1", enabled: true }],
      },
    };
    const parsed = parse(entry, "CvmInfoV20260121Schema", cvm);
    expect(parsed).toMatchObject({
      hourly_rate: "0.058",
      billing_interval: "hourly",
      gpu_rental_order: { id: "ord_1" },
      kms_info: { k256_pubkey: "02ab" },
      node_info: { node_id: 70, device_ids: [{ device_id: "d1" }] },
    });
    const user = parse(entry, "CurrentUserV20260121Schema", {
      user: {
        username: "ada",
        email: "ada@example.com",
        role: "user",
        avatar: "",
        email_verified: true,
        totp_enabled: false,
        has_backup_codes: false,
        flag_has_password: true,
      },
      workspace: { id: "wks_1", name: "Acme", slug: "acme", tier: "pro", role: "owner" },
      credits: {
        balance: "1.5",
        granted_balance: "0",
        is_post_paid: false,
        outstanding_amount: null,
      },
      features: [{ name: "gpu", enabled: true }],
    });
    expect(user.features).toMatchObject([{ name: "gpu", enabled: true }]);
    const config = parse(entry, "CvmUserConfigSchema", {
      hostname: "web",
      ssh_authorized_keys: [],
      default_gateway_domain: "dstack.example",
    });
    expect(config.default_gateway_domain).toBe("dstack.example");
  });

  it("a node of /teepods/available keeps its device ids", () => {
    const nodes = parse(entry, "AvailableNodesSchema", {
      tier: "pro",
      capacity: {},
      nodes: [
        {
          teepod_id: 3,
          name: "prod7",
          listed: true,
          resource_score: 1,
          remaining_vcpu: 8,
          remaining_memory: 16384,
          remaining_cvm_slots: 4,
          images: [],
          device_ids: [{ device_id: "d1", algorithm_version: "v1", enabled: true }],
        },
      ],
      kms_list: [],
    });
    expect(nodes.nodes[0].device_ids).toEqual([
      { device_id: "d1", algorithm_version: "v1", enabled: true },
    ]);
  });

  it("the app compose keeps every field it holds, known or not", () => {
    const compose = {
      docker_compose_file: "services: {}",
      name: "web",
      key_provider: "kms",
      swap_size: "2G",
      docker_config: { registry: "ghcr.io", username: "ada" },
      init_script: "echo hi",
      no_tee: false,
      a_field_added_later: { nested: [1] },
    };
    expect(parse(entry, "CvmAppComposeSchema", compose)).toStrictEqual(compose);
  });
});
