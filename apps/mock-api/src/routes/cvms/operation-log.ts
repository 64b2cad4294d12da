// The operations run on each CVM, as `GET /cvms/{cvm_id}/operations` lists them:
// one record per lifecycle move (status-machine's `beginTransition`: start, stop,
// restart, create, redeploy...) and per change applied at once (compose-store's
// `applyChange`: an update). A record says what the move was and when it was
// due; whether it still runs is read from the CVM's live status by the
// operations routes, so this module imports nothing of the status machine.
import { type CvmStatus, type MockCvm, type MockState, resourceState } from "../../model";

export interface OperationRecord {
  /** Order of recording, across CVMs: what breaks ties of `startedAt`. */
  seq: number;
  cvmId: string;
  correlationId: string;
  /** `start`, `stop`, `shutdown`, `restart`, `create`, `resize`, `os-upgrade`, `redeploy`, `update`. */
  type: string;
  /** The status before the move: where a cancel takes the CVM back. */
  from: CvmStatus;
  /** The status the CVM shows while it moves. */
  via: CvmStatus;
  target: CvmStatus;
  /** On the request clock. */
  startedAt: string;
  arrivesAt: string;
  /** Wall-clock ms the move is due (as the status machine times it); null: applied at once. */
  untilMs: number | null;
  durationMs: number;
  composeHash: string;
  instanceName: string;
  triggeredBy: number;
  /** Request-clock time of a cancel. */
  cancelledAt: string | null;
  /** Another operation began on the CVM before this one was due: it never completed. */
  superseded: boolean;
}

interface OperationLog {
  next: number;
  byCvm: Map<string, OperationRecord[]>;
}

function operationLog(state: MockState): OperationLog {
  return resourceState(state, "cvm-operations", () => ({ next: 1, byCvm: new Map() }));
}

export interface NewOperation {
  correlationId: string;
  type: string;
  from: CvmStatus;
  via: CvmStatus;
  target: CvmStatus;
  /** The request clock when it began. */
  startedAt: Date;
  durationMs: number;
  /** Wall-clock ms it is due; null for a change applied at once. */
  untilMs: number | null;
}

/** Records an operation that begins on `cvm` now. */
export function recordOperation(
  state: MockState,
  cvm: MockCvm,
  operation: NewOperation,
): OperationRecord {
  const log = operationLog(state);
  const record: OperationRecord = {
    seq: log.next++,
    cvmId: cvm.id,
    correlationId: operation.correlationId,
    type: operation.type,
    from: operation.from,
    via: operation.via,
    target: operation.target,
    startedAt: operation.startedAt.toISOString(),
    arrivesAt: new Date(operation.startedAt.getTime() + operation.durationMs).toISOString(),
    untilMs: operation.untilMs,
    durationMs: operation.durationMs,
    composeHash: cvm.composeHash,
    instanceName: cvm.name,
    triggeredBy: cvm.creatorId,
    cancelledAt: null,
    superseded: false,
  };
  const list = log.byCvm.get(cvm.id) ?? [];
  // A move still under way when another begins (a stop while starting) is cut short.
  const nowMs = Date.now();
  for (const earlier of list) {
    if (earlier.cancelledAt === null && earlier.untilMs !== null && nowMs < earlier.untilMs) {
      earlier.superseded = true;
    }
  }
  list.push(record);
  log.byCvm.set(cvm.id, list);
  return record;
}

/** The operations recorded for a CVM, oldest first. */
export function cvmOperationRecords(state: MockState, cvmId: string): readonly OperationRecord[] {
  return operationLog(state).byCvm.get(cvmId) ?? [];
}
