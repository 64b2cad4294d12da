import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { paginate } from "../../paginate";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { bad, describeActionCall, refused, setup } from "./cvms.test-support";
import { listCvmOperations, safeListCvmOperations } from "./list-cvm-operations";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

function operation(correlationId: string, overrides: Record<string, unknown> = {}) {
  return {
    correlation_id: correlationId,
    operation_type: "stop",
    target_state: "stopped",
    triggered_by: 7,
    triggered_by_username: "alice",
    triggered_by_email: "alice@example.com",
    started_at: "2026-03-05T10:00:00Z",
    completed_at: "2026-03-05T10:00:02Z",
    duration_ms: 2000,
    status: "completed",
    error_message: null,
    sub_operations: [],
    events: [{ event_type: "started", timestamp: "2026-03-05T10:00:00Z", state: "stopping" }],
    instance_name: "price-oracle",
    compose_hash: null,
    ...overrides,
  };
}

const page = { items: [operation("op_1")], next_cursor: "c_2", total: 3 };

describeActionCall({
  name: "listCvmOperations",
  method: "GET",
  path: "/cvms/cvm_1/operations",
  body: undefined,
  reply: { body: page },
  call: (c) => listCvmOperations(c, { id: "cvm_1" }),
  safeCall: (c) => safeListCvmOperations(c, { id: "cvm_1" }),
  expected: page,
});

describe("listCvmOperations", () => {
  it("sends cursor, limit and the filters (operation_types repeated, a Date as ISO)", async () => {
    const { fake, client } = setup({ body: page });
    await listCvmOperations(client, {
      id: "cvm_1",
      cursor: "c_2",
      limit: 500,
      start_time: new Date("2026-03-01T00:00:00Z"),
      end_time: "2026-03-31T23:59:59Z",
      operation_types: ["stop", "restart"],
    });
    const url = new URL(fake.calls[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${TEST_BASE_URL}/cvms/cvm_1/operations`);
    expect(url.searchParams.get("cursor")).toBe("c_2");
    expect(url.searchParams.get("limit")).toBe("500");
    expect(url.searchParams.get("start_time")).toBe("2026-03-01T00:00:00.000Z");
    expect(url.searchParams.get("end_time")).toBe("2026-03-31T23:59:59Z");
    expect(url.searchParams.getAll("operation_types")).toEqual(["stop", "restart"]);
  });

  it("a last page has next_cursor null (or none); paginate follows the cursors", async () => {
    const fake = fakeFetch((call) => {
      const cursor = new URL(call.url).searchParams.get("cursor");
      if (cursor === null)
        return { body: { items: [operation("op_3")], next_cursor: "c_2", total: 3 } };
      if (cursor === "c_2")
        return { body: { items: [operation("op_2")], next_cursor: "c_1", total: 3 } };
      return { body: { items: [operation("op_1")], next_cursor: null, total: 3 } };
    });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
    });
    const ids: string[] = [];
    for await (const item of paginate(listCvmOperations, client, { id: "cvm_1", limit: 1 })) {
      ids.push(item.correlation_id);
    }
    expect(ids).toEqual(["op_3", "op_2", "op_1"]);
    expect(fake.calls.map((call) => new URL(call.url).searchParams.get("cursor"))).toEqual([
      null,
      "c_2",
      "c_1",
    ]);
    const last = setup({ body: { items: [], total: 0 } });
    await expect(listCvmOperations(last.client, { id: "cvm_1" })).resolves.toEqual({
      items: [],
      next_cursor: null,
      total: 0,
    });
  });

  it("refuses bad paging and filters before sending", async () => {
    await refused((c) => listCvmOperations(c, { id: "cvm_1", limit: 0 }), "limit");
    await refused((c) => listCvmOperations(c, { id: "cvm_1", limit: 501 }), "limit");
    await refused((c) => listCvmOperations(c, { id: "cvm_1", cursor: "" }), "cursor");
    await refused(
      (c) => listCvmOperations(c, { id: "cvm_1", start_time: "yesterday" }),
      "start_time",
    );
    await refused(
      (c) =>
        listCvmOperations(c, {
          id: "cvm_1",
          start_time: "2026-03-02T00:00:00Z",
          end_time: "2026-03-01T00:00:00Z",
        }),
      "end_time",
    );
    await refused(
      (c) => listCvmOperations(c, { id: "cvm_1", operation_types: [""] }),
      "operation_types",
    );
    await refused((c) => listCvmOperations(c, bad({ id: "cvm_1", page: 2 })), "page");
    await refused((c) => listCvmOperations(c, bad({})), "id");
  });
});
