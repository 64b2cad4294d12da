// Helpers shared by the test files (not part of the package's entry points).

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface RequestOptions {
  apiKey?: string;
  version?: string;
}

/** GETs `path` under a mock's base URL and parses the JSON body. */
export async function getJson(
  baseUrl: string,
  path: string,
  options: RequestOptions = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = {};
  if (options.apiKey !== undefined) headers["X-API-Key"] = options.apiKey;
  if (options.version !== undefined) headers["X-Phala-Version"] = options.version;
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/**
 * The part of a zod 4 schema this file reads: its definition tree. Typed locally
 * because the mock does not depend on zod itself, only on the schemas package.
 */
interface SchemaNode {
  def: {
    type: string;
    shape?: Record<string, SchemaNode>;
    innerType?: SchemaNode;
    element?: SchemaNode;
    options?: SchemaNode[];
  };
  safeParse(value: unknown): { success: boolean };
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch"]);

/**
 * Where `value` and `schema` disagree on object keys, at any depth. zod strips
 * unknown keys and fills defaults, so parsing alone proves neither that the mock
 * sends no extra field nor that it sends every field; this compares the key sets.
 */
export function shapeMismatches(schema: unknown, value: unknown, path = "$"): string[] {
  const node = schema as SchemaNode;
  const { def } = node;
  if (WRAPPERS.has(def.type)) {
    if (value === null || value === undefined || !def.innerType) return [];
    return shapeMismatches(def.innerType, value, path);
  }
  if (def.type === "object" && def.shape) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return [`${path}: expected an object`];
    }
    const expected = Object.keys(def.shape);
    const actual = Object.keys(value);
    const problems = [
      ...expected.filter((key) => !actual.includes(key)).map((key) => `${path}: missing ${key}`),
      ...actual.filter((key) => !expected.includes(key)).map((key) => `${path}: extra ${key}`),
    ];
    for (const key of expected) {
      const field = def.shape[key];
      if (field && key in value) {
        problems.push(
          ...shapeMismatches(field, (value as Record<string, unknown>)[key], `${path}.${key}`),
        );
      }
    }
    return problems;
  }
  if (def.type === "array" && def.element) {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    const element = def.element;
    return value.flatMap((item, index) => shapeMismatches(element, item, `${path}[${index}]`));
  }
  if (def.type === "union" && def.options) {
    const option = def.options.find((candidate) => candidate.safeParse(value).success);
    return option ? shapeMismatches(option, value, path) : [`${path}: matches no union member`];
  }
  return [];
}
