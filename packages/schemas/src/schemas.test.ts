import { describe, expect, it } from "vitest";
import {
  CurrentUserV20260121Schema,
  CvmInfoV20260121Schema,
  getAppCvmsResponseSchemas,
  PaginatedCvmInfosV20251028Schema,
} from "./index";

const cvm2026 = {
  id: "8f1e2d3c",
  name: "web-1",
  status: "running",
  resource: { vcpu: 2, memory_in_gb: 4, disk_in_gb: 40, billing_period: "hourly" },
  gateway: { base_domain: "dstack.example", cname: null },
};

describe("schemas", () => {
  it("accept fields a version adds later and strip them", () => {
    const parsed = CvmInfoV20260121Schema.parse({ ...cvm2026, brand_new_field: { x: 1 } });
    expect(parsed).not.toHaveProperty("brand_new_field");
    expect(parsed.resource.vcpu).toBe(2);
  });

  it("accept enum values the SDK does not know yet, as they are", () => {
    const parsed = CvmInfoV20260121Schema.parse({
      ...cvm2026,
      kms_type: "solana",
      resource: { ...cvm2026.resource, billing_period: "weekly" },
    });
    expect(parsed.kms_type).toBe("solana");
    expect(parsed.resource.billing_period).toBe("weekly");
  });

  it("fill the defaults the API documents", () => {
    const parsed = CvmInfoV20260121Schema.parse(cvm2026);
    expect(parsed.in_progress).toBe(false);
    expect(parsed.services).toEqual([]);
    expect(parsed.listed).toBe(false);
  });

  it("reject a body of the wrong shape with the failing paths", () => {
    const result = CvmInfoV20260121Schema.safeParse({ ...cvm2026, resource: { vcpu: "two" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["resource.vcpu"]);
    const legacyPage = PaginatedCvmInfosV20251028Schema.safeParse({
      items: [cvm2026],
      total: 1,
      page: 1,
      page_size: 10,
      pages: 1,
    });
    expect(legacyPage.success).toBe(false);
    expect(legacyPage.error?.issues.some((i) => i.path.join(".") === "items.0.hosted")).toBe(true);
  });

  it("keep one version's user out of the other", () => {
    const legacyUser = {
      username: "ada",
      email: "ada@example.com",
      credits: 10,
      granted_credits: 5,
      avatar: "",
      team_name: "Acme",
      team_tier: "pro",
    };
    expect(CurrentUserV20260121Schema.safeParse(legacyUser).success).toBe(false);
  });

  it("expose Standard Schema for each endpoint table", async () => {
    const result = await getAppCvmsResponseSchemas["2026-01-21"]["~standard"].validate([cvm2026]);
    expect(result.issues).toBeUndefined();
  });
});
