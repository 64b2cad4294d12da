// What the CVM routes share: the CVM a path names, the VM record they answer
// with, and the 404 of a node that does not exist.
import type { CvmVmV20260522Schema } from "@phala/cloud-schemas";
import type { Context } from "hono";
import type { MockEnv } from "../../internal/env";
import { cvmNotFoundError, phalaError } from "../../internal/errors";
import { resolveCvm } from "../../internal/lookup";
import type { MockCvm } from "../../model";
import type { WireInput } from "../../versions/sdk-types";
import { renderCvmVm } from "./cvm-record";
import { currentCvmStatus } from "./status-machine";

/** The caller's CVM named by the `cvm_id` path parameter (any id form), or the API's 404. */
export function cvmOf(c: Context<MockEnv>): MockCvm {
  const { state, caller } = c.get("render");
  const id = c.req.param("cvm_id") ?? "";
  const cvm = resolveCvm(state, caller.workspace.id, id);
  if (!cvm) throw cvmNotFoundError(id);
  return cvm;
}

/**
 * The VM record of start/stop/shutdown/restart/replicas and the commit, with the
 * hashids of 2026-05-22 (`cvm_...`, `usr_...`); the version chain takes them back
 * to the table ids of 2025-10-28 or the placeholder 0 of 2026-01-21.
 */
export function renderVm(
  c: Context<MockEnv>,
  cvm: MockCvm,
): WireInput<typeof CvmVmV20260522Schema> {
  const { state } = c.get("render");
  return renderCvmVm(state, cvm, {
    status: currentCvmStatus(state, cvm),
    vmUuid: cvm.vmUuid,
    appUrlPort: 8090,
  });
}

export function nodeNotFound(nodeId: number) {
  return phalaError(404, {
    errorCode: "ERR-01-001",
    message: "Node not found",
    details: [{ field: "node_id", value: nodeId, message: null }],
    suggestions: ["List the nodes you can deploy to with GET /teepods/available"],
  });
}
