import type {
  CommitCvmProvision,
  CommitCvmUpdateResult,
  ComposeHashRegistrationRequired,
  CvmAppCompose,
  CvmAttestation,
  CvmBatchStatus,
  CvmContainersStats,
  CvmCurrentState,
  CvmNetwork,
  CvmOperationAccepted,
  CvmPatchResult,
  CvmSystemInfo,
  CvmUpdateResult,
  CvmUserConfig,
  CvmVm,
  CvmVmV20260522,
  InstanceIdRefreshResult,
  InstanceIdRefreshResultV20260522,
  KmsInfo,
  ProvisionCvm,
  ProvisionCvmComposeFileUpdateResult,
  RefreshCvmInstanceIds,
  ReplicateCvmResultV20260522,
  UpdateKmsInfo,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import type { KmsChainField } from "../kms/get-kms-info";
import type { ComposeFileMethods } from "./get-cvm-compose-file";
import {
  commitCvmComposeFileUpdate,
  commitCvmProvision,
  commitCvmReplica,
  commitCvmUpdate,
  confirmCvmPatch,
  deleteCvm,
  getCvmAttestation,
  getCvmComposeFile,
  getCvmContainersStats,
  getCvmDockerCompose,
  getCvmNetwork,
  getCvmPreLaunchScript,
  getCvmState,
  getCvmStats,
  getCvmStatusBatch,
  getCvmUserConfig,
  patchCvm,
  provisionCvm,
  provisionCvmComposeFileUpdate,
  refreshCvmInstanceId,
  refreshCvmInstanceIds,
  replicateCvm,
  restartCvm,
  safeDeleteCvm,
  safeStartCvm,
  shutdownCvm,
  startCvm,
  stopCvm,
  type UpdateCvmVisibilityResult,
  updateCvmEnvs,
  updateCvmResources,
  updateCvmVisibility,
  updateDockerCompose,
  updateOsImage,
  updatePreLaunchScript,
} from "./index";

// Type tests of the CVM actions whose blocks cover several actions; a block
// about one action sits beside it (rename-cvm.test-d.ts, get-cvm-stats.test-d.ts ...).

const client = createBaseClient({ apiKey: "k" });
const legacy = createBaseClient({ apiKey: "k", version: "2025-10-28" });
const hashids = createBaseClient({ apiKey: "k", version: "2026-05-22" });
const latest = createBaseClient({ apiKey: "k", version: "latest" });
const compose_file = { docker_compose_file: "services: {}" };
const hash = "a".repeat(64);

// A `kms_info` has `chain` (not enumerable) unless the caller's schema (or none) was used.
/** `T` with `kms_info` replaced, as one object type (what `toEqualTypeOf` compares with). */
type KmsInfoAs<T, K> = { [P in keyof T]: P extends "kms_info" ? K : T[P] };
type ProvisionCvmWithChain = KmsInfoAs<ProvisionCvm, (KmsInfo & KmsChainField) | null>;
type RegistrationWithChain = KmsInfoAs<
  ComposeHashRegistrationRequired,
  (UpdateKmsInfo & KmsChainField) | null
>;
type UpdateResultWithChain =
  | Exclude<CvmUpdateResult, { status: "precondition_required" }>
  | RegistrationWithChain;

describe("cvm lifecycle result types", () => {
  it("creation", () => {
    expectTypeOf(
      provisionCvm(client, { name: "my-app", compose_file }),
    ).resolves.toEqualTypeOf<ProvisionCvmWithChain>();
    expectTypeOf(
      commitCvmProvision(client, { app_id: "a", compose_hash: "h" }),
    ).resolves.toEqualTypeOf<CommitCvmProvision>();
    expectTypeOf<CommitCvmProvision>().toEqualTypeOf<CvmVm>();
    expectTypeOf<ProvisionCvm["app_env_encrypt_pubkey"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ProvisionCvm["compose_hash"]>().toEqualTypeOf<string>();
  });

  it("the VM record's id: a number until 2026-01-21, the cvm_... hashid from 2026-05-22", () => {
    expectTypeOf(startCvm(client, { id: "x" })).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf(startCvm(hashids, { id: "x" })).resolves.toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(startCvm(latest, { id: "x" })).resolves.toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf<CvmVmV20260522["id"]>().toEqualTypeOf<string>();
    expectTypeOf<CvmVmV20260522["user_id"]>().toEqualTypeOf<string | null>();
    // A call may choose its version, and is typed by it.
    expectTypeOf(
      startCvm(client, { id: "x" }, { version: "2026-05-22" }),
    ).resolves.toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(
      startCvm(hashids, { id: "x" }, { version: "2026-01-21" }),
    ).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf(
      startCvm(client.withVersion("2026-06-23"), { id: "x" }),
    ).resolves.toEqualTypeOf<CvmVmV20260522>();
    const started = async () => (await startCvm(hashids, { id: "x" })).id;
    expectTypeOf(started).returns.resolves.toEqualTypeOf<string>();
    const legacyStarted = async () => (await startCvm(client, { id: "x" })).id;
    expectTypeOf(legacyStarted).returns.resolves.toEqualTypeOf<number>();

    expectTypeOf(
      commitCvmProvision(client, { app_id: "a", compose_hash: "h" }),
    ).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf(
      commitCvmProvision(hashids, { app_id: "a", compose_hash: "h" }),
    ).resolves.toEqualTypeOf<CvmVmV20260522>();
    const committed = async () =>
      (await commitCvmProvision(hashids, { app_id: "a", compose_hash: "h" })).id;
    expectTypeOf(committed).returns.resolves.toEqualTypeOf<string>();
    const legacyCommitted = async () =>
      (await commitCvmProvision(client, { app_id: "a", compose_hash: "h" })).id;
    expectTypeOf(legacyCommitted).returns.resolves.toEqualTypeOf<number>();

    expectTypeOf(stopCvm(hashids, { id: "x" })).resolves.toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(shutdownCvm(hashids, { id: "x" })).resolves.toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(restartCvm(hashids, { id: "x" })).resolves.toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(
      commitCvmReplica(hashids, { id: "x", token: "t", composeHash: "h", transactionHash: "h" }),
    ).resolves.toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(
      replicateCvm(hashids, { id: "x" }),
    ).resolves.toEqualTypeOf<ReplicateCvmResultV20260522>();
    expectTypeOf(
      refreshCvmInstanceId(hashids, { id: "x" }),
    ).resolves.toEqualTypeOf<InstanceIdRefreshResultV20260522>();
    expectTypeOf<InstanceIdRefreshResultV20260522["cvm_id"]>().toEqualTypeOf<string | null>();
    expectTypeOf<InstanceIdRefreshResult["cvm_id"]>().toEqualTypeOf<number | null>();
  });

  it("power actions resolve the VM record, the same in 2025-10-28 and 2026-01-21", () => {
    expectTypeOf(startCvm(client, { id: "x" })).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf(stopCvm(legacy, { uuid: "x" })).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf(shutdownCvm(client, { app_id: "x" })).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf(restartCvm(client, { name: "x", force: true })).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf(
      commitCvmReplica(client, { id: "x", token: "t", composeHash: "h", transactionHash: "h" }),
    ).resolves.toEqualTypeOf<CvmVm>();
    expectTypeOf<CvmVm["id"]>().toEqualTypeOf<number>();
    expectTypeOf(safeStartCvm(client, { id: "x" })).resolves.toEqualTypeOf<SafeResult<CvmVm>>();
  });

  it("a 204 resolves undefined; an accepted 202 its correlation id, status and message", () => {
    expectTypeOf(deleteCvm(client, { id: "x" })).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(
      updateCvmResources(client, { id: "x", vcpu: 2 }),
    ).resolves.toEqualTypeOf<CvmOperationAccepted>();
    expectTypeOf(
      updateOsImage(client, { id: "x", os_image_name: "dstack-0.5.4" }),
    ).resolves.toEqualTypeOf<CvmOperationAccepted>();
    expectTypeOf<CvmOperationAccepted>().toEqualTypeOf<{
      correlation_id: string | null;
      status: string | null;
      message: string | null;
    }>();
    expectTypeOf(safeDeleteCvm(client, { id: "x" })).resolves.toEqualTypeOf<
      SafeResult<undefined>
    >();
  });

  it("other results", () => {
    expectTypeOf(
      updateCvmVisibility(client, { id: "x", public_logs: true, public_sysinfo: true }),
    ).resolves.toEqualTypeOf<UpdateCvmVisibilityResult>();
    expectTypeOf<UpdateCvmVisibilityResult>().toEqualTypeOf<
      CvmPatchResult & {
        public_sysinfo: boolean;
        public_logs: boolean;
        public_tcbinfo: boolean | null;
      }
    >();
    expectTypeOf(
      refreshCvmInstanceId(client, { id: "x" }),
    ).resolves.toEqualTypeOf<InstanceIdRefreshResult>();
    expectTypeOf(refreshCvmInstanceIds(client)).resolves.toEqualTypeOf<RefreshCvmInstanceIds>();
    expectTypeOf(getCvmStatusBatch(client, { vmUuids: ["u"] })).resolves.toEqualTypeOf<
      Record<string, CvmBatchStatus>
    >();
    expectTypeOf(
      startCvm(client, { id: "x" }, { schema: false }),
    ).resolves.toEqualTypeOf<unknown>();
  });

  it("arguments", () => {
    // @ts-expect-error: two identifiers
    startCvm(client, { id: "x", name: "y" });
    // @ts-expect-error: compose_file is required
    provisionCvm(client, { name: "my-app" });
    // @ts-expect-error: kms is phala, ethereum or base (any case)
    provisionCvm(client, { name: "my-app", compose_file, kms: "solana" });
    provisionCvm(client, { name: "my-app", compose_file, kms: "base" });
    provisionCvm(client, { name: "my-app", compose_file, kms: "BASE", kms_contract_id: 1 });
    // @ts-expect-error: key_provider_mode is kms or local
    provisionCvm(client, { name: "my-app", compose_file, key_provider_mode: "tpm" });
    // @ts-expect-error: force is a boolean
    restartCvm(client, { id: "x", force: "yes" });
    // @ts-expect-error: visibility needs both flags
    updateCvmVisibility(client, { id: "x", public_logs: true });
  });
});

describe("CVM read result types", () => {
  it("are the same in both versions", () => {
    expectTypeOf(getCvmState(client, { id: "x" })).resolves.toEqualTypeOf<CvmCurrentState>();
    expectTypeOf(getCvmState(legacy, { id: "x" })).resolves.toEqualTypeOf<CvmCurrentState>();
    expectTypeOf(getCvmStats(client, { id: "x" })).resolves.toEqualTypeOf<CvmSystemInfo>();
    expectTypeOf(getCvmNetwork(client, { uuid: "x" })).resolves.toEqualTypeOf<CvmNetwork>();
    expectTypeOf(
      getCvmContainersStats(client, { app_id: "x" }),
    ).resolves.toEqualTypeOf<CvmContainersStats>();
    expectTypeOf(getCvmAttestation(client, { name: "x" })).resolves.toEqualTypeOf<CvmAttestation>();
    expectTypeOf(getCvmUserConfig(client, { id: "x" })).resolves.toEqualTypeOf<CvmUserConfig>();
    expectTypeOf(getCvmComposeFile(client, { id: "x" })).resolves.toEqualTypeOf<
      CvmAppCompose & ComposeFileMethods
    >();
  });

  it("text files are strings", () => {
    expectTypeOf(getCvmDockerCompose(client, { id: "x" })).resolves.toEqualTypeOf<string>();
    expectTypeOf(getCvmPreLaunchScript(client, { id: "x" })).resolves.toEqualTypeOf<string>();
  });

  it("fields are typed", () => {
    expectTypeOf<CvmSystemInfo["is_online"]>().toEqualTypeOf<boolean>();
    expectTypeOf<NonNullable<CvmSystemInfo["sysinfo"]>["num_cpus"]>().toEqualTypeOf<number>();
    expectTypeOf<CvmAppCompose["docker_compose_file"]>().toEqualTypeOf<string>();
  });
});

describe("CVM update result types", () => {
  it("updates resolve a union discriminated by status", async () => {
    expectTypeOf(
      updateCvmEnvs(client, { id: "x", encrypted_env: "00" }),
    ).resolves.toEqualTypeOf<UpdateResultWithChain>();
    expectTypeOf(
      updateDockerCompose(client, { id: "x", docker_compose_file: "" }),
    ).resolves.toEqualTypeOf<UpdateResultWithChain>();
    expectTypeOf(
      updatePreLaunchScript(client, { id: "x", pre_launch_script: "" }),
    ).resolves.toEqualTypeOf<UpdateResultWithChain>();
    expectTypeOf<CvmUpdateResult["status"]>().toEqualTypeOf<
      "in_progress" | "no_change" | "precondition_required"
    >();
    const result = await updateDockerCompose(client, { id: "x", docker_compose_file: "" });
    if (result.status === "precondition_required") {
      expectTypeOf(result).toEqualTypeOf<RegistrationWithChain>();
      expectTypeOf(result.kms_info?.chain).toEqualTypeOf<KmsChainField["chain"] | undefined>();
      expectTypeOf(result.compose_hash).toEqualTypeOf<string>();
      expectTypeOf(result.app_id).toEqualTypeOf<string>();
    } else if (result.status === "in_progress") {
      expectTypeOf(result.correlation_id).toEqualTypeOf<string | null>();
    }
  });

  it("patch, confirm and compose commit resolve accepted | precondition_required", async () => {
    // With the documented camelCase fields beside them (patch-cvm.test-d.ts).
    expectTypeOf(patchCvm(client, { id: "x", vcpu: 2 })).resolves.toMatchTypeOf<CvmPatchResult>();
    expectTypeOf(
      confirmCvmPatch(client, { id: "x", composeHash: hash, transactionHash: hash }),
    ).resolves.toMatchTypeOf<CvmPatchResult>();
    expectTypeOf(
      commitCvmComposeFileUpdate(client, { id: "x", compose_hash: hash }),
    ).resolves.toEqualTypeOf<CvmPatchResult>();
    expectTypeOf<CvmPatchResult["status"]>().toEqualTypeOf<"accepted" | "precondition_required">();
    const patched = await patchCvm(client, { id: "x", prepareOnly: true, docker_compose_file: "" });
    if (patched.status === "precondition_required") {
      expectTypeOf(patched.commit_token).toEqualTypeOf<string | null>();
    }
  });

  it("provision and token commit", () => {
    expectTypeOf(
      provisionCvmComposeFileUpdate(client, { id: "x", app_compose: { docker_compose_file: "" } }),
    ).resolves.toEqualTypeOf<
      KmsInfoAs<ProvisionCvmComposeFileUpdateResult, (KmsInfo & KmsChainField) | null>
    >();
    expectTypeOf(
      commitCvmUpdate(client, { id: "x", token: "t", composeHash: hash, transactionHash: hash }),
    ).resolves.toEqualTypeOf<CommitCvmUpdateResult & { correlationId: string | null }>();
  });

  it("required arguments are required", () => {
    // @ts-expect-error encrypted_env is required
    updateCvmEnvs(client, { id: "x" });
    // @ts-expect-error transactionHash is required
    confirmCvmPatch(client, { id: "x", composeHash: hash });
    // @ts-expect-error docker_compose_file is a string
    updateDockerCompose(client, { id: "x", docker_compose_file: 1 });
    // @ts-expect-error GPUs are a GpuConfig ({ gpus: [{ slot }], attach_mode }), not a count
    patchCvm(client, { id: "x", gpus: { count: 1 } });
    // @ts-expect-error attach_mode is "listed" or "all"
    patchCvm(client, { id: "x", gpus: { gpus: [], attach_mode: "some" } });
    patchCvm(client, { id: "x", gpus: { gpus: [{ slot: "0000:18:00.0" }], attach_mode: "all" } });
  });
});
