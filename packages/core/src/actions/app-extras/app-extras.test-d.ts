import type {
  AppAttestationResponse,
  AppCvmsIsAllowedResponse,
  AppFilterOptions,
  AppInstance,
  AppRevisionDetail,
  AppRevisionsResponse,
  ComposeHashRegistrationRequired,
  CreateAppInstanceResult,
  CvmIsAllowedResult,
  DeviceAllowlistResponse,
  IsAllowedResult,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import { isComposeHashRegistrationRequired } from "../../registration";
import {
  checkAppCvmsIsAllowed,
  checkAppIsAllowed,
  checkCvmIsAllowed,
  createAppInstance,
  getAppAttestation,
  getAppDeviceAllowlist,
  getAppFilterOptions,
  getAppRevisionDetail,
  getAppRevisions,
  safeGetAppFilterOptions,
} from "./index";

const client = createBaseClient({ apiKey: "k" });
const legacy = createBaseClient({ apiKey: "k", version: "2025-10-28" });

describe("app extras result types", () => {
  it("are the same in every version", async () => {
    expectTypeOf(
      await getAppRevisions(client, { appId: "a" }),
    ).toEqualTypeOf<AppRevisionsResponse>();
    expectTypeOf(
      await getAppRevisions(legacy, { appId: "a" }),
    ).toEqualTypeOf<AppRevisionsResponse>();
    expectTypeOf(
      await getAppRevisionDetail(client, { appId: "a", revisionId: "r" }),
    ).toEqualTypeOf<AppRevisionDetail>();
    expectTypeOf(await getAppFilterOptions(client)).toEqualTypeOf<AppFilterOptions>();
    expectTypeOf(await safeGetAppFilterOptions(client)).toEqualTypeOf<
      SafeResult<AppFilterOptions>
    >();
    expectTypeOf(
      await getAppAttestation(client, { appId: "a" }),
    ).toEqualTypeOf<AppAttestationResponse>();
    expectTypeOf(
      await getAppDeviceAllowlist(client, { appId: "a" }),
    ).toEqualTypeOf<DeviceAllowlistResponse>();
    expectTypeOf(
      await createAppInstance(client, { appId: "a" }),
    ).toEqualTypeOf<CreateAppInstanceResult>();
    expectTypeOf(
      await checkAppIsAllowed(client, { appId: "a", compose_hash: "h" }),
    ).toEqualTypeOf<IsAllowedResult>();
    expectTypeOf(
      await checkAppCvmsIsAllowed(client, { appId: "a" }),
    ).toEqualTypeOf<AppCvmsIsAllowedResponse>();
    expectTypeOf(await checkCvmIsAllowed(client, { id: "c" })).toEqualTypeOf<CvmIsAllowedResult>();
    expectTypeOf<CvmIsAllowedResult["cvm_id"]>().toEqualTypeOf<number | null>();
    expectTypeOf<AppCvmsIsAllowedResponse["skipped_cvm_ids"]>().toEqualTypeOf<number[]>();
    expectTypeOf<AppCvmsIsAllowedResponse["results"][number]["cvm_id"]>().toEqualTypeOf<number>();
  });

  it("CVM ids: numbers until 2026-01-21, cvm_... hashids from 2026-05-22", async () => {
    const hashids = createBaseClient({ apiKey: "k", version: "2026-05-22" });
    const allowed = await checkCvmIsAllowed(hashids, { id: "c" });
    expectTypeOf(allowed.cvm_id).toEqualTypeOf<string | null>();
    expectTypeOf((await checkCvmIsAllowed(client, { id: "c" })).cvm_id).toEqualTypeOf<
      number | null
    >();
    expectTypeOf(
      (await checkCvmIsAllowed(client, { id: "c" }, { version: "2026-05-22" })).cvm_id,
    ).toEqualTypeOf<string | null>();
    expectTypeOf(
      (await checkCvmIsAllowed(client.withVersion("latest"), { id: "c" })).cvm_id,
    ).toEqualTypeOf<string | null>();
    const batch = await checkAppCvmsIsAllowed(hashids, { appId: "a" });
    expectTypeOf(batch.skipped_cvm_ids).toEqualTypeOf<string[]>();
    expectTypeOf<(typeof batch.results)[number]["cvm_id"]>().toEqualTypeOf<string>();
    const devices = await getAppDeviceAllowlist(hashids, { appId: "a" });
    expectTypeOf<(typeof devices.devices)[number]["cvm_ids"]>().toEqualTypeOf<string[]>();
    const instance = await createAppInstance(hashids, { appId: "a" });
    if (!isComposeHashRegistrationRequired(instance)) {
      expectTypeOf(instance.id).toEqualTypeOf<string>();
    }
  });

  it("createAppInstance: the instance or the 465 answer, told apart by the guard", async () => {
    expectTypeOf<CreateAppInstanceResult>().toEqualTypeOf<
      ComposeHashRegistrationRequired | AppInstance
    >();
    const result = await createAppInstance(legacy, { appId: "a" });
    if (isComposeHashRegistrationRequired(result)) {
      expectTypeOf(result).toEqualTypeOf<ComposeHashRegistrationRequired>();
      expectTypeOf(result.status).toEqualTypeOf<"precondition_required">();
      expectTypeOf(result.compose_hash).toEqualTypeOf<string>();
      expectTypeOf(result.commit_token).toEqualTypeOf<string | null>();
    } else {
      expectTypeOf(result).toEqualTypeOf<AppInstance>();
      expectTypeOf(result.vm_uuid).toEqualTypeOf<string | null>();
    }
    const settled = await createAppInstance(client, { appId: "a" }, { schema: false });
    expectTypeOf(settled).toBeUnknown();
    if (isComposeHashRegistrationRequired(settled)) {
      expectTypeOf(settled).toEqualTypeOf<ComposeHashRegistrationRequired>();
    }
  });

  it("types the arguments", () => {
    // @ts-expect-error compose_hash is required
    checkAppIsAllowed(client, { appId: "a" });
    // @ts-expect-error name the CVM once
    checkCvmIsAllowed(client, { id: "c", cvmId: "d" });
    expectTypeOf(
      (await_: AppRevisionsResponse) => await_.revisions[0]?.revision_id,
    ).returns.toEqualTypeOf<string | undefined>();
  });
});
