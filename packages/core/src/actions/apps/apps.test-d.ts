import type {
  AppAttestationResponse,
  AppCvmsIsAllowedResponse,
  AppFilterOptions,
  AppRevisionDetail,
  AppRevisionsResponse,
  CreateAppInstanceResult,
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

describe("app action result types", () => {
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
    expectTypeOf<AppCvmsIsAllowedResponse["skipped_cvm_ids"]>().toEqualTypeOf<number[]>();
    expectTypeOf<AppCvmsIsAllowedResponse["results"][number]["cvm_id"]>().toEqualTypeOf<number>();
  });

  it("CVM ids: numbers until 2026-01-21, cvm_... hashids from 2026-05-22", async () => {
    const hashids = createBaseClient({ apiKey: "k", version: "2026-05-22" });
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

  it("types the arguments", () => {
    // @ts-expect-error compose_hash is required
    checkAppIsAllowed(client, { appId: "a" });
    expectTypeOf(
      (await_: AppRevisionsResponse) => await_.revisions[0]?.revision_id,
    ).returns.toEqualTypeOf<string | undefined>();
  });
});
