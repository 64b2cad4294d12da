import type {
  CvmInfoV20251028,
  CvmInfoV20260121,
  DstackAppListResponseV20260121,
  DstackAppWithCvmResponseV20251028,
  DstackAppWithCvmResponseV20260121,
  ListWorkspaces,
  PaginatedCvmInfosV20251028,
  PaginatedCvmInfosV20260121,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineAction } from "./action";
import {
  getAppCvms,
  getAppList,
  getCvmInfo,
  getCvmList,
  listWorkspaces,
  safeGetCvmList,
} from "./actions";
import { createBaseClient } from "./client";
import { type PageItem, type PageIterator, paginate } from "./paginate";

const client = createBaseClient({ apiKey: "k" });
const legacyClient = createBaseClient({ apiKey: "k", version: "2025-10-28" });
const latestClient = createBaseClient({ apiKey: "k", version: "LATEST" });

const listWorkspacesLike = defineAction({
  name: "listWorkspaces",
  optionalArgs: true,
  response: z.object({
    data: z.array(z.object({ id: z.string(), slug: z.string() })),
    pagination: z.object({ has_more: z.boolean(), next_cursor: z.string().nullable() }),
  }),
  plan: (args: { cursor?: string; limit?: number }) => ({
    method: "GET",
    path: "/workspaces",
    query: { cursor: args.cursor, limit: args.limit },
  }),
});

describe("paginate item types", () => {
  it("getCvmList items follow the client's version", async () => {
    for await (const cvm of paginate(getCvmList, client, { page_size: 50 })) {
      expectTypeOf(cvm).toEqualTypeOf<CvmInfoV20260121>();
    }
    expectTypeOf(paginate(getCvmList, legacyClient)).toEqualTypeOf<
      PageIterator<CvmInfoV20251028, PaginatedCvmInfosV20251028>
    >();
    expectTypeOf(paginate(getCvmList, latestClient)).toEqualTypeOf<
      PageIterator<CvmInfoV20260121, PaginatedCvmInfosV20260121>
    >();
  });

  it("a per-call version wins over the client's", () => {
    const iterator = paginate(getCvmList, client, {}, { version: "2025-10-28" });
    expectTypeOf(iterator).toEqualTypeOf<
      PageIterator<CvmInfoV20251028, PaginatedCvmInfosV20251028>
    >();
  });

  it("getAppList items are its dstack_apps", async () => {
    expectTypeOf(paginate(getAppList, client)).toEqualTypeOf<
      PageIterator<DstackAppWithCvmResponseV20260121, DstackAppListResponseV20260121>
    >();
    expectTypeOf(await paginate(getAppList, legacyClient).toArray()).toEqualTypeOf<
      DstackAppWithCvmResponseV20251028[]
    >();
  });

  it("listWorkspaces yields its workspaces, in every version", () => {
    type Workspace = ListWorkspaces["data"][number];
    expectTypeOf(paginate(listWorkspaces, client, { limit: 50 })).toEqualTypeOf<
      PageIterator<Workspace, ListWorkspaces>
    >();
    expectTypeOf(paginate(listWorkspaces, legacyClient)).toEqualTypeOf<
      PageIterator<Workspace, ListWorkspaces>
    >();
    // @ts-expect-error listWorkspaces pages by cursor, it has no page_size
    paginate(listWorkspaces, client, { page_size: 50 });
  });

  it("cursor envelopes yield their data items", async () => {
    for await (const ws of paginate(listWorkspacesLike, client, { limit: 10 })) {
      expectTypeOf(ws).toEqualTypeOf<{ id: string; slug: string }>();
    }
  });

  it("pages() yields whole pages; schema: false makes items unknown", async () => {
    for await (const page of paginate(getCvmList, client).pages()) {
      expectTypeOf(page).toEqualTypeOf<PaginatedCvmInfosV20260121>();
    }
    expectTypeOf(paginate(getCvmList, client, {}, { schema: false })).toEqualTypeOf<
      PageIterator<unknown, unknown>
    >();
  });

  it("PageItem reads each envelope", () => {
    expectTypeOf<PageItem<{ items: number[] }>>().toEqualTypeOf<number>();
    expectTypeOf<PageItem<{ dstack_apps: string[] }>>().toEqualTypeOf<string>();
    expectTypeOf<PageItem<{ data: boolean[]; pagination: object }>>().toEqualTypeOf<boolean>();
    expectTypeOf<PageItem<{ data: boolean[] }>>().toBeNever();
    expectTypeOf<PageItem<readonly string[]>>().toEqualTypeOf<string>();
    expectTypeOf<
      PageItem<{ items: number[]; next_cursor: string | null }>
    >().toEqualTypeOf<number>();
  });

  it("refuses what is not a paginated list action, and wrong arguments", () => {
    // @ts-expect-error getCvmInfo does not return a page
    paginate(getCvmInfo, client, { id: "cvm_1" });
    // @ts-expect-error getAppCvms returns a bare array, and takes no offset to page it
    paginate(getAppCvms, client, { appId: "app_1" });
    // @ts-expect-error a safe twin resolves { success, data }, not a page
    paginate(safeGetCvmList, client);
    // @ts-expect-error page_size is a number
    paginate(getCvmList, client, { page_size: "50" });
    // @ts-expect-error unknown version
    paginate(getCvmList, client, {}, { version: "2024-01-01" });
  });
});
