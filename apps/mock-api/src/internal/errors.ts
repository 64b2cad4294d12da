/**
 * Error bodies in the real API's two formats: the Phala structured `detail` object
 * (auth, version, missing resources) and FastAPI's plain ones (unknown route, query
 * validation), which the API returns unchanged from its framework.
 */

export interface ErrorDetailItem {
  field: string;
  value: unknown;
  message: string | null;
}

export interface ErrorLink {
  url: string;
  label: string;
}

export interface PhalaErrorBody {
  detail: {
    error_code?: string;
    message: string;
    details: ErrorDetailItem[];
    suggestions: string[];
    links: ErrorLink[];
  };
}

/** One item of a FastAPI 422 body. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** Thrown anywhere in a request (handler, renderer, version change) to answer with `body`. */
export class MockApiError extends Error {
  override name = "MockApiError";

  constructor(
    readonly status:
      | 400
      | 401
      | 402
      | 403
      | 404
      | 409
      | 422
      | 428
      | 429
      | 465
      | 466
      | 467
      | 468
      | 500
      | 503,
    readonly body: unknown,
    /** Response headers the error carries (`Retry-After`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(`mock API error ${status}`);
  }
}

export function phalaError(
  status: MockApiError["status"],
  detail: {
    /** The API's `ERR-` code, where its code table has one for the case. */
    errorCode?: string;
    message: string;
    details?: ErrorDetailItem[];
    suggestions?: string[];
    links?: ErrorLink[];
    headers?: Record<string, string>;
  },
): MockApiError {
  const body: PhalaErrorBody = {
    detail: {
      ...(detail.errorCode ? { error_code: detail.errorCode } : {}),
      message: detail.message,
      details: detail.details ?? [],
      suggestions: detail.suggestions ?? [],
      links: detail.links ?? [],
    },
  };
  return new MockApiError(status, body, detail.headers);
}

export function invalidApiKeyError(): MockApiError {
  return phalaError(401, {
    message: "Invalid or missing API key",
    suggestions: ["Pass your API key in the X-API-Key header"],
  });
}

export function unsupportedVersionError(
  requested: string,
  supported: readonly string[],
  fallback: string,
): MockApiError {
  return phalaError(400, {
    message: `Unsupported API version '${requested}'. Supported versions: ${supported.join(", ")}`,
    details: [{ field: "X-Phala-Version", value: requested, message: null }],
    suggestions: [
      `Send one of ${supported.join(", ")} (or "latest") in the X-Phala-Version header, or omit it to use ${fallback}`,
    ],
  });
}

export function cvmNotFoundError(cvmId: string): MockApiError {
  return phalaError(404, {
    errorCode: "ERR-03-001",
    message: "CVM not found",
    details: [{ field: "cvm_id", value: cvmId, message: null }],
    suggestions: [
      "Check the CVM id: a hashed id, a VM UUID, app_<app id>, instance_<instance id> or the CVM name",
      "List the CVMs of your workspace with GET /cvms/paginated",
    ],
  });
}

export function appNotFoundError(appId: string): MockApiError {
  return phalaError(404, {
    message: "App not found",
    details: [{ field: "app_id", value: appId, message: null }],
    suggestions: ["Check the app id (40 hex characters, with or without 0x or app_)"],
  });
}

/**
 * Another operation of the CVM is under way: a 409 without an `error_code`, which
 * tells a client the conflict is temporary (retry later); a 409 with one is final.
 */
export function operationInProgressError(cvmStatus: string): MockApiError {
  return phalaError(409, {
    message: `Another operation is in progress on this CVM (status: ${cvmStatus}); retry when it has finished`,
    details: [{ field: "status", value: cvmStatus, message: null }],
    suggestions: ["Wait until the current operation has finished, then retry"],
  });
}

/** The caller must confirm who they are again (step-up) before this operation. */
export function stepUpRequiredError(operation: string): MockApiError {
  return phalaError(428, {
    message: "Step-up authentication required for this operation",
    details: [{ field: "operation", value: operation, message: null }],
    suggestions: ["Verify your identity again (two-factor step-up), then repeat the request"],
  });
}

/** The node the operation needs is under maintenance. */
export function nodeUnderMaintenanceError(node: { id: number; name: string }): MockApiError {
  return phalaError(503, {
    message: `Node ${node.name} is under maintenance`,
    details: [{ field: "teepod_id", value: node.id, message: null }],
    suggestions: ["Retry once the maintenance is over, or use another node"],
  });
}

export function validationError(issues: ValidationIssue[]): MockApiError {
  return new MockApiError(422, { detail: issues });
}

export const ROUTE_NOT_FOUND_BODY = { detail: "Not Found" } as const;
export const INTERNAL_ERROR_BODY = { detail: "Internal Server Error" } as const;
