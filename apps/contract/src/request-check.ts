import {
  type ContractOperation,
  type ContractParameter,
  deref,
  type JsonSchema,
  matchOperation,
  operationKey,
  validateAgainst,
} from "./contract";
import { parametersOf, requestExceptionFor, supplementalOperation } from "./exceptions";
import type { CapturedRequest } from "./run-action";

// A request conforms when it reaches an operation of the contract with the
// parameters, headers, body and content type that operation declares.

/** Headers the transport sends on every request; not operation parameters. */
const TRANSPORT_HEADERS = new Set([
  "accept",
  "accept-encoding",
  "content-type",
  "content-length",
  "user-agent",
  "x-api-key",
  "x-phala-version",
  "x-phala-client",
  "x-request-id",
  "idempotency-key",
  "x-stainless-retry-count",
  "cache-control",
  "last-event-id",
]);

interface RequestVerdict {
  operation: ContractOperation | undefined;
  problems: string[];
}

function schemaTypes(schema: JsonSchema): Set<string> {
  const resolved = deref(schema);
  const types = new Set<string>();
  if (typeof resolved !== "object") return types;
  if (typeof resolved.type === "string") types.add(resolved.type);
  for (const branch of resolved.anyOf ?? [])
    for (const type of schemaTypes(branch)) types.add(type);
  if ("const" in resolved) types.add(typeof resolved.const);
  return types;
}

/** The array form of a parameter's schema (repeated query keys), if it has one. */
function arraySchemaOf(schema: JsonSchema): Record<string, JsonSchema> | undefined {
  const resolved = deref(schema);
  if (typeof resolved !== "object") return undefined;
  if (resolved.type === "array") return resolved;
  for (const branch of resolved.anyOf ?? []) {
    const found = arraySchemaOf(branch);
    if (found) return found;
  }
  return undefined;
}

/** A query or path string read as the parameter's schema reads it. */
function coerce(raw: string, schema: JsonSchema): unknown {
  const types = schemaTypes(schema);
  if (types.has("string")) return raw;
  if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(raw)) {
    return Number(raw);
  }
  if (types.has("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function checkParameter(parameter: ContractParameter, values: string[], problems: string[]): void {
  const where = `${parameter.in} parameter ${parameter.name}`;
  const arrayBranch = arraySchemaOf(parameter.schema);
  if (!arrayBranch && values.length > 1) {
    problems.push(`${where}: sent ${values.length} times, the contract takes one value`);
  }
  const value = arrayBranch
    ? values.map((item) => coerce(item, arrayBranch.items ?? {}))
    : coerce(values[0]!, parameter.schema);
  for (const problem of validateAgainst(parameter.schema, value)) {
    problems.push(`${where} = ${JSON.stringify(value)}: ${problem}`);
  }
}

/** The media type of a `Content-Type` header, lower-cased, without its parameters. */
export function mediaType(contentType: string | null): string | undefined {
  return contentType?.split(";")[0]?.trim().toLowerCase() || undefined;
}

function checkBody(
  operation: ContractOperation,
  request: CapturedRequest,
  problems: string[],
): void {
  const key = operationKey(operation);
  const sent = request.bodyText !== undefined && request.bodyText.length > 0;
  const declared = operation.requestBody;
  if (!declared) {
    if (sent) problems.push(`body sent, but ${key} takes none`);
    return;
  }
  if (!sent) {
    if (declared.required) problems.push(`no body, but ${key} requires one`);
    return;
  }
  const type = mediaType(request.headers.get("content-type"));
  const exception = requestExceptionFor(key);
  if (exception?.contentType && type === exception.contentType) return;
  const schema = type ? declared.content[type] : undefined;
  if (schema === undefined) {
    problems.push(
      `content type ${type ?? "(none)"}; ${key} takes ${Object.keys(declared.content).join(" or ")}`,
    );
    return;
  }
  if (type !== "application/json") return;
  let body: unknown;
  try {
    body = JSON.parse(request.bodyText!);
  } catch {
    problems.push("body is not JSON");
    return;
  }
  for (const problem of validateAgainst(schema, body)) problems.push(`body ${problem}`);
  // The API ignores fields it does not know: one sent under a wrong name would be lost.
  const allowed = new Set(exception?.bodyFields ?? []);
  for (const path of undeclaredFields(schema, body)) {
    if (!allowed.has(path)) problems.push(`body field ${path} is not in the contract`);
  }
}

/** Object keys of `value` that `schema` does not declare, as dotted paths. */
function undeclaredFields(schema: JsonSchema, value: unknown, path = ""): string[] {
  if (typeof value !== "object" || value === null) return [];
  const resolved = deref(schema);
  if (typeof resolved !== "object") return [];
  const branches: JsonSchema[] = resolved.anyOf ?? resolved.oneOf ?? [resolved];
  const objectBranch = branches
    .map((branch) => deref(branch))
    .find(
      (branch) => typeof branch === "object" && (branch.properties || branch.type === "object"),
    );
  if (Array.isArray(value)) {
    const arrayBranch = branches
      .map((branch) => deref(branch))
      .find((branch) => typeof branch === "object" && branch.type === "array");
    if (typeof arrayBranch !== "object" || !arrayBranch.items) return [];
    return value.flatMap((item) => undeclaredFields(arrayBranch.items, item, `${path}[]`));
  }
  if (typeof objectBranch !== "object" || !objectBranch.properties) return [];
  if (
    objectBranch.additionalProperties !== undefined &&
    objectBranch.additionalProperties !== false
  ) {
    return [];
  }
  const properties = objectBranch.properties as Record<string, JsonSchema>;
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const where = path ? `${path}.${key}` : key;
    return key in properties ? undeclaredFields(properties[key]!, item, where) : [where];
  });
}

/** Checks one request the SDK sent against the operation it reaches. */
export function checkRequest(request: CapturedRequest): RequestVerdict {
  const problems: string[] = [];
  const match =
    matchOperation(request.method, request.path) ??
    supplementalOperation(request.method, request.path);
  if (!match) {
    return {
      operation: undefined,
      problems: [`${request.method} ${request.path} is no operation of the contract`],
    };
  }
  const { operation, pathParams } = match;
  const parameters = parametersOf(operation);

  for (const parameter of parameters.filter((item) => item.in === "path")) {
    const value = pathParams[parameter.name];
    if (value === undefined) problems.push(`path parameter ${parameter.name} missing`);
    else checkParameter(parameter, [value], problems);
  }

  const queryDeclared = new Map(
    parameters.filter((item) => item.in === "query").map((item) => [item.name, item]),
  );
  for (const name of new Set(request.query.keys())) {
    const parameter = queryDeclared.get(name);
    if (!parameter) {
      problems.push(`query parameter ${name} is not in the contract`);
      continue;
    }
    checkParameter(parameter, request.query.getAll(name), problems);
  }
  for (const parameter of queryDeclared.values()) {
    if (parameter.required && !request.query.has(parameter.name)) {
      problems.push(`query parameter ${parameter.name} is required`);
    }
  }

  const headerDeclared = new Map(
    parameters
      .filter((item) => item.in === "header")
      .map((item) => [item.name.toLowerCase(), item]),
  );
  request.headers.forEach((value, name) => {
    if (TRANSPORT_HEADERS.has(name)) return;
    const parameter = headerDeclared.get(name);
    if (!parameter) problems.push(`header ${name} is not in the contract`);
    else checkParameter(parameter, [value], problems);
  });
  for (const parameter of headerDeclared.values()) {
    if (parameter.required && !request.headers.has(parameter.name)) {
      problems.push(`header ${parameter.name} is required`);
    }
  }

  checkBody(operation, request, problems);
  return { operation, problems };
}
