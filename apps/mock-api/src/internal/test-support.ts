// Helpers shared by the test files (not part of the package's entry points).
import {
  contractResponseSchema,
  deref,
  type JsonSchema,
  validateAgainst,
} from "@phala/cloud-contract";
import * as Schemas from "@phala/cloud-schemas";

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

// --- The API contract as the reference for the mock's bodies ---------------------

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The keys of `value` that `schema` does not name, at any depth: where the mock
 * would teach a client a field the API does not send. Of alternatives (`anyOf`),
 * the first one `value` satisfies is followed.
 */
export function keysOutsideContract(schema: JsonSchema, value: unknown, path = "$"): string[] {
  // deref throws on a `$ref` the contract does not define (validateAgainst, run
  // first on the same schema, would already have refused it).
  const resolved = deref(schema);
  if (typeof resolved !== "object") return [];
  const options = resolved.anyOf ?? resolved.oneOf;
  if (Array.isArray(options)) {
    const branch = options.find(
      (option: JsonSchema) => validateAgainst(option, value).length === 0,
    );
    return branch === undefined ? [] : keysOutsideContract(branch, value, path);
  }
  if (Array.isArray(value)) {
    if (resolved.items === undefined) return [];
    return value.flatMap((item, index) =>
      keysOutsideContract(resolved.items, item, `${path}[${index}]`),
    );
  }
  if (!isObject(value) || !isObject(resolved.properties)) return [];
  const properties = resolved.properties as Record<string, JsonSchema>;
  // An open map (`additionalProperties`) names no keys.
  const open =
    resolved.additionalProperties !== undefined && resolved.additionalProperties !== false;
  return Object.entries(value).flatMap(([key, item]) => {
    const property = properties[key];
    if (property === undefined) return open ? [] : [`${path}.${key}: not in the contract`];
    return keysOutsideContract(property, item, `${path}.${key}`);
  });
}

/**
 * Where a body of the mock breaks the contract for `operation` (`"GET /kms"`,
 * status 200 unless given, in `version`, 2026-01-21 unless given): what the
 * contract's schema rejects, and every key it does not name.
 */
export function contractMismatches(
  operation: string,
  body: unknown,
  options: { status?: number; version?: string } = {},
): string[] {
  const status = String(options.status ?? 200);
  const found = contractResponseSchema(operation, status, options.version ?? "2026-01-21");
  if (!found) return [`${operation} ${status}: the contract has no body for it`];
  return [
    ...validateAgainst(found.schema, body).map((problem) => `$${problem}`),
    ...keysOutsideContract(found.schema, body),
  ];
}

// --- The SDK's own schemas, for the shapes the reference does not document --------

/** A Standard Schema (the SDK's zod and valibot schemas both are). */
export interface SdkSchema {
  readonly "~standard": {
    validate(value: unknown): unknown;
  };
}

/** Mock-only endpoints, checked as the SDK endpoint answering the same shape. */
const SAME_SHAPE_AS: Record<string, string> = { patchCvmVisibility: "startCvm" };

/** The SDK's schema of `endpoint`'s answer in `version` (`<endpoint>ResponseSchemas[version]`). */
export function sdkSchema(endpoint: string, version: string): SdkSchema | undefined {
  const name = `${SAME_SHAPE_AS[endpoint] ?? endpoint}ResponseSchemas`;
  const table = (Schemas as unknown as Record<string, Record<string, SdkSchema> | undefined>)[name];
  return table?.[version];
}

/**
 * The SDK's schema of an answer whose shape a change after `documented` (the
 * newest version the reference documents) made, by the SDK's own change data;
 * undefined when no such change reaches the endpoint (the reference describes it).
 */
export function sdkSchemaReaching(
  endpoint: string,
  version: string,
  documented: string,
): SdkSchema | undefined {
  const sdkEndpoint = SAME_SHAPE_AS[endpoint] ?? endpoint;
  const reached = Schemas.VERSION_CHANGES.some(
    (set) =>
      set.version > documented &&
      set.version <= version &&
      set.changes.some((change) => change.endpoints.includes(sdkEndpoint)),
  );
  return reached ? sdkSchema(endpoint, version) : undefined;
}

/** What the SDK's schema rejects in `value` (`path: message`); empty when it parses. */
export function sdkSchemaProblems(schema: SdkSchema, value: unknown): string[] {
  const result = schema["~standard"].validate(value) as {
    issues?: readonly { message: string; path?: readonly unknown[] }[];
  };
  if (result instanceof Promise) throw new Error("the SDK's schemas validate synchronously");
  return (result.issues ?? []).map((issue) => {
    const path = (issue.path ?? [])
      .map((part) =>
        typeof part === "object" && part !== null && "key" in part
          ? String(part.key)
          : String(part),
      )
      .join(".");
    return `${path || "(root)"}: ${issue.message}`;
  });
}
