// GET /apps/{app_id}/attestations/tcb-evaluation: Intel's TCB evaluation of the
// platform each of an app's instances runs on. The mock's platforms are all up
// to date; an instance that does not run has no quote to evaluate.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { appCvms } from "../../internal/lookup";
import { getNode } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { currentCvmStatus } from "../cvms/status-machine";
import { ownApp } from "./shared";

export function registerTcbEvaluationRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/apps/:app_id/attestations/tcb-evaluation", requireApiKey, (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    const body: WireBody<"getAppTcbEvaluation", RenderVersion> = {
      app_id: app.appId,
      update: "early",
      instances: appCvms(state, app.appId).map((cvm) => {
        const node = getNode(state, cvm.nodeId);
        const status = currentCvmStatus(state, cvm);
        const running = status === "running";
        return {
          vm_uuid: cvm.vmUuid,
          name: cvm.name,
          instance_id: cvm.instanceId,
          status,
          image_version: cvm.os.version,
          ppid: node.ppid,
          device_id: node.deviceId,
          evaluation_update: "early",
          evaluation_ok: running ? true : null,
          evaluation_status: running ? "UpToDate" : null,
          error: running ? null : `CVM is ${status}: no quote to evaluate`,
        };
      }),
    };
    return c.json(body);
  });
}
