// GET /cvms/paginated and GET /cvms/{cvm_id}: the workspace's CVMs, and one of them.
import type { Hono, MiddlewareHandler } from "hono";
import { cvmListMatches, readCvmListFilters } from "../../internal/cvm-filters";
import type { MockEnv } from "../../internal/env";
import { cvmNotFoundError } from "../../internal/errors";
import { resolveCvm, workspaceCvms } from "../../internal/lookup";
import { QueryReader, readPagination } from "../../internal/query";
import { respond } from "../../internal/respond";
import { renderCvmDetail, renderCvmPage } from "../../versions/render-2026-01-21";

export function registerCvmListRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // Registered before `/cvms/:cvm_id` so that "paginated" is never taken for an id.
  api.get("/cvms/paginated", requireApiKey, (c) => {
    const ctx = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const { page, pageSize } = readPagination(query, 30);
    const filters = readCvmListFilters(query);
    query.assertValid();

    const cvms = workspaceCvms(ctx.state, ctx.caller.workspace.id).filter((cvm) =>
      cvmListMatches(ctx.state, cvm, filters),
    );
    return respond(c, "getCvmList", renderCvmPage(cvms, page, pageSize, ctx));
  });

  api.get("/cvms/:cvm_id", requireApiKey, (c) => {
    const ctx = c.get("render");
    const id = c.req.param("cvm_id");
    const cvm = resolveCvm(ctx.state, ctx.caller.workspace.id, id);
    if (!cvm) throw cvmNotFoundError(id);
    return respond(c, "getCvmInfo", renderCvmDetail(cvm, ctx));
  });
}
