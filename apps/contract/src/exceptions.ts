import {
  API_PREFIX,
  type ContractOperation,
  type ContractParameter,
  chainResponseSchema,
  createMatcher,
  EXCEPTIONS,
  findOperation,
  type JsonSchema,
  operationKey,
  responseSchema,
} from "./contract";

// contract/exceptions.json is the one list of places where the SDK departs from
// the reference or fills what it leaves open, each with its reason (facts of
// the official SDKs). The contract tests read it; nothing else may excuse a
// mismatch.

interface RequestException {
  /** `METHOD /path` of the reference. */
  operation: string;
  /** The body is sent with this content type instead of the reference's. */
  contentType?: string;
  /** Query parameters the official SDKs send besides the reference's. */
  query?: Record<string, JsonSchema>;
  /** Headers the official SDKs send besides the reference's. */
  headers?: string[];
  /** Body fields (dotted paths) the official SDKs send and the reference does not declare. */
  bodyFields?: string[];
  reason: string;
}

interface SupplementalOperation {
  operation: ContractOperation;
  reason: string;
}

interface ResponseSupplement {
  /** `METHOD /path` */
  operation: string;
  status: string;
  /** One schema for every version, or one per version. */
  schema?: JsonSchema;
  byVersion?: Record<string, JsonSchema>;
  reason: string;
}

const REQUEST_EXCEPTIONS: readonly RequestException[] = EXCEPTIONS.requests;

export function requestExceptionFor(operation: string): RequestException | undefined {
  return REQUEST_EXCEPTIONS.find((exception) => exception.operation === operation);
}

/** Operations the official SDKs call that the reference does not list. */
export const SUPPLEMENTAL_OPERATIONS: readonly SupplementalOperation[] = EXCEPTIONS.operations.map(
  ({ reason, ...operation }) => ({
    reason,
    operation: {
      operationId: `official_sdk ${operation.method} ${operation.path}`,
      tags: [],
      deprecated: false,
      inCurrentReference: false,
      ...operation,
      path: `${API_PREFIX}${operation.path}`,
    } as ContractOperation,
  }),
);

/** The supplemental operation a request goes to, if any. */
export const supplementalOperation = createMatcher(
  SUPPLEMENTAL_OPERATIONS.map(({ operation }) => operation),
);

/** Bodies the reference leaves open (`{}`), given from the official SDKs' schemas. */
const RESPONSE_SUPPLEMENTS: readonly ResponseSupplement[] = EXCEPTIONS.responses;

/** The supplement giving one status of an operation (`METHOD /path`), if any. */
export function responseSupplementFor(
  operation: string,
  status: string,
): ResponseSupplement | undefined {
  return RESPONSE_SUPPLEMENTS.find(
    (item) => item.operation === operation && item.status === status,
  );
}

/**
 * The parameters of an operation with the exceptions' additions (query
 * parameters and headers the official SDKs send and the reference omits).
 */
export function parametersOf(operation: ContractOperation): ContractParameter[] {
  const declared = operation.parameters ?? [];
  const exception = requestExceptionFor(operationKey(operation));
  if (!exception) return declared;
  const added: ContractParameter[] = [
    ...Object.entries(exception.query ?? {}).map(([name, schema]) => ({
      name,
      in: "query" as const,
      required: false,
      schema,
    })),
    ...(exception.headers ?? []).map((name) => ({
      name,
      in: "header" as const,
      required: false,
      schema: { type: "string" },
    })),
  ];
  return [...declared, ...added];
}

/**
 * The body schema the SDK must accept for one status of one operation under
 * one version: a supplement where the reference leaves it open, else the
 * reference's (the version's branch where it is versioned), else that of a
 * supplemental operation.
 */
export function contractResponseSchema(
  operation: string,
  status: string,
  version: string,
): { schema: JsonSchema; source: string } | undefined {
  const supplementFound = responseSupplementFor(operation, status);
  if (supplementFound) {
    const schema = supplementFound.byVersion?.[version] ?? supplementFound.schema;
    if (schema !== undefined) return { schema, source: "exception" };
  }
  const found = findOperation(operation);
  if (found) {
    const schema = responseSchema(found, status, version);
    return schema === undefined ? undefined : { schema, source: "reference" };
  }
  const extra = SUPPLEMENTAL_OPERATIONS.find((item) => operationKey(item.operation) === operation);
  const schema = extra && responseSchema(extra.operation, status, version);
  return schema === undefined ? undefined : { schema, source: "official SDKs" };
}

/**
 * The body schema of one status of an operation under one version, as an
 * answer to one of `actions` (tried in order): for a success, the version
 * chain's body of the first action it has one for (a version the reference
 * does not document); else the contract's (contractResponseSchema).
 */
export function expectedResponseSchema(
  operation: string,
  status: string,
  version: string,
  actions: readonly string[],
): { schema: JsonSchema; source: string } | undefined {
  if (status.startsWith("2")) {
    for (const action of actions) {
      const schema = chainResponseSchema(action, version);
      if (schema) return { schema, source: "chain" };
    }
  }
  return contractResponseSchema(operation, status, version);
}
