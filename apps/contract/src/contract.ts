import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** A JSON Schema as the contract writes it (OpenAPI 3.1, draft 2020-12). */
export type JsonSchema = { [keyword: string]: any } | boolean;

export interface ContractParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export interface ContractOperation {
  method: string;
  /** With the `/api/v1` prefix, as the reference writes it. */
  path: string;
  operationId: string;
  tags: string[];
  deprecated: boolean;
  inCurrentReference: boolean;
  parameters?: ContractParameter[];
  requestBody: null | { required?: boolean; content: Record<string, JsonSchema> };
  /** status -> media type -> schema (`{}` when the reference gives no body). */
  responses: Record<string, Record<string, JsonSchema>>;
  /** Versioned endpoints: status -> API version -> schema. */
  responsesByVersion?: Record<string, Record<string, JsonSchema>>;
}

interface ContractFile {
  snapshots: Record<string, string>;
  operations: ContractOperation[];
  schemas: Record<string, JsonSchema>;
}

/** The API base path every operation of the reference starts with. */
export const API_PREFIX = "/api/v1";

/** The versions whose shapes the reference documents. */
export const DOCUMENTED_VERSIONS = ["2025-10-28", "2026-01-21"] as const;

const CONTRACT_FILE = fileURLToPath(
  new URL("../../../contract/phala-cloud-api.json", import.meta.url),
);

const file: ContractFile = JSON.parse(readFileSync(CONTRACT_FILE, "utf8"));

const EXCEPTIONS_FILE = fileURLToPath(
  new URL("../../../contract/exceptions.json", import.meta.url),
);

/** contract/exceptions.json: what the reference leaves open or gets wrong (see exceptions.ts). */
export const EXCEPTIONS: {
  requests: any[];
  operations: any[];
  responses: any[];
  schemas: Record<string, JsonSchema>;
} = JSON.parse(readFileSync(EXCEPTIONS_FILE, "utf8"));

/**
 * What the SDK's version chain derives from the same files
 * (packages/schemas/scripts/wire-gen.mjs): every shape of every version as JSON
 * Schema, and each endpoint's per version. The reference documents 2025-10-28 and
 * 2026-01-21 only; for later versions the bodies are generated from these.
 */
interface Chain {
  jsonSchemas: Record<string, JsonSchema>;
  endpointSchemas: Record<string, Record<string, JsonSchema | null>>;
  pins: Record<string, Record<string, string>>;
  versions: string[];
}
const schemasPackage = new URL("../../../packages/schemas/", import.meta.url);
const { generate } = (await import(new URL("scripts/wire-gen.mjs", schemasPackage).href)) as {
  generate: (inputs: Record<string, unknown>) => Chain;
};
const { WIRE_FILES } = await import(new URL("scripts/wire-shapes.mjs", schemasPackage).href);
const { VERSION_REGISTRY } = await import(new URL("versions/index.mjs", schemasPackage).href);
// generate() copies the reference's schemas before adding the exceptions' to them:
// it reads `file` as parsed, before the merge below.
export const CHAIN: Chain = generate({
  contract: file,
  exceptions: EXCEPTIONS,
  wireFiles: WIRE_FILES,
  registry: VERSION_REGISTRY,
});

// The exceptions' shapes live in the same namespace as the reference's.
for (const [name, schema] of Object.entries(EXCEPTIONS.schemas)) {
  if (name in file.schemas) throw new Error(`contract/exceptions.json redefines ${name}`);
  file.schemas[name] = schema;
}

/** A chain schema with its `$ref`s to chain shapes named in the one namespace (`chain:NAME`). */
function toChain(schema: JsonSchema): JsonSchema {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/components/schemas/chain:'),
  );
}
for (const [name, schema] of Object.entries(CHAIN.jsonSchemas)) {
  file.schemas[`chain:${name}`] = toChain(schema);
}

export const snapshots = file.snapshots;
export const operations: readonly ContractOperation[] = file.operations;

/** `METHOD /path` without the prefix, the key this package names operations by. */
export function operationKey(operation: Pick<ContractOperation, "method" | "path">): string {
  return `${operation.method} ${operation.path.slice(API_PREFIX.length)}`;
}

const byKey = new Map(operations.map((operation) => [operationKey(operation), operation]));

export function findOperation(key: string): ContractOperation | undefined {
  return byKey.get(key);
}

export interface MatchedOperation {
  operation: ContractOperation;
  /** Decoded path parameters by the reference's names. */
  pathParams: Record<string, string>;
}

/**
 * A function finding the operation a request goes to (method and a path
 * relative to `/api/v1`); where templates overlap, the one with more literal
 * characters wins (`/cvms/paginated` over `/cvms/{cvm_id}`).
 */
export function createMatcher(
  candidates: readonly ContractOperation[],
): (method: string, path: string) => MatchedOperation | undefined {
  const templates = candidates
    .map((operation) => {
      const names: string[] = [];
      const relative = operation.path.slice(API_PREFIX.length);
      const source = relative
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(name);
          return "([^/]+)";
        })
        .join("");
      const weight = relative.replace(/\{[^}]+\}/g, "").length;
      return { operation, names, weight, pattern: new RegExp(`^${source}$`) };
    })
    .sort((a, b) => b.weight - a.weight);
  return (method, path) => {
    for (const template of templates) {
      if (template.operation.method !== method.toUpperCase()) continue;
      const match = template.pattern.exec(path);
      if (!match) continue;
      const pathParams: Record<string, string> = {};
      template.names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(match[index + 1]!);
      });
      return { operation: template.operation, pathParams };
    }
    return undefined;
  };
}

/** The operation of the reference a request goes to. */
export const matchOperation = createMatcher(operations);

// One validator for the whole file: `$ref`s point at `#/components/schemas/NAME`.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
// Formats of the reference that JSON Schema does not define: documentation, not checks.
for (const format of ["hashid", "binary", "decimal"]) ajv.addFormat(format, true);
ajv.addSchema({ $id: "contract", components: { schemas: file.schemas } });

const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  if (typeof schema === "boolean") return ajv.compile(schema);
  let validate = compiled.get(schema);
  if (!validate) {
    const rooted = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/schemas/', '"contract#/components/schemas/'),
    );
    validate = ajv.compile(rooted);
    compiled.set(schema, validate);
  }
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || "(root)"} ${error.message ?? error.keyword}`,
  );
}

/** Problems of `value` against a contract schema; empty when it conforms. */
export function validateAgainst(schema: JsonSchema, value: unknown): string[] {
  const validate = validatorFor(schema);
  return validate(value) ? [] : describeErrors(validate.errors);
}

/** Follows `$ref`s to the schema they name. */
export function deref(schema: JsonSchema): JsonSchema {
  let current = schema;
  const seen = new Set<string>();
  while (typeof current === "object" && typeof current.$ref === "string") {
    const name = current.$ref.replace("#/components/schemas/", "");
    if (seen.has(name)) throw new Error(`$ref cycle at ${name}`);
    seen.add(name);
    const target = file.schemas[name];
    if (target === undefined) throw new Error(`unknown schema ${name}`);
    current = target;
  }
  return current;
}

/** Whether a schema admits `null`: it is the null type, or one of its alternatives is. */
export function isNullable(schema: JsonSchema): boolean {
  const resolved = deref(schema);
  if (typeof resolved !== "object") return false;
  const branches: JsonSchema[] = resolved.anyOf ?? resolved.oneOf ?? [];
  return (
    resolved.type === "null" ||
    branches.some((branch) => {
      const target = deref(branch);
      return typeof target === "object" && target.type === "null";
    })
  );
}

/** The success statuses an operation documents (2xx, and 465 where the flow answers it). */
export function successStatuses(operation: ContractOperation): string[] {
  return Object.keys(operation.responses).filter((status) => status.startsWith("2"));
}

/**
 * The response schema of one status for one API version: the version's branch
 * where the endpoint is versioned, else the one schema. Undefined when the
 * reference gives no JSON body for it.
 */
export function responseSchema(
  operation: ContractOperation,
  status: string,
  version: string,
): JsonSchema | undefined {
  const versioned = operation.responsesByVersion?.[status];
  if (versioned) return versioned[version] ?? versioned[DOCUMENTED_VERSIONS.at(-1)!];
  return operation.responses[status]?.["application/json"];
}

/** `{}`: the reference does not document the shape. */
export function isUndocumented(schema: JsonSchema | undefined): boolean {
  return (
    schema === undefined ||
    schema === true ||
    (typeof schema === "object" && Object.keys(schema).length === 0)
  );
}

/** `version action` -> the chain's body schema in the one namespace (see chainResponseSchema). */
const chainBodies = new Map<string, JsonSchema | undefined>();

/**
 * The body schema of an action's success for a version the reference does not
 * document, from the version chain; undefined for the SDK's own results (the
 * 465 result, a 204) or a documented version.
 */
export function chainResponseSchema(action: string, version: string): JsonSchema | undefined {
  // What the request sends decides the body: a pinned action sends its own version.
  const sent = wireVersionOf(action, version);
  if ((DOCUMENTED_VERSIONS as readonly string[]).includes(sent)) return undefined;
  const key = `${version} ${action}`;
  if (!chainBodies.has(key)) {
    const schema = CHAIN.endpointSchemas[version]?.[action];
    // One object per version and action, so its compiled validator is reused.
    chainBodies.set(key, schema ? toChain(schema) : undefined);
  }
  return chainBodies.get(key);
}

/** The version an action's request sends for a client of `version` (its pin, if any). */
export function wireVersionOf(action: string, version: string): string {
  return CHAIN.pins[action]?.[version] ?? version;
}
