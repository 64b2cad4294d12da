import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "./action";
import { getAppList, getCvmInfo, getCvmList, listWorkspaces, safeGetCvmList } from "./actions";
import { createBaseClient } from "./client";
import {
  APIUserAbortError,
  NotFoundError,
  PhalaCloudError,
  RequestValidationError,
  ResponseValidationError,
} from "./errors";
import { paginate } from "./paginate";
import {
  appV20260121,
  cvmDetailV20260121,
  cvmV20251028,
  cvmV20260121,
  type FakeReply,
  fakeFetch,
  type RecordedCall,
  TEST_API_KEY,
  TEST_BASE_URL,
} from "./test-utils";
import type { ApiVersion } from "./versions";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A cursor-paged action shaped like `listWorkspaces` (`GET /workspaces`). */
const WorkspaceSchema = z.object({ id: z.string(), name: z.string(), slug: z.string() });
const listWorkspacesLike = defineAction({
  name: "listWorkspaces",
  optionalArgs: true,
  response: z.object({
    data: z.array(WorkspaceSchema),
    pagination: z.object({
      has_more: z.boolean(),
      next_cursor: z.string().nullable(),
      total: z.number().nullable(),
    }),
  }),
  plan: (args: { cursor?: string; limit?: number }) => ({
    method: "GET",
    path: "/workspaces",
    query: { cursor: args.cursor, limit: args.limit },
  }),
});

function query(call: RecordedCall | undefined): Record<string, string> {
  if (!call) throw new Error("fetch was not called");
  return Object.fromEntries(new URL(call.url).searchParams);
}

function named(make: () => object, index: number): object {
  return { ...make(), name: `cvm-${index}` };
}

/** Serves `count` CVMs through `GET /cvms/paginated`, honouring page and page_size. */
function cvmServer(count: number, version: ApiVersion = "2026-01-21") {
  const make: () => object = version === "2025-10-28" ? cvmV20251028 : cvmV20260121;
  return fakeFetch((call): FakeReply => {
    const q = query(call);
    const page = Number(q.page ?? 1);
    const pageSize = Number(q.page_size ?? 20);
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, count - start)) }, (_, i) =>
      named(make, start + i),
    );
    return {
      body: { items, total: count, page, page_size: pageSize, pages: Math.ceil(count / pageSize) },
    };
  });
}

function client<const V extends ApiVersion = "2026-01-21">(
  fetch: ReturnType<typeof fakeFetch>["fetch"],
  version?: V,
) {
  return createBaseClient<V>({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch, version });
}

function workspace(index: number) {
  return { id: `ws_${index}`, name: `Workspace ${index}`, slug: `ws-${index}`, tier: "pro" };
}

describe("paginate: { items, total, page, page_size, pages }", () => {
  it("yields every item of three pages, in order, then stops", async () => {
    const fake = cvmServer(5);
    const names: string[] = [];
    for await (const cvm of paginate(getCvmList, client(fake.fetch), { page_size: 2 })) {
      names.push(cvm.name);
    }
    expect(names).toEqual(["cvm-0", "cvm-1", "cvm-2", "cvm-3", "cvm-4"]);
    expect(fake.calls.map(query)).toEqual([
      { page_size: "2" },
      { page_size: "2", page: "2" },
      { page_size: "2", page: "3" },
    ]);
    for (const call of fake.calls) {
      expect(call.method).toBe("GET");
      expect(new URL(call.url).pathname).toBe("/api/v1/cvms/paginated");
      expect(call.headers["x-phala-version"]).toBe("2026-01-21");
      expect(call.headers["x-api-key"]).toBe(TEST_API_KEY);
    }
  });

  it("runs through 250 CVMs in pages of 50", async () => {
    const fake = cvmServer(250);
    const all = await paginate(getCvmList, client(fake.fetch), { page_size: 50 }).toArray();
    expect(all).toHaveLength(250);
    expect(new Set(all.map((cvm) => cvm.name)).size).toBe(250);
    expect(all[249]?.name).toBe("cvm-249");
    expect(fake.calls).toHaveLength(5);
    expect(query(fake.calls[4])).toEqual({ page: "5", page_size: "50" });
  });

  it("validates each page with the version's schema (unknown fields dropped)", async () => {
    const fake = fakeFetch({
      body: {
        items: [{ ...cvmV20260121(), added_later: 1 }],
        total: 1,
        page: 1,
        page_size: 20,
        pages: 1,
      },
    });
    const [cvm] = await paginate(getCvmList, client(fake.fetch)).toArray();
    expect(cvm).toBeDefined();
    expect(cvm).not.toHaveProperty("added_later");
    expect(cvm?.resource?.vcpu).toBe(2);
  });

  it("a page of the wrong shape fails with ResponseValidationError", async () => {
    const fake = fakeFetch({
      body: { items: [{ id: 5 }], total: 1, page: 1, page_size: 20, pages: 1 },
    });
    await expect(paginate(getCvmList, client(fake.fetch)).toArray()).rejects.toThrow(
      ResponseValidationError,
    );
  });

  it("pages in a legacy client's version, typed and validated by it", async () => {
    const fake = cvmServer(3, "2025-10-28");
    const all = await paginate(getCvmList, client(fake.fetch, "2025-10-28"), {
      page_size: 2,
    }).toArray();
    expect(all.map((cvm) => cvm.hosted.name)).toEqual([
      "price-oracle",
      "price-oracle",
      "price-oracle",
    ]);
    expect(fake.calls.map((c) => c.headers["x-phala-version"])).toEqual([
      "2025-10-28",
      "2025-10-28",
    ]);
  });

  it("sends a per-call version with every page", async () => {
    const fake = cvmServer(3, "2025-10-28");
    const all = await paginate(
      getCvmList,
      client(fake.fetch),
      { page_size: 2 },
      { version: "2025-10-28" },
    ).toArray();
    expect(all[0]?.vcpu).toBe(2);
    expect(fake.calls.map((c) => c.headers["x-phala-version"])).toEqual([
      "2025-10-28",
      "2025-10-28",
    ]);
  });

  it("starts at the page given in the arguments", async () => {
    const fake = cvmServer(10);
    const all = await paginate(getCvmList, client(fake.fetch), { page: 3, page_size: 3 }).toArray();
    expect(all.map((c) => c.name)).toEqual(["cvm-6", "cvm-7", "cvm-8", "cvm-9"]);
    expect(fake.calls.map((c) => query(c).page)).toEqual(["3", "4"]);
  });

  it("uses total and page_size when pages is absent (schema: false)", async () => {
    const fake = fakeFetch((call) => {
      const page = Number(query(call).page ?? 1);
      return { body: { items: [page * 10, page * 10 + 1], total: 5, page, page_size: 2 } };
    });
    const all = await paginate(getCvmList, client(fake.fetch), {}, { schema: false }).toArray();
    expect(all).toEqual([10, 11, 20, 21, 30, 31]);
    expect(fake.calls).toHaveLength(3);
  });

  it("makes one request for a one-page list", async () => {
    const fake = cvmServer(2);
    expect(await paginate(getCvmList, client(fake.fetch)).toArray()).toHaveLength(2);
    expect(fake.calls).toHaveLength(1);
  });

  it("an empty list yields nothing after one request", async () => {
    const fake = fakeFetch({ body: { items: [], total: 0, page: 1, page_size: 20, pages: 0 } });
    expect(await paginate(getCvmList, client(fake.fetch)).toArray()).toEqual([]);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("paginate: { dstack_apps, page, page_size, total, total_pages }", () => {
  it("yields every app of three pages and sends the filters with each", async () => {
    const fake = fakeFetch((call) => {
      const page = Number(query(call).page ?? 1);
      const dstack_apps = [1, 2].map((i) => ({ ...appV20260121(), name: `app-${page}-${i}` }));
      return { body: { dstack_apps, page, page_size: 2, total: 6, total_pages: 3 } };
    });
    const names: (string | null | undefined)[] = [];
    for await (const app of paginate(getAppList, client(fake.fetch), {
      page_size: 2,
      status: ["running"],
    })) {
      names.push(app.name);
    }
    expect(names).toEqual(["app-1-1", "app-1-2", "app-2-1", "app-2-2", "app-3-1", "app-3-2"]);
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls.map((c) => new URL(c.url).pathname)).toEqual([
      "/api/v1/apps",
      "/api/v1/apps",
      "/api/v1/apps",
    ]);
    expect(query(fake.calls[2])).toEqual({ page: "3", page_size: "2", status: "running" });
  });
});

describe("paginate: cursor { data, pagination: { has_more, next_cursor, total } }", () => {
  function cursorServer(pages: number, perPage = 2) {
    return fakeFetch((call) => {
      const cursor = query(call).cursor;
      const index = cursor ? Number(cursor.replace("c", "")) : 0;
      const data = Array.from({ length: perPage }, (_, i) => workspace(index * perPage + i));
      const hasMore = index + 1 < pages;
      return {
        body: {
          data,
          pagination: {
            has_more: hasMore,
            next_cursor: hasMore ? `c${index + 1}` : null,
            total: pages * perPage,
          },
        },
      };
    });
  }

  it("follows next_cursor across three pages, keeping the other arguments", async () => {
    const fake = cursorServer(3);
    const ids: string[] = [];
    for await (const ws of paginate(listWorkspacesLike, client(fake.fetch), { limit: 2 })) {
      ids.push(ws.id);
    }
    expect(ids).toEqual(["ws_0", "ws_1", "ws_2", "ws_3", "ws_4", "ws_5"]);
    expect(fake.calls.map(query)).toEqual([
      { limit: "2" },
      { limit: "2", cursor: "c1" },
      { limit: "2", cursor: "c2" },
    ]);
    expect(fake.calls.every((c) => new URL(c.url).pathname === "/api/v1/workspaces")).toBe(true);
  });

  it("pages listWorkspaces (GET /workspaces?cursor=&limit=)", async () => {
    const fake = fakeFetch((call) => {
      const cursor = query(call).cursor;
      const index = cursor ? Number(cursor.replace("c", "")) : 0;
      const data = [0, 1].map((i) => ({
        ...workspace(index * 2 + i),
        role: "owner",
        billing_status: "active",
        is_default: index === 0 && i === 0,
        created_at: "2026-01-21T00:00:00Z",
      }));
      const hasMore = index < 2;
      return {
        body: {
          data,
          pagination: {
            has_more: hasMore,
            next_cursor: hasMore ? `c${index + 1}` : null,
            total: 6,
          },
        },
      };
    });
    const all = await paginate(listWorkspaces, client(fake.fetch), { limit: 2 }).toArray();
    expect(all.map((w) => w.slug)).toEqual(["ws-0", "ws-1", "ws-2", "ws-3", "ws-4", "ws-5"]);
    expect(all[0]?.billing_status).toBe("active");
    expect(fake.calls.map(query)).toEqual([
      { limit: "2" },
      { limit: "2", cursor: "c1" },
      { limit: "2", cursor: "c2" },
    ]);
  });

  it("stops on a repeated cursor", async () => {
    const fake = fakeFetch((_call, index) =>
      index < 3
        ? {
            body: {
              data: [workspace(0)],
              pagination: { has_more: true, next_cursor: "same", total: null },
            },
          }
        : { status: 404, body: { detail: "looped" } },
    );
    const all = await paginate(listWorkspacesLike, client(fake.fetch)).toArray();
    expect(all.map((w) => w.id)).toEqual(["ws_0", "ws_0"]);
    expect(fake.calls.map((c) => query(c).cursor)).toEqual([undefined, "same"]);
  });

  it("stops when the next cursor is the one it started from", async () => {
    const fake = fakeFetch({
      body: {
        data: [workspace(0)],
        pagination: { has_more: true, next_cursor: "start", total: 1 },
      },
    });
    await paginate(listWorkspacesLike, client(fake.fetch), { cursor: "start" }).toArray();
    expect(fake.calls).toHaveLength(1);
  });

  it("stops when has_more is true but there is no cursor", async () => {
    const fake = fakeFetch({
      body: { data: [workspace(0)], pagination: { has_more: true, next_cursor: null, total: 9 } },
    });
    expect(await paginate(listWorkspacesLike, client(fake.fetch)).toArray()).toHaveLength(1);
    expect(fake.calls).toHaveLength(1);
  });

  it("stops on an empty page even if has_more says otherwise", async () => {
    const fake = fakeFetch((_call, index) => ({
      body: {
        data: index === 0 ? [workspace(0)] : [],
        pagination: { has_more: true, next_cursor: `c${index + 1}`, total: null },
      },
    }));
    expect(await paginate(listWorkspacesLike, client(fake.fetch)).toArray()).toHaveLength(1);
    expect(fake.calls).toHaveLength(2);
  });
});

/** Shaped like `GET /cvms/{id}/operations`: `{ items, next_cursor, total }`, `?cursor&limit`. */
const OperationSchema = z.object({ id: z.string() });
const listOperationsLike = defineAction({
  name: "listCvmOperations",
  optionalArgs: true,
  response: z.object({
    items: z.array(OperationSchema),
    next_cursor: z.string().nullable(),
    total: z.number(),
  }),
  plan: (args: { cursor?: string; limit?: number }) => ({
    method: "GET",
    path: "/cvms/web/operations",
    query: { cursor: args.cursor, limit: args.limit },
  }),
});

/** Serves `count` operations, a cursor being the index of the next one. */
function operationServer(count: number) {
  return fakeFetch((call): FakeReply => {
    const q = query(call);
    const start = Number(q.cursor ?? 0);
    const limit = Number(q.limit ?? 20);
    const end = Math.min(count, start + limit);
    const items = Array.from({ length: end - start }, (_, i) => ({ id: `op_${start + i}` }));
    return { body: { items, next_cursor: end < count ? String(end) : null, total: count } };
  });
}

describe("paginate: cursor { items, next_cursor, total }", () => {
  it("follows next_cursor until it is null", async () => {
    const fake = operationServer(5);
    const ids: string[] = [];
    for await (const operation of paginate(listOperationsLike, client(fake.fetch), { limit: 2 })) {
      ids.push(operation.id);
    }
    expect(ids).toEqual(["op_0", "op_1", "op_2", "op_3", "op_4"]);
    expect(fake.calls.map(query)).toEqual([
      { limit: "2" },
      { limit: "2", cursor: "2" },
      { limit: "2", cursor: "4" },
    ]);
  });

  it("starts at the cursor given, and stops at a cursor seen before", async () => {
    const fake = fakeFetch({ body: { items: [{ id: "op_9" }], next_cursor: "c1", total: 9 } });
    const items = await paginate(listOperationsLike, client(fake.fetch), {
      cursor: "c1",
    }).toArray();
    expect(items).toEqual([{ id: "op_9" }]);
    expect(fake.calls).toHaveLength(1);
  });
});

/** Shaped like `GET /workspace/webhooks/{id}/deliveries`: a bare array, `?limit&offset`. */
const listDeliveriesLike = defineAction({
  name: "listWebhookDeliveries",
  optionalArgs: true,
  response: z.array(z.object({ event_id: z.string() })),
  plan: (args: { limit?: number; offset?: number }) => ({
    method: "GET",
    path: "/workspace/webhooks/wh_1/deliveries",
    query: { limit: args.limit, offset: args.offset },
  }),
});

/** Serves `count` deliveries by offset; its own page size when no limit is sent. */
function deliveryServer(count: number, defaultLimit = 50) {
  return fakeFetch((call): FakeReply => {
    const q = query(call);
    const offset = Number(q.offset ?? 0);
    const limit = Number(q.limit ?? defaultLimit);
    const end = Math.min(count, offset + limit);
    return {
      body: Array.from({ length: Math.max(0, end - offset) }, (_, i) => ({
        event_id: `evt_${offset + i}`,
      })),
    };
  });
}

describe("paginate: a bare array with limit and offset", () => {
  it("stops when the list is not paged: the same page again for an offset it ignores", async () => {
    const fake = fakeFetch({ body: [{ event_id: "evt_0" }, { event_id: "evt_1" }] });
    const items = await paginate(listDeliveriesLike, client(fake.fetch)).toArray();
    expect(items).toHaveLength(2);
    expect(fake.calls).toHaveLength(2);
  });

  it("moves the offset by each page and ends at a short page", async () => {
    const fake = deliveryServer(5);
    const ids: string[] = [];
    for await (const delivery of paginate(listDeliveriesLike, client(fake.fetch), { limit: 2 })) {
      ids.push(delivery.event_id);
    }
    expect(ids).toEqual(["evt_0", "evt_1", "evt_2", "evt_3", "evt_4"]);
    expect(fake.calls.map(query)).toEqual([
      { limit: "2" },
      { limit: "2", offset: "2" },
      { limit: "2", offset: "4" },
    ]);
  });

  it("without a limit, reads until an empty page: no item is lost to an unknown page size", async () => {
    const fake = deliveryServer(7, 3);
    const items = await paginate(listDeliveriesLike, client(fake.fetch)).toArray();
    expect(items.map((d) => d.event_id)).toEqual([
      "evt_0",
      "evt_1",
      "evt_2",
      "evt_3",
      "evt_4",
      "evt_5",
      "evt_6",
    ]);
    expect(fake.calls.map(query)).toEqual([{}, { offset: "3" }, { offset: "6" }, { offset: "7" }]);
  });

  it("starts at the offset given; a full last page costs one empty request", async () => {
    const fake = deliveryServer(4);
    const items = await paginate(listDeliveriesLike, client(fake.fetch), {
      limit: 2,
      offset: 2,
    }).toArray();
    expect(items.map((d) => d.event_id)).toEqual(["evt_2", "evt_3"]);
    expect(fake.calls.map(query)).toEqual([
      { limit: "2", offset: "2" },
      { limit: "2", offset: "4" },
    ]);
  });
});

describe("paginate: guards, pages(), toArray(), options", () => {
  it("stops when the server ignores the page number (no repeated items)", async () => {
    const fake = fakeFetch((_call, index) =>
      index < 3
        ? { body: { items: [cvmV20260121()], total: 30, page: 1, page_size: 1, pages: 30 } }
        : { status: 404, body: { detail: "looped" } },
    );
    const all = await paginate(getCvmList, client(fake.fetch)).toArray();
    expect(all).toHaveLength(1);
    expect(fake.calls).toHaveLength(2);
  });

  it("stops on an empty page even if pages says there are more", async () => {
    const fake = fakeFetch((call) => {
      const page = Number(query(call).page ?? 1);
      return {
        body: {
          items: page === 1 ? [cvmV20260121()] : [],
          total: 99,
          page,
          page_size: 1,
          pages: 99,
        },
      };
    });
    expect(await paginate(getCvmList, client(fake.fetch)).toArray()).toHaveLength(1);
    expect(fake.calls).toHaveLength(2);
  });

  it("pages() yields whole validated pages", async () => {
    const fake = cvmServer(5);
    const pages = [];
    for await (const page of paginate(getCvmList, client(fake.fetch), { page_size: 2 }).pages()) {
      pages.push(page);
    }
    expect(pages.map((p) => [p.page, p.items.length, p.pages, p.total])).toEqual([
      [1, 2, 3, 5],
      [2, 2, 3, 5],
      [3, 1, 3, 5],
    ]);
  });

  it("toArray({ limit }) fetches no page beyond the one that fills it", async () => {
    const fake = cvmServer(250);
    const first = await paginate(getCvmList, client(fake.fetch), { page_size: 50 }).toArray({
      limit: 60,
    });
    expect(first).toHaveLength(60);
    expect(fake.calls).toHaveLength(2);

    const none = await paginate(getCvmList, client(fake.fetch)).toArray({ limit: 0 });
    expect(none).toEqual([]);
    expect(fake.calls).toHaveLength(2);
  });

  it.each([-1, 1.5, Number.NaN, "10"])("toArray refuses limit %s", async (limit) => {
    const fake = cvmServer(1);
    await expect(
      paginate(getCvmList, client(fake.fetch)).toArray({ limit: limit as number }),
    ).rejects.toThrow(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });

  it("is lazy: nothing is fetched until iteration, and break stops fetching", async () => {
    const fake = cvmServer(100);
    const iterator = paginate(getCvmList, client(fake.fetch), { page_size: 10 });
    expect(fake.calls).toHaveLength(0);
    let seen = 0;
    for await (const _cvm of iterator) {
      if (++seen === 15) break;
    }
    expect(fake.calls).toHaveLength(2);
  });

  it("each iteration starts again from the first page", async () => {
    const fake = cvmServer(3);
    const iterator = paginate(getCvmList, client(fake.fetch), { page_size: 2 });
    expect(await iterator.toArray()).toHaveLength(3);
    expect(await iterator.toArray()).toHaveLength(3);
    expect(fake.calls.map((c) => query(c).page)).toEqual([undefined, "2", undefined, "2"]);
  });

  it("passes the signal to every request and stops when it aborts", async () => {
    const fake = cvmServer(100);
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const cvm of paginate(
        getCvmList,
        client(fake.fetch),
        { page_size: 10 },
        { signal: controller.signal, headers: { "x-trace": "t1" } },
      )) {
        seen.push(cvm.name);
        if (seen.length === 10) controller.abort();
      }
    })();
    await expect(run).rejects.toThrow(APIUserAbortError);
    expect(seen).toHaveLength(10);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.signal).toBeDefined();
    expect(fake.calls[0]?.headers["x-trace"]).toBe("t1");
  });

  it("an API error on a later page rejects the iteration", async () => {
    const fake = fakeFetch((call) => {
      const page = Number(query(call).page ?? 1);
      if (page === 2) {
        return { status: 404, body: { detail: { error_code: "ERR-01-001", message: "gone" } } };
      }
      return { body: { items: [cvmV20260121()], total: 2, page, page_size: 1, pages: 2 } };
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const cvm of paginate(getCvmList, client(fake.fetch))) seen.push(cvm);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it("bad arguments fail before any request", async () => {
    const fake = cvmServer(1);
    await expect(
      paginate(getCvmList, client(fake.fetch), { page_size: 500 }).toArray(),
    ).rejects.toThrow(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });

  it("refuses a response that is not a page, and says so for a safe twin", async () => {
    const fake = fakeFetch({ body: cvmDetailV20260121() });
    await expect(
      paginate(getCvmInfo as never, client(fake.fetch), { id: "cvm_1" } as never).toArray(),
    ).rejects.toThrow("paginate: the response of getCvmInfo is not a page");

    const list = cvmServer(1);
    const error = await paginate(safeGetCvmList as never, client(list.fetch))
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect((error as Error).message).toContain("not its safe twin");
  });
});
