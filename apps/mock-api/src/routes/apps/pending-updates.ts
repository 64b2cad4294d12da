// GET /apps/{app_id}/pending-updates and .../{vm_uuid}/{compose_hash}/preview:
// the updates of an app's CVMs that wait for their compose hash's on-chain
// registration (kept by the update flow of cvms/ when it answers 465), and what
// one would change. The confirmation (PATCH /cvms/{id} with the proof) or the
// commit (POST /cvms/{id}/commit-update) applies it and clears it.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { appCvms } from "../../internal/lookup";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { bareHash, composeExtras } from "../cvms/compose-store";
import { isOnChain } from "../cvms/registration";
import { appCvmByVmUuid } from "./app-cvm";
import { ownApp } from "./shared";

export function registerPendingUpdateRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/apps/:app_id/pending-updates", requireApiKey, (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    const body: WireBody<"getAppPendingUpdates", RenderVersion> = {
      items: appCvms(state, app.appId).flatMap((cvm) => {
        const pending = composeExtras(state, cvm).pending;
        if (!pending) return [];
        return [
          {
            vm_uuid: cvm.vmUuid,
            compose_hash: pending.composeHash,
            on_chain: isOnChain(state, cvm),
            instance_name: cvm.name,
          },
        ];
      }),
    };
    return c.json(body);
  });

  api.get("/apps/:app_id/pending-updates/:vm_uuid/:compose_hash/preview", requireApiKey, (c) => {
    const { state } = c.get("render");
    const cvm = appCvmByVmUuid(c, ownApp(c));
    const hash = c.req.param("compose_hash");
    const extras = composeExtras(state, cvm);
    const pending = extras.pending;
    if (!pending || bareHash(pending.composeHash) !== bareHash(hash)) {
      throw phalaError(404, {
        message: "No pending update of this CVM has this compose hash",
        details: [
          { field: "vm_uuid", value: c.req.param("vm_uuid"), message: null },
          { field: "compose_hash", value: hash, message: null },
        ],
        suggestions: ["List the app's pending updates with GET /apps/{app_id}/pending-updates"],
      });
    }
    const script = (text: string | undefined) => (text ? text : null);
    const body: WireBody<"getAppPendingUpdatePreview", RenderVersion> = {
      current_docker_compose: cvm.composeFile,
      pending_docker_compose: pending.change.dockerComposeFile ?? cvm.composeFile,
      current_pre_launch_script: script(extras.preLaunchScript),
      pending_pre_launch_script: script(pending.change.preLaunchScript ?? extras.preLaunchScript),
    };
    return c.json(body);
  });
}
