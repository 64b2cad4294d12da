import {
  type ContractOperation,
  createMatcher,
  findOperation,
  type JsonSchema,
  operationKey,
  responseSchema,
} from "./contract";

// The one list of places where the SDK departs from the reference, each with
// its reason. The contract tests read it; nothing else may excuse a mismatch.

export interface RequestException {
  /** `METHOD /path` of the reference. */
  operation: string;
  /** The body is sent with this content type instead of the reference's. */
  contentType?: string;
  reason: string;
}

/** Requests sent as every official client sends them, not as the reference says. */
export const REQUEST_EXCEPTIONS: readonly RequestException[] = [
  {
    operation: "PATCH /cvms/{cvm_id}/docker-compose",
    contentType: "text/yaml",
    reason:
      "The reference says multipart/form-data; the official JS, Python and Go clients all send the compose file as the raw request body (text/yaml), and the API accepts it.",
  },
  {
    operation: "PATCH /cvms/{cvm_id}/pre-launch-script",
    contentType: "text/plain",
    reason:
      "The reference says multipart/form-data; the official JS, Python and Go clients all send the script as the raw request body (text/plain), and the API accepts it.",
  },
];

export function requestExceptionFor(operation: string): RequestException | undefined {
  return REQUEST_EXCEPTIONS.find((exception) => exception.operation === operation);
}

export interface SupplementalOperation {
  operation: ContractOperation;
  reason: string;
}

function supplement(
  method: string,
  path: string,
  parts: Partial<ContractOperation> & { reason: string },
): SupplementalOperation {
  const { reason, ...rest } = parts;
  return {
    reason,
    operation: {
      method,
      path: `/api/v1${path}`,
      operationId: `supplement_${method.toLowerCase()}_${path}`,
      tags: [],
      deprecated: false,
      inCurrentReference: false,
      parameters: [],
      requestBody: null,
      responses: {},
      ...rest,
    },
  };
}

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
const str = { type: "string" };
const int = { type: "integer" };
const bool = { type: "boolean" };

/**
 * Operations the official SDKs call that the reference does not list. Their
 * shapes come from the official SDKs' own schemas (facts only).
 */
export const SUPPLEMENTAL_OPERATIONS: readonly SupplementalOperation[] = [
  supplement("POST", "/cvms/{cvm_id}/is-allowed", {
    reason:
      "Called by the official JS and Python SDKs (checkCvmIsAllowed); absent from the reference. Shape of the app-level is-allowed answer.",
    parameters: [{ name: "cvm_id", in: "path", required: true, schema: str }],
    requestBody: {
      required: false,
      content: {
        "application/json": nullable({
          type: "object",
          properties: {
            compose_hash: nullable(str),
            node_id: nullable(int),
            device_id: nullable(str),
          },
        }),
      },
    },
    responses: {
      "200": { "application/json": { $ref: "#/components/schemas/AppIsAllowedResponse" } },
    },
  }),
  supplement("GET", "/teepods/available", {
    reason:
      "Called by the official JS, Python and Go SDKs (getAvailableNodes); absent from the reference.",
    responses: { "200": { "application/json": {} } },
  }),
  supplement("GET", "/os-images", {
    reason: "Called by the official JS and Python SDKs (getOsImages); absent from the reference.",
    parameters: [
      { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1 } },
      {
        name: "page_size",
        in: "query",
        required: false,
        schema: { type: "integer", minimum: 1, maximum: 100 },
      },
      { name: "is_dev", in: "query", required: false, schema: nullable(bool) },
    ],
    responses: { "200": { "application/json": {} } },
  }),
];

/** The supplemental operation a request goes to, if any. */
export const supplementalOperation = createMatcher(
  SUPPLEMENTAL_OPERATIONS.map(({ operation }) => operation),
);

export interface ResponseSupplement {
  /** `METHOD /path` */
  operation: string;
  status: string;
  /** One schema for every version, or one per version. */
  schema?: JsonSchema;
  byVersion?: Record<string, JsonSchema>;
  reason: string;
}

/**
 * Bodies the reference leaves open (`{}`), given from the official SDKs'
 * schemas so the SDK's acceptance of them is checked too.
 */
export const RESPONSE_SUPPLEMENTS: readonly ResponseSupplement[] = [];

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
): { schema: JsonSchema; source: string; reshaped?: boolean } | undefined {
  const supplementFound = RESPONSE_SUPPLEMENTS.find(
    (item) => item.operation === operation && item.status === status,
  );
  if (supplementFound) {
    const schema = supplementFound.byVersion?.[version] ?? supplementFound.schema;
    if (schema !== undefined) return { schema, source: "supplement" };
  }
  const found = findOperation(operation);
  if (found) {
    const schema = responseSchema(found, status, version);
    return schema === undefined ? undefined : { schema, source: "reference" };
  }
  const extra = SUPPLEMENTAL_OPERATIONS.find(
    (item) => operationKey(item.operation) === operation,
  );
  const schema = extra && responseSchema(extra.operation, status, version);
  return schema === undefined ? undefined : { schema, source: "supplemental operation" };
}
