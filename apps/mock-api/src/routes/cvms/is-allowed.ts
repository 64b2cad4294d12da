// POST /cvms/{cvm_id}/is-allowed: whether the app contract of the CVM's app
// allows its compose hash on its device (or the ones the body names).
//
// Absent from the API reference (listed in contract/exceptions.json). Filed under
// the CVMs tag, the closest one: the reference tags every other operation under
// /cvms/{cvm_id}/ CVMs, and the SDKs call it as a CVM action (checkCvmIsAllowed).
// The check itself is the Apps one (apps/allowlist.ts), as for
// POST /apps/{app_id}/is-allowed.
import type { Hono, MiddlewareHandler } from "hono";
import { readJsonBody } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { appNotFoundError, cvmNotFoundError } from "../../internal/errors";
import { resolveCvm } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import { checkAllowed, readCheckBody } from "../apps/allowlist";

export function registerCvmIsAllowedRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/:cvm_id/is-allowed", requireApiKey, async (c) => {
    const { state, caller } = c.get("render");
    const rawId = c.req.param("cvm_id");
    const cvm = resolveCvm(state, caller.workspace.id, rawId);
    if (!cvm) throw cvmNotFoundError(rawId);
    const body = readCheckBody(await readJsonBody(c.req, "empty-object"), {
      compose_hash: "string",
      node_id: "int",
      device_id: "string",
    });
    const app = state.apps.get(cvm.appId);
    if (!app) throw appNotFoundError(cvm.appId);
    const nodeId = typeof body.node_id === "number" ? body.node_id : cvm.nodeId;
    const deviceId =
      (body.device_id as string | undefined) ?? state.nodes.get(nodeId)?.deviceId ?? "";
    const composeHash = (body.compose_hash as string | undefined) ?? cvm.composeHash;
    return respond(c, "checkCvmIsAllowed", checkAllowed(state, app, composeHash, deviceId, cvm.id));
  });
}
