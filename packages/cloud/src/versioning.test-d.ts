import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  type ApiVersion,
  type CreditsInfo,
  type CurrentUserV20251028,
  type CurrentUserV20260121,
  type CvmDetailV20251028,
  type CvmInfoDetailV20260121,
  type CvmInfoV20251028,
  type CvmInfoV20260121,
  createBaseClient,
  createClient,
  type DstackAppListResponseV20251028,
  type DstackAppListResponseV20260121,
  type DstackAppWithCvmResponseV20251028,
  type DstackAppWithCvmResponseV20260121,
  getAppCvms,
  getAppInfo,
  getAppList,
  getCurrentUser,
  getCvmInfo,
  getCvmList,
  type PaginatedCvmInfosV20251028,
  type PaginatedCvmInfosV20260121,
  type PhalaCloudClient,
  type PhalaCloudError,
  type ResponseMap,
  safeGetCvmInfo,
  type UserInfo,
  type WorkspaceInfo,
} from "./index";

const client = createClient({ apiKey: "k" });
const legacyClient = client.withVersion("2025-10-28");

describe("client versions", () => {
  it("defaults to 2026-01-21 and keeps explicit versions", () => {
    expectTypeOf(client.version).toEqualTypeOf<"2026-01-21">();
    expectTypeOf(legacyClient.version).toEqualTypeOf<"2025-10-28">();
    expectTypeOf(createClient({ version: "2025-10-28" }).version).toEqualTypeOf<"2025-10-28">();
  });

  it("refuses an unknown version at compile time", () => {
    // @ts-expect-error not a known version
    createClient({ apiKey: "k", version: "2099-01-01" });
    // @ts-expect-error not a known version
    createBaseClient({ version: "2026-1-21" });
    // @ts-expect-error not a known version
    client.withVersion("v2");
    // @ts-expect-error not a known version
    getCvmInfo(client, { id: "x" }, { version: "2024-01-01" });
  });

  it("types LATEST in any case as the newest version", async () => {
    const latest = createClient({ version: "LaTeSt" });
    expectTypeOf(await latest.getCurrentUser()).toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf(
      await getCvmInfo(client.withVersion("latest"), { id: "x" }),
    ).toEqualTypeOf<CvmInfoDetailV20260121>();
  });
});

describe("the guide's table, for methods and standalone actions", () => {
  it("2026-01-21", async () => {
    expectTypeOf(await client.getCurrentUser()).toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf(await client.getCvmList()).toEqualTypeOf<PaginatedCvmInfosV20260121>();
    expectTypeOf(await client.getCvmInfo({ id: "x" })).toEqualTypeOf<CvmInfoDetailV20260121>();
    expectTypeOf(await client.getAppList()).toEqualTypeOf<DstackAppListResponseV20260121>();
    expectTypeOf(
      await client.getAppInfo({ appId: "a" }),
    ).toEqualTypeOf<DstackAppWithCvmResponseV20260121>();
    expectTypeOf(await client.getAppCvms({ appId: "a" })).toEqualTypeOf<CvmInfoV20260121[]>();
    const base = createBaseClient({ apiKey: "k", version: "2026-01-21" });
    expectTypeOf(await getCurrentUser(base)).toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf(await getCvmList(base, { page: 2 })).toEqualTypeOf<PaginatedCvmInfosV20260121>();
    expectTypeOf(await getAppList(base)).toEqualTypeOf<DstackAppListResponseV20260121>();
    expectTypeOf(
      await getAppInfo(base, { appId: "a" }),
    ).toEqualTypeOf<DstackAppWithCvmResponseV20260121>();
    expectTypeOf(await getAppCvms(base, { appId: "a" })).toEqualTypeOf<CvmInfoV20260121[]>();
  });

  it("2025-10-28", async () => {
    expectTypeOf(await legacyClient.getCurrentUser()).toEqualTypeOf<CurrentUserV20251028>();
    expectTypeOf(await legacyClient.getCvmList()).toEqualTypeOf<PaginatedCvmInfosV20251028>();
    expectTypeOf(await legacyClient.getCvmInfo({ id: "x" })).toEqualTypeOf<CvmDetailV20251028>();
    expectTypeOf(await legacyClient.getAppList()).toEqualTypeOf<DstackAppListResponseV20251028>();
    expectTypeOf(
      await legacyClient.getAppInfo({ appId: "a" }),
    ).toEqualTypeOf<DstackAppWithCvmResponseV20251028>();
    expectTypeOf(await legacyClient.getAppCvms({ appId: "a" })).toEqualTypeOf<CvmInfoV20251028[]>();
    const base = createBaseClient({ apiKey: "k", version: "2025-10-28" });
    expectTypeOf(await getCvmInfo(base, { id: "x" })).toEqualTypeOf<CvmDetailV20251028>();
  });

  it("the map is the single source of these types", () => {
    expectTypeOf<ResponseMap["2026-01-21"]["getCvmInfo"]>().toEqualTypeOf<CvmInfoDetailV20260121>();
    expectTypeOf<ResponseMap["2025-10-28"]["getAppCvms"]>().toEqualTypeOf<CvmInfoV20251028[]>();
  });
});

describe("fields a version does not have do not compile", () => {
  it("user", async () => {
    const user = await client.getCurrentUser();
    const legacyUser = await legacyClient.getCurrentUser();
    expectTypeOf(user.user).toEqualTypeOf<UserInfo>();
    expectTypeOf(user.workspace).toEqualTypeOf<WorkspaceInfo>();
    expectTypeOf(user.credits).toEqualTypeOf<CreditsInfo>();
    expectTypeOf(user.credits.balance).toEqualTypeOf<string | number>();
    expectTypeOf(legacyUser.credits).toEqualTypeOf<number>();
    // @ts-expect-error 2025-10-28 has no `user`
    legacyUser.user;
    // @ts-expect-error 2026-01-21 has no `team_name`
    user.team_name;
  });

  it("CVM", async () => {
    const cvm = await client.getCvmInfo({ id: "x" });
    const legacyCvm = await legacyClient.getCvmInfo({ id: "x" });
    expectTypeOf(cvm.resource.vcpu).toEqualTypeOf<number | null>();
    expectTypeOf(legacyCvm.vcpu).toEqualTypeOf<number>();
    // @ts-expect-error 2026-01-21 moved vcpu into `resource`
    cvm.vcpu;
    // @ts-expect-error 2025-10-28 has no `resource`
    legacyCvm.resource;
    const page = await legacyClient.getCvmList();
    expectTypeOf(page.items[0]!.node).toEqualTypeOf<{
      id: number;
      name: string;
      region_identifier: string | null;
    } | null>();
  });

  it("open enums still list the known values", async () => {
    const user = await client.getCurrentUser();
    const role: typeof user.user.role = "admin";
    expectTypeOf(role).toExtend<string>();
    expectTypeOf<"admin">().toExtend<UserInfo["role"]>();
    expectTypeOf<"owner">().toExtend<UserInfo["role"]>();
  });
});

describe("per-call options", () => {
  it("a per-call version types the result by that version", async () => {
    const base = createBaseClient({ apiKey: "k" });
    expectTypeOf(
      await getCvmInfo(base, { id: "x" }, { version: "2025-10-28" }),
    ).toEqualTypeOf<CvmDetailV20251028>();
    expectTypeOf(
      await legacyClient.getCurrentUser(undefined, { version: "2026-01-21" }),
    ).toEqualTypeOf<CurrentUserV20260121>();
  });

  it("schema: false gives unknown; a caller's schema gives its output", async () => {
    expectTypeOf(await getCvmInfo(client, { id: "x" }, { schema: false })).toEqualTypeOf<unknown>();
    const own = z.object({ id: z.string(), extra: z.number() });
    expectTypeOf(await client.getCvmInfo({ id: "x" }, { schema: own })).toEqualTypeOf<{
      id: string;
      extra: number;
    }>();
  });

  it("arguments are checked", () => {
    // @ts-expect-error id is required
    getCvmInfo(client, {});
    // @ts-expect-error one identifier at a time
    getCvmInfo(client, { id: "a", name: "b" });
    // @ts-expect-error page is a number
    getCvmList(client, { page: "1" });
    // @ts-expect-error appId is required
    client.getAppInfo();
  });
});

describe("a client whose version is a union", () => {
  it("gets the union of the shapes, not the default's", async () => {
    const either = client as PhalaCloudClient<"2025-10-28" | "2026-01-21">;
    expectTypeOf(await either.getCurrentUser()).toEqualTypeOf<
      CurrentUserV20251028 | CurrentUserV20260121
    >();
    expectTypeOf(await getCvmInfo(either, { id: "x" })).toEqualTypeOf<
      CvmDetailV20251028 | CvmInfoDetailV20260121
    >();
    const anyVersion = client as PhalaCloudClient<ApiVersion>;
    expectTypeOf(await anyVersion.getCurrentUser()).toEqualTypeOf<
      CurrentUserV20251028 | CurrentUserV20260121
    >();
  });
});

describe("safe twins", () => {
  it("resolve a discriminated result", async () => {
    const result = await safeGetCvmInfo(client, { id: "x" });
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<CvmInfoDetailV20260121>();
    else expectTypeOf(result.error).toEqualTypeOf<PhalaCloudError>();
    const legacy = await legacyClient.safeGetCvmInfo({ id: "x" });
    if (legacy.success) expectTypeOf(legacy.data).toEqualTypeOf<CvmDetailV20251028>();
  });
});

describe("extend and withVersion", () => {
  it("bound methods follow the client's version", async () => {
    const base = createBaseClient({ apiKey: "k" }).extend({ getCvmInfo, safeGetCvmInfo });
    expectTypeOf(await base.getCvmInfo({ id: "x" })).toEqualTypeOf<CvmInfoDetailV20260121>();
    const older = base.withVersion("2025-10-28");
    expectTypeOf(await older.getCvmInfo({ id: "x" })).toEqualTypeOf<CvmDetailV20251028>();
    // @ts-expect-error not extended with getCurrentUser
    older.getCurrentUser;
  });

  it("binds plain functions without their first argument", () => {
    const withHelper = createBaseClient().extend({
      describe: (c: { version: string }, prefix: string) => `${prefix}${c.version}`,
    });
    expectTypeOf(withHelper.describe).toEqualTypeOf<(prefix: string) => string>();
  });
});
