// POST /cvms/{cvm_id}/start, /stop, /shutdown, /restart: the moves a caller asks
// for by path, and DELETE /cvms/{cvm_id}.
import type { Context, Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { operationInProgressError, phalaError } from "../../internal/errors";
import { respond } from "../../internal/respond";
import type { CvmStatus, MockCvm, MockState } from "../../model";
import { cvmOf, renderVm } from "./shared";
import {
  assertNodeAvailable,
  beginTransition,
  currentCvmStatus,
  deleteCvmRecord,
  liveStatus,
} from "./status-machine";

/** A move the CVM's status does not allow: final, so it carries an `error_code`. */
function conflict(cvm: MockCvm, message: string, suggestion: string) {
  return phalaError(409, {
    errorCode: "ERR-02-008",
    message,
    details: [{ field: "status", value: cvm.status, message: null }],
    suggestions: [suggestion],
  });
}

/** The lifecycle operations a caller can ask for by path. */
export type PowerAction = "start" | "stop" | "shutdown" | "restart";

interface PowerMove {
  /** The statuses the move may start from. */
  from: readonly CvmStatus[];
  via: CvmStatus;
  to: CvmStatus;
  refusal: (status: CvmStatus) => { message: string; suggestion: string };
}

const POWER_MOVES: Record<PowerAction, PowerMove> = {
  start: {
    from: ["stopped"],
    via: "starting",
    to: "running",
    refusal: (status) => ({
      message: `CVM is ${status}; only a stopped CVM can be started`,
      suggestion:
        status === "running"
          ? "Restart it instead"
          : "Wait until the current operation has finished",
    }),
  },
  // A hard stop is allowed while the VM is coming up, as pulling the plug would be.
  stop: {
    from: ["running", "starting", "restarting"],
    via: "stopping",
    to: "stopped",
    refusal: (status) => ({
      message: `CVM is already ${status}`,
      suggestion: "Start the CVM to run it again",
    }),
  },
  shutdown: {
    from: ["running"],
    via: "stopping",
    to: "stopped",
    refusal: (status) => ({
      message: `CVM is ${status}; only a running CVM can be shut down`,
      suggestion: "Wait until the current operation has finished, or stop the CVM",
    }),
  },
  restart: {
    from: ["running"],
    via: "restarting",
    to: "running",
    refusal: (status) => ({
      message: `CVM is ${status}; only a running CVM can be restarted`,
      suggestion:
        status === "stopped"
          ? "Start the CVM instead"
          : "Wait until the current operation has finished",
    }),
  },
};

/**
 * Applies start / stop / shutdown / restart, or throws the 409 the API answers
 * for a move the CVM's status does not allow.
 */
export function applyPowerAction(
  state: MockState,
  cvm: MockCvm,
  action: PowerAction,
  now: Date,
): void {
  const move = POWER_MOVES[action];
  const status = currentCvmStatus(state, cvm);
  if (!move.from.includes(status)) {
    // Mid-operation the refusal is temporary (no error code: retry later).
    if (liveStatus(state, cvm).transition !== null) throw operationInProgressError(status);
    const { message, suggestion } = move.refusal(status);
    throw conflict(cvm, message, suggestion);
  }
  assertNodeAvailable(state, cvm.nodeId);
  beginTransition(state, cvm, action, move.via, move.to, now);
}

const POWER_ENDPOINTS = {
  start: "startCvm",
  stop: "stopCvm",
  shutdown: "shutdownCvm",
  restart: "restartCvm",
} as const satisfies Record<PowerAction, string>;

function powerRoute(action: PowerAction, takesForce: boolean) {
  return async (c: Context<MockEnv>) => {
    const { state, now } = c.get("render");
    if (takesForce) {
      const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
      body.bool("force");
      body.assertValid();
    }
    const cvm = cvmOf(c);
    applyPowerAction(state, cvm, action, now);
    return respond(c, POWER_ENDPOINTS[action], renderVm(c, cvm));
  };
}

export function registerPowerRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.post("/cvms/:cvm_id/start", requireApiKey, powerRoute("start", false));
  api.post("/cvms/:cvm_id/stop", requireApiKey, powerRoute("stop", false));
  api.post("/cvms/:cvm_id/shutdown", requireApiKey, powerRoute("shutdown", false));
  api.post("/cvms/:cvm_id/restart", requireApiKey, powerRoute("restart", true));

  api.delete("/cvms/:cvm_id", requireApiKey, (c) => {
    const { state, now } = c.get("render");
    const cvm = cvmOf(c);
    deleteCvmRecord(state, cvm, now);
    return c.body(null, 204);
  });
}
