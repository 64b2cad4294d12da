import * as coreActions from "@phala/cloud-core/actions";
import { describe, expect, it } from "vitest";
import { allActions, createClient } from "./index";

function recordingFetch() {
  const calls: { url: string; headers: Headers }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, headers: new Headers(init.headers) });
    return new Response(JSON.stringify({ detail: "Not Found" }), {
      status: 404,
      headers: { "content-type": "application/json" },
    });
  };
  return { calls, fetch };
}

describe("createClient", () => {
  it("binds every action the core exports, and nothing else", () => {
    const client = createClient({ apiKey: "k" }) as unknown as Record<string, unknown>;
    const names = Object.keys(coreActions);
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) expect(typeof client[name], name).toBe("function");
    expect(Object.keys(allActions).sort()).toEqual(names.sort());
  });

  it("bound methods send through the client, with its version, and keep it after withVersion", async () => {
    const { calls, fetch } = recordingFetch();
    const client = createClient({ apiKey: "k", baseURL: "http://127.0.0.1:9/api/v1", fetch });
    const legacy = client.withVersion("2025-10-28");
    await expect(client.getCvmInfo({ id: "cvm-abc123" })).rejects.toMatchObject({
      name: "NotFoundError",
      status: 404,
      apiVersion: "2026-01-21",
    });
    const result = await legacy.safeGetAppInfo({ appId: `0x${"a".repeat(40)}` });
    expect(result.success).toBe(false);
    expect(calls.map((c) => [c.url, c.headers.get("x-phala-version")])).toEqual([
      ["http://127.0.0.1:9/api/v1/cvms/cvm-abc123", "2026-01-21"],
      [`http://127.0.0.1:9/api/v1/apps/${"a".repeat(40)}`, "2025-10-28"],
    ]);
    expect(client.version).toBe("2026-01-21");
  });

  it("LATEST is the newest version's date: reported, sent, and pinned endpoints send theirs", async () => {
    const { calls, fetch } = recordingFetch();
    const client = createClient({
      apiKey: "k",
      baseURL: "http://127.0.0.1:9/api/v1",
      fetch,
      version: "LATEST",
    });
    expect(client.version).toBe("2026-06-23");
    expect(JSON.stringify(client)).toContain('"version":"2026-06-23"');
    await client.safeGetCvmInfo({ id: "cvm_abc" });
    await client.safeGetKmsList();
    await client.safeListKmsContracts();
    await client.withVersion("2026-01-21").safeGetKmsContract({ slug: "phala" });
    await client.safeRenameCvm({ id: "cvm_abc", name: "web-01" });
    expect(calls.map((c) => [c.url, c.headers.get("x-phala-version")])).toEqual([
      ["http://127.0.0.1:9/api/v1/cvms/cvm_abc", "2026-06-23"],
      ["http://127.0.0.1:9/api/v1/kms", "2026-05-22"],
      ["http://127.0.0.1:9/api/v1/kms", "2026-06-23"],
      ["http://127.0.0.1:9/api/v1/kms/phala", "2026-06-23"],
      ["http://127.0.0.1:9/api/v1/cvms/cvm_abc/name", "2026-06-23"],
    ]);
  });
});
