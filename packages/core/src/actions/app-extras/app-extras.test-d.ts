import type {
  AppAttestationResponse,
  AppCvmsIsAllowedResponse,
  AppFilterOptions,
  AppInstance,
  AppRevisionDetail,
  AppRevisionsResponse,
  DeviceAllowlistResponse,
  IsAllowedResult,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
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
    expectTypeOf(await createAppInstance(client, { appId: "a" })).toEqualTypeOf<AppInstance>();
    expectTypeOf(
      await checkAppIsAllowed(client, { appId: "a", compose_hash: "h" }),
    ).toEqualTypeOf<IsAllowedResult>();
    expectTypeOf(
      await checkAppCvmsIsAllowed(client, { appId: "a" }),
    ).toEqualTypeOf<AppCvmsIsAllowedResponse>();
    expectTypeOf(await checkCvmIsAllowed(client, { id: "c" })).toEqualTypeOf<IsAllowedResult>();
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
