import { type ValidationIssue, validationError } from "./errors";

/** How to read the query string: all values of a name, in order. */
export type QueryValues = (name: string) => string[];

interface IntBounds {
  ge?: number;
  le?: number;
}

const INTEGER = /^[+-]?\d+$/;
const TRUE_WORDS = new Set(["true", "1", "yes", "on", "t", "y"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off", "f", "n"]);

/**
 * Reads query parameters the way FastAPI (pydantic) validates them, collecting every
 * problem so the 422 lists them all at once, as the real API does.
 */
export class QueryReader {
  private readonly issues: ValidationIssue[] = [];

  constructor(private readonly values: QueryValues) {}

  /** A single-valued parameter takes its last occurrence, as Starlette does. */
  private last(name: string): string | undefined {
    const all = this.values(name);
    return all[all.length - 1];
  }

  int(name: string, fallback: number, bounds?: IntBounds): number;
  int(name: string, fallback: undefined, bounds?: IntBounds): number | undefined;
  int(name: string, fallback: number | undefined, bounds: IntBounds = {}): number | undefined {
    const raw = this.last(name);
    if (raw === undefined) return fallback;
    const loc = ["query", name];
    if (!INTEGER.test(raw.trim())) {
      this.issues.push({
        type: "int_parsing",
        loc,
        msg: "Input should be a valid integer, unable to parse string as an integer",
        input: raw,
      });
      return fallback;
    }
    const value = Number.parseInt(raw.trim(), 10);
    if (bounds.ge !== undefined && value < bounds.ge) {
      this.issues.push({
        type: "greater_than_equal",
        loc,
        msg: `Input should be greater than or equal to ${bounds.ge}`,
        input: raw,
        ctx: { ge: bounds.ge },
      });
      return fallback;
    }
    if (bounds.le !== undefined && value > bounds.le) {
      this.issues.push({
        type: "less_than_equal",
        loc,
        msg: `Input should be less than or equal to ${bounds.le}`,
        input: raw,
        ctx: { le: bounds.le },
      });
      return fallback;
    }
    return value;
  }

  bool(name: string): boolean | undefined {
    const raw = this.last(name);
    if (raw === undefined) return undefined;
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    this.issues.push({
      type: "bool_parsing",
      loc: ["query", name],
      msg: "Input should be a valid boolean, unable to interpret input",
      input: raw,
    });
    return undefined;
  }

  string(name: string): string | undefined {
    return this.last(name);
  }

  strings(name: string): string[] {
    return this.values(name);
  }

  /** A problem found by a rule beyond the parameter's type (a pattern, a choice). */
  fail(name: string, type: string, msg: string, input: unknown, ctx?: Record<string, unknown>) {
    this.issues.push({ type, loc: ["query", name], msg, input, ...(ctx ? { ctx } : {}) });
  }

  /** Throws the 422 when any parameter was invalid. */
  assertValid(): void {
    if (this.issues.length > 0) throw validationError(this.issues);
  }
}

/**
 * `page` (from 1) and `page_size` (1 to `maxPageSize`, default `defaultPageSize`,
 * each endpoint's own, as the contract gives them).
 */
export function readPagination(
  query: QueryReader,
  defaultPageSize: number,
  maxPageSize = 100,
): { page: number; pageSize: number } {
  const page = query.int("page", 1, { ge: 1 });
  const pageSize = query.int("page_size", defaultPageSize, { ge: 1, le: maxPageSize });
  return { page, pageSize };
}

/** Items `page` of `pageSize`, with the API's paging fields (`pages` at least 1). */
export function paged<T, U>(all: T[], page: number, pageSize: number, render: (item: T) => U) {
  return {
    items: all.slice((page - 1) * pageSize, page * pageSize).map(render),
    total: all.length,
    page,
    page_size: pageSize,
    pages: Math.max(1, Math.ceil(all.length / pageSize)),
  };
}
