/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createBaseClient,
  createClient,
  getCvmInfo,
  getCvmInfoResponseSchemas,
  listKmsContractsResponseSchemas,
  ResponseValidationError,
} from "./index";

const cvm = {
  id: "51e0ba8d9096",
  name: "cvm-abc123",
  status: "running",
  resource: { vcpu: 2, memory_in_gb: 4, billing_period: "weekly" },
  gateway: { base_domain: "dstack.example", cname: null },
  unknown_new_field: true,
};

function answering(body: unknown) {
  const versions: (string | null)[] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    versions.push(new Headers(init.headers).get("x-phala-version"));
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  };
  return { fetch, versions };
}

describe("@phala/cloud-edge", () => {
  it("validates with valibot, not zod", () => {
    expect(getCvmInfoResponseSchemas["2026-01-21"]["~standard"].vendor).toBe("valibot");
  });

  it("parses a response like the zod flavour: unknown keys dropped, unknown enum values kept", async () => {
    const { fetch, versions } = answering(cvm);
    const result = await getCvmInfo(createBaseClient({ apiKey: "k", fetch }), { id: "cvm-abc123" });
    expect(result.resource.billing_period).toBe("weekly");
    expect(result).not.toHaveProperty("unknown_new_field");
    expect(result.in_progress).toBe(false);
    expect(versions).toEqual(["2026-01-21"]);
  });

  it("rejects a body of another version with the typed error", async () => {
    const { fetch } = answering({ ...cvm, resource: undefined });
    const client = createClient({ apiKey: "k", fetch });
    const error = await client.getCvmInfo({ id: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((i) => i.path)).toContain("resource");
  });

  it("binds every action, typed by version", async () => {
    const { fetch, versions } = answering({
      username: "alice",
      email: "a@example.com",
      credits: 1,
      granted_credits: 0,
      avatar: "",
      team_name: "Acme",
      team_tier: "pro",
    });
    const legacy = createClient({ apiKey: "k", fetch, version: "2025-10-28" });
    expect((await legacy.getCurrentUser()).team_name).toBe("Acme");
    expect(versions).toEqual(["2025-10-28"]);
  });

  it("LATEST is the newest version's date; the pinned KMS actions send theirs", async () => {
    const { fetch, versions } = answering({
      items: [],
      total: 0,
      page: 1,
      page_size: 20,
      pages: 0,
    });
    const latest = createClient({ apiKey: "k", fetch, version: "latest" });
    expect(latest.version).toBe("2026-06-23");
    await latest.getKmsList();
    await latest.listKmsContracts();
    await latest.withVersion("2026-01-21").listKmsContracts();
    expect(versions).toEqual(["2026-05-22", "2026-06-23", "2026-06-23"]);
    expect(listKmsContractsResponseSchemas["2026-01-21"]["~standard"].vendor).toBe("valibot");
  });

  it("ships no zod and no node: import in its build", () => {
    const coreValibot = readdirSync(new URL("../../core/dist/valibot/", import.meta.url))
      .filter((name) => name.endsWith(".js"))
      .map((name) => `../../core/dist/valibot/${name}`);
    expect(coreValibot.length).toBeGreaterThan(1);
    for (const file of ["../dist/index.js", ...coreValibot]) {
      const code = readFileSync(new URL(file, import.meta.url), "utf8");
      expect(code, file).not.toMatch(/from ['"]zod['"]|from ['"]node:/);
      expect(code, file).not.toMatch(/from ['"]@phala\/cloud-schemas['"]/);
    }
  });
});
