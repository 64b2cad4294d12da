import type { ActionOutput, ActionTypes, CallOptions, NoCallOptions } from "./action";
import type { AnyClient } from "./client";
import { isRecord, PhalaCloudError, RequestValidationError } from "./errors";
import type { KnownApiVersion } from "./versions";

/*
 * The API pages its lists five ways:
 *   numbered   { items, total, page, page_size, pages }              GET /cvms/paginated
 *   apps       { dstack_apps, page, page_size, total, total_pages }  GET /apps
 *   cursor     { data, pagination: { has_more, next_cursor, total } } GET /workspaces
 *   items      { items, next_cursor, total } with ?cursor&limit      GET /cvms/{id}/operations
 *   offset     a bare array, with ?limit&offset                      GET /workspace/webhooks/{id}/deliveries
 * `paginate` recognises each from the response itself, so any list action
 * with one of these envelopes pages without a registry to keep in sync.
 */

type AnyPageEnvelope =
  | { items: readonly unknown[] }
  | { dstack_apps: readonly unknown[] }
  | { data: readonly unknown[]; pagination: unknown }
  | readonly unknown[];

/**
 * An action whose response, in every version, is one page of a list. Not a
 * `safe` twin. An action answering a bare array pages only if it takes `offset`.
 */
export type PaginatedAction = {
  readonly actionName: string;
  readonly "~types"?:
    | {
        args: any;
        responses: {
          readonly [V in KnownApiVersion]: Exclude<AnyPageEnvelope, readonly unknown[]>;
        };
        optionalArgs: boolean;
        safe: false;
      }
    | {
        args: { offset?: number | undefined };
        responses: { readonly [V in KnownApiVersion]: readonly unknown[] };
        optionalArgs: boolean;
        safe: false;
      };
};

type TypesOf<A> = A extends { readonly "~types"?: infer T extends ActionTypes } ? T : never;

/** One page as the action returns it for client C and call options O. */
export type PageOf<
  A extends PaginatedAction,
  C extends AnyClient,
  O = NoCallOptions,
> = ActionOutput<TypesOf<A>["responses"], C["version"], O>;

/** The type of one list item of a page envelope. */
export type PageItem<P> = unknown extends P
  ? unknown
  : P extends readonly (infer I)[]
    ? I
    : P extends { items: readonly (infer I)[] }
      ? I
      : P extends { dstack_apps: readonly (infer I)[] }
        ? I
        : P extends { data: readonly (infer I)[]; pagination: unknown }
          ? I
          : never;

type PaginateParams<A extends PaginatedAction, O> = TypesOf<A>["optionalArgs"] extends true
  ? [args?: TypesOf<A>["args"], options?: O]
  : [args: TypesOf<A>["args"], options?: O];

/**
 * Every item of a list, page after page, fetched lazily: a page is requested
 * only when the previous one is used up, and breaking out of the loop stops.
 * Each iteration starts again from the first page.
 */
export interface PageIterator<Item, Page> extends AsyncIterable<Item> {
  /** Whole pages, as the action returns them (envelope included). */
  pages(): AsyncIterableIterator<Page>;
  /** Collects the items, stopping once `limit` are collected (no further page is fetched). */
  toArray(options?: { limit?: number }): Promise<Item[]>;
}

type NextPage =
  | { arg: "page"; value: number }
  | { arg: "cursor"; value: string }
  | { arg: "offset"; value: number };

interface ReadPage {
  items: readonly unknown[];
  /** The page number the server says it returned (numbered kinds only). */
  number: number | undefined;
  next: NextPage | undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function numberedPage(
  items: readonly unknown[],
  body: Record<string, unknown>,
  requested: number,
  lastPageField: "pages" | "total_pages",
): ReadPage {
  const number = count(body.page) ?? requested;
  const pageSize = count(body.page_size);
  const total = count(body.total);
  const lastPage =
    count(body[lastPageField]) ??
    (total !== undefined && pageSize ? Math.ceil(total / pageSize) : undefined);
  const more =
    lastPage !== undefined ? number < lastPage : pageSize !== undefined && items.length >= pageSize;
  return { items, number, next: more ? { arg: "page", value: number + 1 } : undefined };
}

/** A cursor, when there is a next one. */
function cursorAfter(more: unknown, cursor: unknown): NextPage | undefined {
  return more === true && typeof cursor === "string" && cursor !== ""
    ? { arg: "cursor", value: cursor }
    : undefined;
}

/**
 * A bare array paged by `limit`/`offset`. Without a `limit` in the arguments the
 * server's default page size is unknown, so only an empty page ends the list: one
 * request more, never an item less.
 */
function offsetPage(
  items: readonly unknown[],
  args: Record<string, unknown> | undefined,
): ReadPage {
  const limit = count(args?.limit);
  const more = items.length > 0 && (limit === undefined || items.length >= limit);
  const next = (count(args?.offset) ?? 0) + items.length;
  return { items, number: undefined, next: more ? { arg: "offset", value: next } : undefined };
}

function readPage(
  body: unknown,
  args: Record<string, unknown> | undefined,
  requested: number,
  endpoint: string,
): ReadPage {
  if (Array.isArray(body)) return offsetPage(body, args);
  if (isRecord(body)) {
    // `{ items, next_cursor }` without page numbers: the cursor kind.
    if (Array.isArray(body.items) && "next_cursor" in body && body.page === undefined) {
      return {
        items: body.items,
        number: undefined,
        next: cursorAfter(true, body.next_cursor),
      };
    }
    if (Array.isArray(body.items)) return numberedPage(body.items, body, requested, "pages");
    if (Array.isArray(body.dstack_apps)) {
      return numberedPage(body.dstack_apps, body, requested, "total_pages");
    }
    if (Array.isArray(body.data) && isRecord(body.pagination)) {
      const { has_more, next_cursor } = body.pagination;
      return { items: body.data, number: undefined, next: cursorAfter(has_more, next_cursor) };
    }
  }
  const hint =
    isRecord(body) && typeof body.success === "boolean"
      ? "; pass the action itself, not its safe twin"
      : "";
  throw new PhalaCloudError(
    `paginate: the response of ${endpoint} is not a page ({items}, {dstack_apps}, {data, pagination} or an array)${hint}`,
    { endpoint },
  );
}

function checkLimit(limit: unknown): number {
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  if (typeof limit === "number" && Number.isInteger(limit) && limit >= 0) return limit;
  throw new RequestValidationError({
    endpoint: "paginate",
    issues: [{ path: "limit", message: "expected an integer >= 0" }],
  });
}

/**
 * Iterates over every item of a paginated list action, across pages:
 *
 * ```ts
 * for await (const cvm of paginate(getCvmList, client, { page_size: 50 })) {
 *   cvm.name; // CvmInfoV20260121 on a 2026-01-21 client
 * }
 * ```
 *
 * Works with the five ways the API pages (numbered `items`/`pages`,
 * `dstack_apps`/`total_pages`, cursor `data`/`pagination`, cursor
 * `items`/`next_cursor`, and a bare array with `limit`/`offset`). `args` are
 * the action's own (a `page`, `cursor` or `offset` in them is where iteration starts);
 * `options` (`signal`, `version`, `timeout`, `headers`, `schema`) go to every
 * page's call, and items are typed by the client's version or the call's.
 *
 * It ends on the last page, and never loops: an empty page, a page number
 * that does not advance or a cursor seen before also end it. A bare array
 * ends at a page shorter than the `limit` given (without one, at an empty page).
 */
export function paginate<
  A extends PaginatedAction,
  C extends AnyClient,
  const O extends CallOptions = NoCallOptions,
>(
  action: A,
  client: C,
  ...params: PaginateParams<A, O>
): PageIterator<PageItem<PageOf<A, C, O>>, PageOf<A, C, O>> {
  const [args, options] = params as [Record<string, unknown> | undefined, CallOptions | undefined];
  const call = action as unknown as (
    client: C,
    args: unknown,
    options: CallOptions | undefined,
  ) => Promise<unknown>;
  const endpoint = action.actionName;

  async function* walk(): AsyncGenerator<{ body: unknown; items: readonly unknown[] }> {
    let pageArgs = args;
    let requested = count(args?.page) ?? 1;
    let previousNumber: number | undefined;
    let previousFirst: string | undefined;
    const seenCursors = new Set<string>();
    if (typeof args?.cursor === "string") seenCursors.add(args.cursor);
    for (;;) {
      const body = await call(client, pageArgs, options);
      const page = readPage(body, pageArgs, requested, endpoint);
      if (page.number !== undefined) {
        // A server that ignores `page` would repeat a page forever.
        if (previousNumber !== undefined && page.number <= previousNumber) return;
        previousNumber = page.number;
      } else if (Array.isArray(body)) {
        // So would a list that is not paged at all, given an `offset` it ignores.
        const first = JSON.stringify(page.items[0]);
        if (first === previousFirst) return;
        previousFirst = first;
      }
      yield { body, items: page.items };
      const next = page.next;
      if (page.items.length === 0 || !next) return;
      if (next.arg === "cursor") {
        if (seenCursors.has(next.value)) return;
        seenCursors.add(next.value);
      } else if (next.arg === "page") {
        requested = next.value;
      }
      pageArgs = { ...args, [next.arg]: next.value };
    }
  }

  async function* items() {
    for await (const page of walk()) yield* page.items;
  }

  return {
    [Symbol.asyncIterator]: () => items()[Symbol.asyncIterator](),
    pages: async function* () {
      for await (const page of walk()) yield page.body;
    },
    toArray: async ({ limit }: { limit?: number } = {}) => {
      const max = checkLimit(limit);
      const collected: unknown[] = [];
      if (max === 0) return collected;
      for await (const item of items()) {
        collected.push(item);
        if (collected.length >= max) break;
      }
      return collected;
    },
  } as PageIterator<PageItem<PageOf<A, C, O>>, PageOf<A, C, O>>;
}
