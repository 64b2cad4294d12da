import { ACTION_CASES } from "./cases";
import {
  API_PREFIX,
  isUndocumented,
  matchOperation,
  operationKey,
  validateAgainst,
  wireVersionOf,
} from "./contract";
import { expectedResponseSchema, responseSupplementFor, supplementalOperation } from "./exceptions";
import { mediaType } from "./request-check";

// The check a test harness runs on each answer of the mock API: the status is
// one the operation can answer, and a documented body has the contract's shape
// for the version the response is labelled with.

export interface Exchange {
  method: string;
  /** The URL's path, `/api/v1` included. */
  path: string;
  status: number;
  /** The version the mock served (its `X-Phala-Version` response header). */
  version: string;
  contentType: string | null;
  /** The response body as text. */
  text: string;
}

/** Error statuses any operation may answer though the reference lists few of them. */
const GENERIC_ERRORS = new Set([400, 401, 403, 404, 409, 422, 428, 429, 500, 502, 503, 504]);

/**
 * The actions that call this operation and send this version (a pinned action
 * sends another): for a version the reference leaves out, the chain gives the
 * body by them.
 */
function actionsSending(key: string, version: string): string[] {
  return Object.entries(ACTION_CASES)
    .filter(
      ([action, entry]) => entry.operation === key && wireVersionOf(action, version) === version,
    )
    .map(([action]) => action);
}

/** Problems of one mock answer; empty when it conforms. */
export function checkExchange(exchange: Exchange): string[] {
  const where = `${exchange.method} ${exchange.path} -> ${exchange.status} (${exchange.version})`;
  if (!exchange.path.startsWith(API_PREFIX)) return [`${where}: outside ${API_PREFIX}`];
  const relative = exchange.path.slice(API_PREFIX.length);
  const match =
    matchOperation(exchange.method, relative) ?? supplementalOperation(exchange.method, relative);
  if (!match) {
    // An unknown route answers 404 on the real API too.
    return exchange.status === 404 ? [] : [`${where}: no operation of the contract`];
  }
  const key = operationKey(match.operation);
  const status = String(exchange.status);
  const documented =
    status in match.operation.responses || responseSupplementFor(key, status) !== undefined;
  if (!documented) {
    if (exchange.status < 400 || !GENERIC_ERRORS.has(exchange.status)) {
      return [
        `${where}: ${key} does not answer ${status} (documents ${Object.keys(match.operation.responses).join(", ")})`,
      ];
    }
    return [];
  }
  if (exchange.status === 204) return [];
  // Error bodies: checked where the contract gives their shape (422, 465...).
  if (mediaType(exchange.contentType) === "text/event-stream") return [];
  const found = expectedResponseSchema(
    key,
    status,
    exchange.version,
    actionsSending(key, exchange.version),
  );
  if (!found || isUndocumented(found.schema)) return [];
  let body: unknown;
  try {
    body = JSON.parse(exchange.text);
  } catch {
    // A text file answered as text: the reference types it as a JSON string.
    body = exchange.text;
  }
  return validateAgainst(found.schema, body).map((problem) => `${where}: body ${problem}`);
}

/** Counts of a suite's mock answers, for the run's summary line. */
export class ExchangeLog {
  checked = 0;
  readonly problems: string[] = [];

  record(exchange: Exchange): void {
    this.checked++;
    this.problems.push(...checkExchange(exchange));
  }
}
