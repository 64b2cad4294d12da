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
  type CvmIsAllowedResult,
  type CvmIsAllowedResultV20260522,
  type CvmVm,
  type CvmVmV20260522,
  checkCvmIsAllowed,
  commitCvmProvision,
  createBaseClient,
  createClient,
  type DstackAppListResponseV20251028,
  type DstackAppListResponseV20260121,
  type DstackAppWithCvmResponseV20251028,
  type DstackAppWithCvmResponseV20260121,
  type GetKmsListResponse,
  getAppCvms,
  getAppInfo,
  getAppList,
  getCurrentUser,
  getCvmInfo,
  getCvmList,
  getKmsList,
  type KmsContractList,
  type KnownApiVersion,
  type LatestApiVersion,
  listKmsContracts,
  type PaginatedCvmInfosV20251028,
  type PaginatedCvmInfosV20260121,
  type PhalaCloudClient,
  type PhalaCloudError,
  type ResponseMap,
  safeGetCvmInfo,
  startCvm,
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

  it("types LATEST in any case as the newest version, 2026-06-23", async () => {
    expectTypeOf<LatestApiVersion>().toEqualTypeOf<"2026-06-23">();
    expectTypeOf<KnownApiVersion>().toEqualTypeOf<
      "2025-10-28" | "2026-01-21" | "2026-05-22" | "2026-06-23"
    >();
    const latest = createClient({ version: "LaTeSt" });
    expectTypeOf(latest.version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(createClient({ version: "LATEST" }).version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(createBaseClient({ version: "latest" }).version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(client.withVersion("Latest").version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(latest.toJSON().version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(await latest.getCurrentUser()).toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf(
      await getCvmInfo(client.withVersion("latest"), { id: "x" }),
    ).toEqualTypeOf<CvmInfoDetailV20260121>();
  });

  it("a `latest` client's results are typed as 2026-06-23's", async () => {
    const latest = createClient({ apiKey: "k", version: "latest" });
    expectTypeOf(await latest.startCvm({ id: "x" })).toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf((await latest.startCvm({ id: "x" })).id).toEqualTypeOf<string>();
    expectTypeOf(await startCvm(latest, { id: "x" })).toEqualTypeOf<
      ResponseMap["2026-06-23"]["startCvm"]
    >();
    expectTypeOf(await latest.listKmsContracts()).toEqualTypeOf<KmsContractList>();
    // The pinned node list keeps its shape (each item with the SDK's `chain` added).
    expectTypeOf(await latest.getKmsList()).toExtend<GetKmsListResponse>();
  });

  it("withVersion, createClient and the per-call version type the result by the version", async () => {
    const v0623 = client.withVersion("2026-06-23");
    expectTypeOf(v0623.version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(await v0623.startCvm({ id: "x" })).toEqualTypeOf<CvmVmV20260522>();
    const v0522 = createClient({ apiKey: "k", version: "2026-05-22" });
    expectTypeOf(v0522.version).toEqualTypeOf<"2026-05-22">();
    expectTypeOf(await v0522.getCurrentUser()).toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf(await v0522.getCvmInfo({ id: "x" })).toEqualTypeOf<CvmInfoDetailV20260121>();
    expectTypeOf(await client.startCvm({ id: "x" })).toEqualTypeOf<CvmVm>();
    expectTypeOf(
      await client.startCvm({ id: "x" }, { version: "2026-05-22" }),
    ).toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(
      await startCvm(client, { id: "x" }, { version: "2026-05-22" }),
    ).toEqualTypeOf<CvmVmV20260522>();
    expectTypeOf(
      await v0522.startCvm({ id: "x" }, { version: "2026-01-21" }),
    ).toEqualTypeOf<CvmVm>();
    expectTypeOf(
      await client.startCvm({ id: "x" }, { version: "LATEST" }),
    ).toEqualTypeOf<CvmVmV20260522>();
  });
});

describe("2026-05-22: ids become hashids", () => {
  const v0522 = createClient({ apiKey: "k", version: "2026-05-22" });

  it("the VM record's id is a string from 2026-05-22, a number before", async () => {
    expectTypeOf((await v0522.startCvm({ id: "x" })).id).toEqualTypeOf<string>();
    expectTypeOf((await client.startCvm({ id: "x" })).id).toEqualTypeOf<number>();
    expectTypeOf((await legacyClient.startCvm({ id: "x" })).id).toEqualTypeOf<number>();
    const commit = { app_id: "a", compose_hash: "h" };
    expectTypeOf((await commitCvmProvision(v0522, commit)).id).toEqualTypeOf<string>();
    expectTypeOf((await commitCvmProvision(client, commit)).id).toEqualTypeOf<number>();
    expectTypeOf((await v0522.commitCvmProvision(commit)).user_id).toEqualTypeOf<string | null>();
  });

  it("checkCvmIsAllowed's cvm_id is a string from 2026-05-22, a number before", async () => {
    expectTypeOf(
      await checkCvmIsAllowed(v0522, { id: "x" }),
    ).toEqualTypeOf<CvmIsAllowedResultV20260522>();
    expectTypeOf((await v0522.checkCvmIsAllowed({ id: "x" })).cvm_id).toEqualTypeOf<
      string | null
    >();
    expectTypeOf(await client.checkCvmIsAllowed({ id: "x" })).toEqualTypeOf<CvmIsAllowedResult>();
    expectTypeOf((await client.checkCvmIsAllowed({ id: "x" })).cvm_id).toEqualTypeOf<
      number | null
    >();
  });
});

describe("2026-06-23: KMS contracts", () => {
  it("contract_address is on listKmsContracts items, not on getKmsList items", async () => {
    const contracts = await listKmsContracts(client);
    expectTypeOf(contracts.items[0]!.contract_address).toEqualTypeOf<string>();
    const nodes = await getKmsList(client.withVersion("2026-06-23"));
    expectTypeOf(nodes.items[0]!).not.toHaveProperty("contract_address");
    // @ts-expect-error: a KMS node has kms_contract_address, not contract_address
    nodes.items[0]!.contract_address;
    expectTypeOf(nodes.items[0]!.kms_contract_address).toEqualTypeOf<string | null>();
  });

  it("the new actions are methods of createClient's client", () => {
    expectTypeOf(client.getCvmCreateResources).toBeFunction();
    expectTypeOf(client.renameCvm).toBeFunction();
    expectTypeOf(client.getKmsContract).toBeFunction();
    expectTypeOf(client.listKmsContractNodes).toBeFunction();
    expectTypeOf(client.safeListKmsContracts).toBeFunction();
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
    expectTypeOf(await anyVersion.startCvm({ id: "x" })).toEqualTypeOf<CvmVm | CvmVmV20260522>();
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
