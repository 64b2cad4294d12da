// Runtime parity of the valibot twins of resources/{cvms/provision, cvms/lifecycle,
// cvms/reads, cvms/updates, apps, cvms/state}: one realistic body per schema is
// parsed by zod and by valibot, with the same output (unknown keys stripped,
// defaults filled), and one bad body is rejected by both. The inferred output
// types are compared at the end of the file (checked by `tsc`).
import type { StandardSchemaV1 } from "@standard-schema/spec";
import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import * as ZodApps from "../resources/apps";
import * as ZodLifecycle from "../resources/cvms/lifecycle";
import * as ZodProvision from "../resources/cvms/provision";
import * as ZodReads from "../resources/cvms/reads";
import * as ZodState from "../resources/cvms/state";
import * as ZodUpdates from "../resources/cvms/updates";
import * as ZodWire from "../wire";
import * as VbApps from "./resources/apps";
import * as VbLifecycle from "./resources/cvms/lifecycle";
import * as VbProvision from "./resources/cvms/provision";
import * as VbReads from "./resources/cvms/reads";
import * as VbState from "./resources/cvms/state";
import * as VbUpdates from "./resources/cvms/updates";
import * as VbWire from "./wire";

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

parity("cvms/provision", ZodProvision, VbProvision, {
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
    bad: { name: "web-app", compose_file: composeFile, kms: "polygon" },
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

parity("cvms/lifecycle", ZodLifecycle, VbLifecycle, {
  NoContentSchema: { ok: undefined, bad: null },
  CvmStatusOperationSchema: {
    ok: { type: "stop", correlation_id: null, ...extra },
    bad: { type: 3 },
  },
  InstanceIdRefreshStatusSchema: { ok: "a-status-added-later", bad: 1 },
  InstanceIdSourceSchema: { ok: "teepod_state", bad: null },
});

parity("cvms/reads", ZodReads, VbReads, {
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

parity("cvms/updates", ZodUpdates, VbUpdates, {
  UpdateKmsInfoSchema: { ok: kmsInfo, bad: { ...kmsInfo, chain_id: "8453" } },
  OnchainComposeStatusSchema: {
    ok: registrationRequired.onchain_status,
    bad: { compose_hash_allowed: false, is_allowed: false },
  },
  CheckCvmIsAllowedBodySchema: { ok: { device_id: "7a82191b", ...extra }, bad: { node_id: null } },
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

parity("cvms/state", ZodState, VbState, {
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

const appInstance = {
  ...cvmVm,
  encrypted_env_pubkey: null,
  app_auth_contract_address: "0x9b1e7c0d",
};

parity("apps", ZodApps, VbApps, {
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
  CheckAppIsAllowedBodySchema: {
    ok: { compose_hash: "e3b0c442", chain_id: 8453, ...extra },
    bad: { chain_id: 8453 },
  },
});

describe("apps", () => {
  it("createAppInstance: an instance parses as the instance, in both", () => {
    const fromZod = ZodWire.CreateAppInstanceResultSchema.parse(appInstance);
    const fromVb = v.parse(VbWire.CreateAppInstanceResultSchema, appInstance);
    expect(fromVb).toStrictEqual(fromZod);
    expect(fromVb).toHaveProperty("teepod_id", 12);
  });

  it("defaults are filled with a fresh value on every parse", () => {
    const body = { is_onchain: false };
    const first = v.parse(VbWire.AppCvmsIsAllowedResponseSchema, body);
    const second = v.parse(VbWire.AppCvmsIsAllowedResponseSchema, body);
    expect(first).toStrictEqual(ZodWire.AppCvmsIsAllowedResponseSchema.parse(body));
    expect(first.results).not.toBe(second.results);
    expect(first.skipped_cvm_ids).not.toBe(second.skipped_cvm_ids);
  });
});

describe("cvms/state event map", () => {
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
      expect(ZodWire.InstanceIdRefreshResultSchema.safeParse(body).success).toBe(false);
      expect(v.safeParse(VbWire.InstanceIdRefreshResultSchema, body).success).toBe(false);
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
    expectTypeOf<Outputs<typeof VbApps>>().toEqualTypeOf<Outputs<typeof ZodApps>>();
  });
});

describe("exported types", () => {
  it("are identical, name by name", () => {
    expectTypeOf<VbProvision.ProvisionComposeFile>().toEqualTypeOf<ZodProvision.ProvisionComposeFile>();
    expectTypeOf<VbProvision.ProvisionCvmRequest>().toEqualTypeOf<ZodProvision.ProvisionCvmRequest>();
    expectTypeOf<VbProvision.CommitCvmProvisionRequest>().toEqualTypeOf<ZodProvision.CommitCvmProvisionRequest>();
    expectTypeOf<VbLifecycle.NoContent>().toEqualTypeOf<ZodLifecycle.NoContent>();
    expectTypeOf<VbLifecycle.CvmStatusOperation>().toEqualTypeOf<ZodLifecycle.CvmStatusOperation>();
    expectTypeOf<VbReads.CvmTextFile>().toEqualTypeOf<ZodReads.CvmTextFile>();
    expectTypeOf<VbUpdates.UpdateKmsInfo>().toEqualTypeOf<ZodUpdates.UpdateKmsInfo>();
    expectTypeOf<VbUpdates.OnchainComposeStatus>().toEqualTypeOf<ZodUpdates.OnchainComposeStatus>();
    expectTypeOf<VbUpdates.CheckCvmIsAllowedBody>().toEqualTypeOf<ZodUpdates.CheckCvmIsAllowedBody>();
    expectTypeOf<VbUpdates.ComposeHashRegistrationRequired>().toEqualTypeOf<ZodUpdates.ComposeHashRegistrationRequired>();
    expectTypeOf<VbUpdates.CvmUpdateInProgress>().toEqualTypeOf<ZodUpdates.CvmUpdateInProgress>();
    expectTypeOf<VbUpdates.CvmUpdateNoChange>().toEqualTypeOf<ZodUpdates.CvmUpdateNoChange>();
    expectTypeOf<VbUpdates.CvmUpdateResult>().toEqualTypeOf<ZodUpdates.CvmUpdateResult>();
    expectTypeOf<VbUpdates.CvmUpdateAccepted>().toEqualTypeOf<ZodUpdates.CvmUpdateAccepted>();
    expectTypeOf<VbUpdates.CvmPatchResult>().toEqualTypeOf<ZodUpdates.CvmPatchResult>();
    expectTypeOf<VbUpdates.CommitCvmUpdateResult>().toEqualTypeOf<ZodUpdates.CommitCvmUpdateResult>();
    expectTypeOf<VbState.CvmStateEventData>().toEqualTypeOf<ZodState.CvmStateEventData>();
    expectTypeOf<VbState.CvmStateCompleteEventData>().toEqualTypeOf<ZodState.CvmStateCompleteEventData>();
    expectTypeOf<VbState.CvmStateTimeoutEventData>().toEqualTypeOf<ZodState.CvmStateTimeoutEventData>();
    expectTypeOf<VbState.CvmStateErrorEventData>().toEqualTypeOf<ZodState.CvmStateErrorEventData>();
    expectTypeOf<VbState.CvmStateStreamEvent>().toEqualTypeOf<ZodState.CvmStateStreamEvent>();
    expectTypeOf<VbApps.CreateAppInstanceBody>().toEqualTypeOf<ZodApps.CreateAppInstanceBody>();
    expectTypeOf<VbApps.CheckAppIsAllowedBody>().toEqualTypeOf<ZodApps.CheckAppIsAllowedBody>();
  });
});
