import type {
  CommitCvmProvision,
  ComposeHashRegistrationRequired,
  CvmBatchStatus,
  CvmOperationAccepted,
  CvmPatchResult,
  CvmVm,
  CvmVmV20260522,
  InstanceIdRefreshResult,
  InstanceIdRefreshResultV20260522,
  ProvisionCvm,
  RefreshCvmInstanceIds,
  ReplicateCvmResult,
  ReplicateCvmResultV20260522,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import { isComposeHashRegistrationRequired } from "../../registration";
import {
  commitCvmProvision,
  commitCvmReplica,
  deleteCvm,
  getCvmStatusBatch,
  provisionCvm,
  refreshCvmInstanceId,
  refreshCvmInstanceIds,
  renameCvm,
  replicateCvm,
  restartCvm,
  safeDeleteCvm,
  safeStartCvm,
  shutdownCvm,
  startCvm,
  stopCvm,
  type UpdateCvmVisibilityResult,
  updateCvmResources,
  updateCvmVisibility,
  updateOsImage,
} from "./index";

const client = createBaseClient({ apiKey: "k" });
const legacy = createBaseClient({ apiKey: "k", version: "2025-10-28" });
const hashids = createBaseClient({ apiKey: "k", version: "2026-05-22" });
const latest = createBaseClient({ apiKey: "k", version: "latest" });
const compose_file = { docker_compose_file: "services: {}" };

describe("cvm lifecycle result types", () => {
  it("creation", () => {
    expectTypeOf(
      provisionCvm(client, { name: "my-app", compose_file }),
    ).resolves.toEqualTypeOf<ProvisionCvm>();
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

  it("renameCvm: the hashid and the new name, resolving undefined (204)", () => {
    expectTypeOf(
      renameCvm(client, { id: "cvm_x", name: "my-app" }),
    ).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(
      renameCvm(latest, { id: "cvm_x", name: "my-app" }),
    ).resolves.toEqualTypeOf<undefined>();
    // @ts-expect-error: the CVM is named by its id only
    renameCvm(client, { uuid: "x", name: "my-app" });
    // @ts-expect-error: the new name is required
    renameCvm(client, { id: "cvm_x" });
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

  it("replicateCvm: the VM record or the 465 answer, told apart by the guard", async () => {
    expectTypeOf(
      replicateCvm(client, { id: "x", node_id: 1, prepareOnly: true }),
    ).resolves.toEqualTypeOf<ReplicateCvmResult>();
    expectTypeOf<ReplicateCvmResultV20260522>().toEqualTypeOf<
      CvmVmV20260522 | ComposeHashRegistrationRequired
    >();
    expectTypeOf<ReplicateCvmResult>().toEqualTypeOf<CvmVm | ComposeHashRegistrationRequired>();
    const result = await replicateCvm(client, { id: "x" });
    if (isComposeHashRegistrationRequired(result)) {
      expectTypeOf(result.commit_token).toEqualTypeOf<string | null>();
    } else {
      expectTypeOf(result).toEqualTypeOf<CvmVm>();
    }
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
