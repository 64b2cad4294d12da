import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  appListV20251028,
  appListV20260121,
  appV20260121,
  cvmV20260121,
  type fakeFetch,
} from "../../test-utils";
import { expectInvalid, setup, validationError } from "./apps.test-support";
import { getAppList } from "./get-app-list";

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

describe("getAppList: the request", () => {
  it("sends status as repeated params and listed: false as 'false'", async () => {
    const { fake, client } = setup(appListV20260121());
    await getAppList(client, {
      page: 1,
      page_size: 100,
      search: "oracle",
      status: ["running", "stopped"],
      listed: false,
      base_image: "dstack-0.5.3",
      instance_type: "tdx.medium",
      kms_slug: "phala-prod",
      kms_type: "phala",
      node: "prod7",
      region: "us-west",
    });
    const url = sentURL(fake);
    expect(url.pathname).toBe("/api/v1/apps");
    expect(url.searchParams.getAll("status")).toEqual(["running", "stopped"]);
    expect(url.search).toContain("status=running&status=stopped");
    expect(url.searchParams.get("listed")).toBe("false");
    expect(url.searchParams.get("page")).toBe("1");
    expect(url.searchParams.get("page_size")).toBe("100");
    expect(url.searchParams.get("search")).toBe("oracle");
    expect(url.searchParams.get("base_image")).toBe("dstack-0.5.3");
    expect(url.searchParams.get("instance_type")).toBe("tdx.medium");
    expect(url.searchParams.get("kms_slug")).toBe("phala-prod");
    expect(url.searchParams.get("kms_type")).toBe("phala");
    expect(url.searchParams.get("node")).toBe("prod7");
    expect(url.searchParams.get("region")).toBe("us-west");
  });

  it("skips undefined arguments", async () => {
    const { fake, client } = setup(appListV20260121());
    await getAppList(client, { page: undefined, listed: true });
    expect(sentURL(fake).search).toBe("?listed=true");
  });

  it.each([
    ["status not an array", { status: "running" }, "status"],
    ["status with a non-string", { status: ["running", 1] }, "status"],
    ["listed as a string", { listed: "false" }, "listed"],
    ["page_size 101", { page_size: 101 }, "page_size"],
    ["an unknown key", { statuses: ["running"] }, "statuses"],
  ])("refuses %s (nothing is sent)", async (_label, args, field) => {
    const { fake, client } = setup(appListV20260121());
    await expectInvalid(getAppList(client, args as any), "getAppList", field);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("getAppList: the response", () => {
  it("an unknown kms_type is accepted and returned (CVM and app)", async () => {
    const cvm = cvmV20260121();
    cvm.kms_type = "solana";
    const app = { ...appV20260121(), kms_type: "solana", current_cvm: cvm, cvms: [cvm] };
    const { client } = setup({
      dstack_apps: [app],
      page: 1,
      page_size: 20,
      total: 1,
      total_pages: 1,
    });
    const list = await getAppList(client);
    const first = list.dstack_apps[0]!;
    expect(first.kms_type).toBe("solana");
    expect(first.current_cvm?.kms_type).toBe("solana");
  });

  it("the minimal app of another workspace parses in a 2026 list", async () => {
    const { client } = setup(appListV20260121());
    const list = await getAppList(client);
    expect(list.dstack_apps[1]).toMatchObject({ app_id: expect.any(String), id: null, name: null });
  });

  it("a 2025 app list with a wrong nested type names the full path", async () => {
    const body = appListV20251028() as any;
    body.dstack_apps[0].cvms[0].vcpu = "2";
    const { client } = setup(body, "2025-10-28");
    const error = await validationError(getAppList(client));
    expect(error.issues.map((i) => i.path)).toContain("dstack_apps.0.cvms.0.vcpu");
  });
});
