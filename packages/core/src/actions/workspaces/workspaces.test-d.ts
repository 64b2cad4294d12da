import type {
  GetWorkspaceNodes,
  GetWorkspaceQuotas,
  ListWorkspaces,
  WorkspaceResponse,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import { getWorkspace, getWorkspaceNodes, getWorkspaceQuotas, listWorkspaces } from "./index";

const client = createBaseClient({ apiKey: "k" });

describe("workspace action types", () => {
  it("type each result", () => {
    expectTypeOf(listWorkspaces(client)).resolves.toEqualTypeOf<ListWorkspaces>();
    expectTypeOf(getWorkspace(client, "acme")).resolves.toEqualTypeOf<WorkspaceResponse>();
    expectTypeOf(
      getWorkspace(client, { teamSlug: "acme" }),
    ).resolves.toEqualTypeOf<WorkspaceResponse>();
    expectTypeOf(
      getWorkspaceNodes(client, { teamSlug: "acme", pageSize: 10 }),
    ).resolves.toEqualTypeOf<GetWorkspaceNodes>();
    expectTypeOf(
      getWorkspaceQuotas(client, { teamSlug: "acme" }),
    ).resolves.toEqualTypeOf<GetWorkspaceQuotas>();
  });

  it("expose the cursor and open billing status", () => {
    expectTypeOf<ListWorkspaces["pagination"]["next_cursor"]>().toEqualTypeOf<string | null>();
    expectTypeOf<"active">().toExtend<WorkspaceResponse["billing_status"]>();
    // @ts-expect-error teamSlug is required
    getWorkspaceQuotas(client, {});
  });
});
