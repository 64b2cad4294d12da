import type {
  AvailableNodes,
  GetWorkspaceNodes,
  GetWorkspaceQuotas,
  ListWorkspaces,
  OsImageVersion,
  WorkspaceResponse,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import {
  getAvailableNodes,
  getWorkspace,
  getWorkspaceNodes,
  getWorkspaceQuotas,
  listWorkspaces,
} from "./index";

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
    expectTypeOf(getAvailableNodes(client)).resolves.toEqualTypeOf<AvailableNodes>();
    expectTypeOf<
      AvailableNodes["nodes"][number]["images"][number]["version"]
    >().toEqualTypeOf<OsImageVersion>();
  });

  it("expose the cursor and open billing status", () => {
    expectTypeOf<ListWorkspaces["pagination"]["next_cursor"]>().toEqualTypeOf<string | null>();
    expectTypeOf<"active">().toExtend<WorkspaceResponse["billing_status"]>();
    // @ts-expect-error teamSlug is required
    getWorkspaceQuotas(client, {});
  });
});
