import type {
  CommitCvmUpdateResult,
  ComposeHashRegistrationRequired,
  CvmPatchResult,
  CvmUpdateResult,
  ProvisionCvmComposeFileUpdateResult,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import {
  commitCvmComposeFileUpdate,
  commitCvmUpdate,
  confirmCvmPatch,
  patchCvm,
  provisionCvmComposeFileUpdate,
  updateCvmEnvs,
  updateDockerCompose,
  updatePreLaunchScript,
} from "./index";

const client = createBaseClient({ apiKey: "k" });
const hash = "a".repeat(64);

describe("CVM update result types", () => {
  it("updates resolve a union discriminated by status", async () => {
    expectTypeOf(
      updateCvmEnvs(client, { id: "x", encrypted_env: "00" }),
    ).resolves.toEqualTypeOf<CvmUpdateResult>();
    expectTypeOf(
      updateDockerCompose(client, { id: "x", docker_compose_file: "" }),
    ).resolves.toEqualTypeOf<CvmUpdateResult>();
    expectTypeOf(
      updatePreLaunchScript(client, { id: "x", pre_launch_script: "" }),
    ).resolves.toEqualTypeOf<CvmUpdateResult>();
    expectTypeOf<CvmUpdateResult["status"]>().toEqualTypeOf<
      "in_progress" | "no_change" | "precondition_required"
    >();
    const result = await updateDockerCompose(client, { id: "x", docker_compose_file: "" });
    if (result.status === "precondition_required") {
      expectTypeOf(result).toEqualTypeOf<ComposeHashRegistrationRequired>();
      expectTypeOf(result.compose_hash).toEqualTypeOf<string>();
      expectTypeOf(result.app_id).toEqualTypeOf<string>();
    } else if (result.status === "in_progress") {
      expectTypeOf(result.correlation_id).toEqualTypeOf<string | null>();
    }
  });

  it("patch, confirm and compose commit resolve accepted | precondition_required", async () => {
    expectTypeOf(patchCvm(client, { id: "x", vcpu: 2 })).resolves.toEqualTypeOf<CvmPatchResult>();
    expectTypeOf(
      confirmCvmPatch(client, { id: "x", composeHash: hash, transactionHash: hash }),
    ).resolves.toEqualTypeOf<CvmPatchResult>();
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
    ).resolves.toEqualTypeOf<ProvisionCvmComposeFileUpdateResult>();
    expectTypeOf(
      commitCvmUpdate(client, { id: "x", token: "t", composeHash: hash, transactionHash: hash }),
    ).resolves.toEqualTypeOf<CommitCvmUpdateResult>();
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
