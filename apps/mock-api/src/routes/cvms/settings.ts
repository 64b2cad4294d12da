// PATCH /cvms/{cvm_id}/visibility and /name: what a CVM shows and what it is called.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { cvmNotFoundError, MockApiError } from "../../internal/errors";
import { workspaceCvms } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import { CVM_NAME } from "./provision";
import { cvmOf, renderVm } from "./shared";

export function registerSettingsRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.patch("/cvms/:cvm_id/visibility", requireApiKey, async (c) => {
    const ctx = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const publicSysinfo = body.bool("public_sysinfo");
    const publicLogs = body.bool("public_logs");
    const publicTcbinfo = body.bool("public_tcbinfo");
    if (publicSysinfo === undefined && body.body.public_sysinfo === undefined)
      body.string("public_sysinfo", true);
    if (publicLogs === undefined && body.body.public_logs === undefined)
      body.string("public_logs", true);
    body.assertValid();
    const cvm = cvmOf(c);
    cvm.publicSysinfo = publicSysinfo as boolean;
    cvm.publicLogs = publicLogs as boolean;
    if (publicTcbinfo !== undefined) cvm.publicTcbinfo = publicTcbinfo;
    cvm.updatedAt = ctx.now.toISOString();
    // The VM record after the change (it does not carry the visibility flags).
    return respond(c, "patchCvmVisibility", renderVm(c, cvm));
  });

  api.patch("/cvms/:cvm_id/name", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const name = body.string("name", true);
    if (name !== undefined && !CVM_NAME.test(name)) {
      body.invalid(
        "name",
        "CVM name must be an RFC 1123 label: 5-63 characters, a letter first, letters, digits and hyphens, no hyphen last",
      );
    }
    body.assertValid();
    // Renamed by its cvm_... hashid alone: not by a UUID, an app or instance id, or a name.
    const rawId = c.req.param("cvm_id");
    const mine = workspaceCvms(state, caller.workspace.id);
    const cvm = mine.find((candidate) => candidate.id === rawId.trim());
    if (!cvm) throw cvmNotFoundError(rawId);
    if (mine.some((other) => other !== cvm && other.name === name)) {
      throw new MockApiError(400, {
        detail: `CVM name "${name}" is already in use in this workspace`,
      });
    }
    cvm.name = name as string;
    cvm.updatedAt = now.toISOString();
    return c.body(null, 204);
  });
}
