// GET /workspaces/{slug}/nodes: the nodes a workspace can deploy to.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { paged, QueryReader, readPagination } from "../../internal/query";
import { sortedNodes } from "../instance-types/catalogue";
import { memberWorkspace } from "./workspaces";

export function registerWorkspaceNodeRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/workspaces/:slug/nodes", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const { page, pageSize } = readPagination(query, 30);
    query.assertValid();
    memberWorkspace(state, caller, c.req.param("slug"));
    // Every seeded node is public, so each workspace can deploy to all of them.
    return c.json(
      paged(sortedNodes(state), page, pageSize, (node) => ({
        object_type: "node",
        id: node.id,
        node_id: node.nodeId,
        name: node.name,
        region: node.region,
        device_id: node.deviceId,
        ppid: node.ppid,
        status: node.status,
        version: node.version,
      })),
      200,
    );
  });
}
