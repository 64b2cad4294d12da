import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RequestValidationError } from "../../errors";
import { cvmListV20260121, type fakeFetch, TEST_BASE_URL } from "../../test-utils";
import { setup } from "./cvms.test-support";
import { getCvmList } from "./get-cvm-list";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function sentURL(fake: ReturnType<typeof fakeFetch>, index = 0): URL {
  const call = fake.calls[index];
  if (!call) throw new Error(`fetch call ${index} was not made`);
  return new URL(call.url);
}

describe("request URLs", () => {
  it("getCvmList sends page, page_size and node_id", async () => {
    const { fake, client } = setup({ body: cvmListV20260121() });
    await getCvmList(client, { page: 2, page_size: 50, node_id: 7 });
    const url = sentURL(fake);
    expect(url.pathname).toBe("/api/v1/cvms/paginated");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "2",
      page_size: "50",
      node_id: "7",
    });
  });

  it("getCvmList sends the reference's and the official SDKs' filters", async () => {
    const { fake, client } = setup({ body: cvmListV20260121() });
    await getCvmList(client, {
      page: 1,
      page_size: 100,
      teepod_id: 3,
      node_id: 7,
      user_id: "usr_8xK2mQ",
      family: "gpu",
      instance_types: ["h200.small", "h200.medium"],
    });
    const url = sentURL(fake);
    // node_id and teepod_id are different ids: both are sent as given.
    expect(url.searchParams.get("teepod_id")).toBe("3");
    expect(url.searchParams.get("node_id")).toBe("7");
    expect(url.searchParams.get("user_id")).toBe("usr_8xK2mQ");
    expect(url.searchParams.get("family")).toBe("gpu");
    expect(url.searchParams.getAll("instance_types")).toEqual(["h200.small", "h200.medium"]);
    expect(url.search).toContain("instance_types=h200.small&instance_types=h200.medium");
    await getCvmList(client, { user_id: "0" });
    expect(sentURL(fake, 1).searchParams.get("user_id")).toBe("0");
  });

  it.each([
    ["page_size above 100", { page_size: 101 }, "page_size"],
    ["page_size 0", { page_size: 0 }, "page_size"],
    ["a user_id that is not a usr_ id or 0", { user_id: "42" }, "user_id"],
    ["a numeric user_id", { user_id: 42 }, "user_id"],
    ["an unknown family", { family: "tpu" }, "family"],
    ["instance_types as a string", { instance_types: "tdx.small" }, "instance_types"],
    ["a negative teepod_id", { teepod_id: -1 }, "teepod_id"],
  ])("getCvmList refuses %s before sending", async (_label, args, field) => {
    const { fake, client } = setup({ body: cvmListV20260121() });
    const error = await getCvmList(client, args as any).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).endpoint).toBe("getCvmList");
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([field]);
    expect(fake.calls).toHaveLength(0);
  });

  it("getCvmList without arguments sends no query", async () => {
    const { fake, client } = setup({ body: cvmListV20260121() });
    await getCvmList(client);
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/paginated`);
  });
});

describe("request validation (nothing is sent)", () => {
  it.each([
    ["page 0", { page: 0 }, "page"],
    ["page 1.5", { page: 1.5 }, "page"],
    ["page as a string", { page: "2" }, "page"],
    ["page_size 101", { page_size: 101 }, "page_size"],
    ["page_size 0", { page_size: 0 }, "page_size"],
    ["node_id -1", { node_id: -1 }, "node_id"],
    ["an unknown key", { pageSize: 10 }, "pageSize"],
  ])("getCvmList refuses %s", async (_label, args, field) => {
    const { fake, client } = setup({ body: cvmListV20260121() });
    const error = await getCvmList(client, args as any).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).endpoint).toBe("getCvmList");
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([field]);
    expect(fake.calls).toHaveLength(0);
  });

  it("getCvmList refuses non-object arguments", async () => {
    const { fake, client } = setup({ body: cvmListV20260121() });
    await expect(getCvmList(client, 5 as any)).rejects.toBeInstanceOf(RequestValidationError);
    await expect(getCvmList(client, [] as any)).rejects.toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });
});
