// Scheduled deletes (`PATCH /cvms/{cvm_id}/scheduled-delete`, the `scheduled_delete_at`
// of `POST /cvms/workload`): once the time has passed on the mock's request clock,
// the CVM is deleted. Settled at the start of every authenticated request, so
// every list and read afterwards leaves the CVM out (and answers 404 for it).
import type { MockState } from "../../model";
import { deleteCvmRecord } from "./status-machine";

/** Deletes the CVMs whose scheduled delete is due at `now` (deleted at their scheduled time). */
export function settleScheduledDeletes(state: MockState, now: Date): void {
  const nowMs = now.getTime();
  for (const cvm of state.cvms.values()) {
    if (cvm.deletedAt !== null || cvm.scheduledDeleteAt === null) continue;
    const dueMs = Date.parse(cvm.scheduledDeleteAt);
    if (dueMs <= nowMs) deleteCvmRecord(state, cvm, new Date(dueMs));
  }
}
