// GET /cvms: every CVM of the workspace in one answer (the unpaginated form of
// GET /cvms/paginated), filtered by `teepod_id` and `user_id` only.
import type { Hono, MiddlewareHandler } from "hono";
import { cvmListMatches } from "../../internal/cvm-filters";
import type { MockEnv } from "../../internal/env";
import { workspaceCvms } from "../../internal/lookup";
import { QueryReader } from "../../internal/query";
import { respond } from "../../internal/respond";
import { renderCvm } from "../../versions/render-2026-01-21";

export function registerAllCvmsRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/cvms", requireApiKey, (c) => {
    const ctx = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const teepodId = query.int("teepod_id", undefined);
    const userId = query.string("user_id");
    if (userId !== undefined && userId !== "0" && !/^usr_.+/.test(userId)) {
      query.fail(
        "user_id",
        "string_pattern_mismatch",
        "String should match pattern '^usr_.+'",
        userId,
        {
          pattern: "^usr_.+",
        },
      );
    }
    query.assertValid();
    const filters = { teepodId, userId: userId === "0" ? undefined : userId, instanceTypes: [] };
    const cvms = workspaceCvms(ctx.state, ctx.caller.workspace.id).filter((cvm) =>
      cvmListMatches(ctx.state, cvm, filters),
    );
    return respond(
      c,
      "listCvms",
      cvms.map((cvm) => renderCvm(cvm, ctx)),
    );
  });
}
