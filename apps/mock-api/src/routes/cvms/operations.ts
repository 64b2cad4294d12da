// GET /cvms/{cvm_id}/operations (cursor-paged), POST /cvms/{cvm_id}/operations/cancel
// and GET /cvms/{cvm_id}/operation-status: the operations a CVM has run (recorded
// by operation-log), read against its live status.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { QueryReader } from "../../internal/query";
import { getUser, type MockCvm, type MockState } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { cvmOperationRecords, type OperationRecord } from "./operation-log";
import { cvmOf } from "./shared";
import { currentCvmOperation, currentCvmStatus } from "./status-machine";

type OperationPage = WireBody<"listCvmOperations", RenderVersion>;
type OperationBody = OperationPage["items"][number];

interface OperationOutcome {
  status: "in_progress" | "completed" | "cancelled" | "failed";
  completedAt: string | null;
  errorMessage: string | null;
}

/** Where an operation stands now: its status read from the CVM's live one. */
export function operationOutcome(
  state: MockState,
  cvm: MockCvm,
  record: OperationRecord,
  nowMs = Date.now(),
): OperationOutcome {
  if (record.cancelledAt !== null) {
    return {
      status: "cancelled",
      completedAt: record.cancelledAt,
      errorMessage: "Cancelled by the user",
    };
  }
  if (record.untilMs === null) {
    return { status: "completed", completedAt: record.startedAt, errorMessage: null };
  }
  if (
    !record.superseded &&
    currentCvmOperation(state, cvm, nowMs)?.correlationId === record.correlationId
  ) {
    return { status: "in_progress", completedAt: null, errorMessage: null };
  }
  if (!record.superseded && nowMs >= record.untilMs) {
    return { status: "completed", completedAt: record.arrivesAt, errorMessage: null };
  }
  // Cut short: another operation began first, or the CVM was deleted.
  return {
    status: "failed",
    completedAt: null,
    errorMessage: "Interrupted by another operation before it completed",
  };
}

function renderOperation(state: MockState, cvm: MockCvm, record: OperationRecord): OperationBody {
  const outcome = operationOutcome(state, cvm, record);
  const user = getUser(state, record.triggeredBy);
  const events: OperationBody["events"] = [
    { event_type: "started", timestamp: record.startedAt, state: record.via },
  ];
  if (outcome.status === "completed" && record.untilMs !== null) {
    events.push({ event_type: "completed", timestamp: record.arrivesAt, state: record.target });
  } else if (outcome.status === "cancelled") {
    events.push({
      event_type: "cancelled",
      timestamp: record.cancelledAt as string,
      state: record.from,
    });
  }
  const finished = outcome.completedAt;
  return {
    correlation_id: record.correlationId,
    operation_type: record.type,
    target_state: record.target,
    triggered_by: user.id,
    triggered_by_username: user.username,
    triggered_by_email: user.email,
    started_at: record.startedAt,
    completed_at: finished,
    duration_ms:
      finished === null ? null : Math.max(0, Date.parse(finished) - Date.parse(record.startedAt)),
    status: outcome.status,
    error_message: outcome.errorMessage,
    sub_operations: [],
    events,
    instance_name: record.instanceName,
    compose_hash: record.composeHash,
  };
}

/** Newest first; `seq` breaks ties of the request clock. */
function newestFirst(a: OperationRecord, b: OperationRecord): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
  return b.seq - a.seq;
}

/** The opaque cursor after `record`: its place in the order (base64url, no Node API). */
function cursorAfter(record: OperationRecord): string {
  return btoa(`${record.startedAt}|${record.seq}`)
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

function decodeCursor(raw: string): string {
  try {
    return atob(raw.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return "";
  }
}

function readCursor(query: QueryReader, raw: string | undefined) {
  if (raw === undefined) return undefined;
  const [startedAt, seq] = decodeCursor(raw).split("|");
  if (startedAt && seq && !Number.isNaN(Date.parse(startedAt)) && /^\d+$/.test(seq)) {
    return { startedAt, seq: Number(seq) };
  }
  query.fail("cursor", "value_error", "Value error, invalid cursor", raw);
  return undefined;
}

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function readDateTime(query: QueryReader, name: string): number | undefined {
  const raw = query.string(name);
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw.trim());
  if (DATE_TIME.test(raw.trim()) && !Number.isNaN(ms)) return ms;
  query.fail(
    name,
    "datetime_from_date_parsing",
    "Input should be a valid datetime or date, invalid character in year",
    raw,
  );
  return undefined;
}

export function registerOperationRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/cvms/:cvm_id/operations", requireApiKey, (c) => {
    const { state } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const limit = query.int("limit", 50, { ge: 1, le: 500 });
    const cursor = readCursor(query, query.string("cursor"));
    const start = readDateTime(query, "start_time");
    const end = readDateTime(query, "end_time");
    const types = query.strings("operation_types");
    query.assertValid();
    const cvm = cvmOf(c);
    const matching = [...cvmOperationRecords(state, cvm.id)]
      .filter((record) => {
        const started = Date.parse(record.startedAt);
        return (
          (start === undefined || started >= start) &&
          (end === undefined || started <= end) &&
          (types.length === 0 || types.includes(record.type))
        );
      })
      .sort(newestFirst);
    const from = cursor
      ? matching.findIndex(
          (record) =>
            newestFirst(record, {
              startedAt: cursor.startedAt,
              seq: cursor.seq,
            } as OperationRecord) > 0,
        )
      : 0;
    const rest = from === -1 ? [] : matching.slice(from);
    const page = rest.slice(0, limit);
    const last = page[page.length - 1];
    const body: OperationPage = {
      items: page.map((record) => renderOperation(state, cvm, record)),
      next_cursor: rest.length > limit && last ? cursorAfter(last) : null,
      total: matching.length,
    };
    return c.json(body);
  });

  api.post("/cvms/:cvm_id/operations/cancel", requireApiKey, (c) => {
    const { state, now } = c.get("render");
    const cvm = cvmOf(c);
    const running = currentCvmOperation(state, cvm);
    if (!running) {
      throw phalaError(409, {
        errorCode: "ERR-02-008",
        message: "No operation is in progress on this CVM",
        details: [{ field: "status", value: currentCvmStatus(state, cvm), message: null }],
        suggestions: ["List the CVM's operations with GET /cvms/{cvm_id}/operations"],
      });
    }
    const record = cvmOperationRecords(state, cvm.id).find(
      (candidate) => candidate.correlationId === running.correlationId,
    );
    // The move stops where it is: the CVM goes back to the status it left (writing
    // `status` drops the transition in flight), and nothing is in progress.
    cvm.status = record?.from ?? currentCvmStatus(state, cvm);
    cvm.inProgress = false;
    cvm.updatedAt = now.toISOString();
    if (record) record.cancelledAt = now.toISOString();
    const body: WireBody<"cancelCvmOperation", RenderVersion> = {
      cancelled: true,
      correlation_id: running.correlationId,
    };
    return c.json(body);
  });

  api.get("/cvms/:cvm_id/operation-status", requireApiKey, (c) => {
    const { state } = c.get("render");
    const cvm = cvmOf(c);
    const running = currentCvmOperation(state, cvm);
    // The reference leaves the body open: the operation under way, with the names
    // the API gives it in a CVM's batch status (POST /status/batch).
    const body: WireBody<"getCvmOperationStatus", RenderVersion> = {
      status: currentCvmStatus(state, cvm),
      in_progress: running !== null,
      operation_type: running?.type ?? null,
      operation_started_at: running?.startedAt ?? null,
      correlation_id: running?.correlationId ?? null,
    };
    return c.json(body);
  });
}
