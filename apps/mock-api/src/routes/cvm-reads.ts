import type { Context, Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";
import { cvmNotFoundError } from "../errors";
import { resolveCvm } from "../lookup";
import type { MockCvm } from "../model";
import { QueryReader } from "../query";
import {
  renderCvmAttestation,
  renderCvmComposeFile,
  renderCvmContainers,
  renderCvmNetwork,
  renderCvmPreLaunchScript,
  renderCvmState,
  renderCvmStats,
  renderCvmUserConfig,
} from "../resources/cvm-reads";
import { readStateStreamQuery } from "../resources/cvm-state-stream";
import type { RenderContext } from "../versions/context";

function cvmOf(c: Context<MockEnv>): MockCvm {
  const ctx = c.get("render");
  const id = c.req.param("cvm_id") ?? "";
  const cvm = resolveCvm(ctx.state, ctx.caller.workspace.id, id);
  if (!cvm) throw cvmNotFoundError(id);
  return cvm;
}

const JSON_VIEWS: Record<string, (cvm: MockCvm, ctx: RenderContext) => unknown> = {
  stats: renderCvmStats,
  network: renderCvmNetwork,
  composition: renderCvmContainers,
  attestation: renderCvmAttestation,
  user_config: renderCvmUserConfig,
  compose_file: (cvm, ctx) => renderCvmComposeFile(ctx.state, cvm),
};

export function registerCvmReadRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // With a `target` the same path streams server-sent events until the CVM
  // reaches it; that form is served by the state-stream routes registered after
  // these. Without one it answers the state once.
  api.get("/cvms/:cvm_id/state", async (c, next) => {
    if (c.req.query("target")?.trim()) return next();
    await requireApiKey(c, async () => {});
    readStateStreamQuery(new QueryReader((name) => c.req.queries(name) ?? []));
    return c.json(renderCvmState(cvmOf(c), c.get("render")));
  });

  for (const [view, render] of Object.entries(JSON_VIEWS)) {
    api.get(`/cvms/:cvm_id/${view}`, requireApiKey, (c) =>
      c.json(render(cvmOf(c), c.get("render")) as object),
    );
  }

  api.get("/cvms/:cvm_id/docker-compose.yml", requireApiKey, (c) => {
    c.header("Content-Type", "text/yaml; charset=utf-8");
    return c.body(cvmOf(c).composeFile);
  });

  api.get("/cvms/:cvm_id/pre-launch-script", requireApiKey, (c) => {
    c.header("Content-Type", "text/plain; charset=utf-8");
    return c.body(renderCvmPreLaunchScript(cvmOf(c), c.get("render")));
  });
}
