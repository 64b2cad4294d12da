import type {
  CurrentUserV20251028,
  CurrentUserV20260121,
  CvmDetailV20251028,
  CvmInfoDetailV20260121,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient, createClient, getCvmInfo, type PhalaCloudClient } from "./index";

describe("the Deno presets are typed by version", () => {
  it("createClient defaults to 2026-01-21 and withVersion switches the shapes", () => {
    const client = createClient({ apiKey: "k", caCerts: [] });
    expectTypeOf(client).toEqualTypeOf<PhalaCloudClient<"2026-01-21">>();
    expectTypeOf(client.getCurrentUser()).resolves.toEqualTypeOf<CurrentUserV20260121>();
    const legacy = client.withVersion("2025-10-28");
    expectTypeOf(legacy.version).toEqualTypeOf<"2025-10-28">();
    expectTypeOf(legacy.getCurrentUser()).resolves.toEqualTypeOf<CurrentUserV20251028>();
  });

  it("an explicit version and the proxy options together", () => {
    const client = createClient({
      version: "2025-10-28",
      proxy: { url: "http://proxy:3128", basicAuth: { username: "u", password: "p" } },
    });
    expectTypeOf(client.getCvmInfo({ id: "x" })).resolves.toEqualTypeOf<CvmDetailV20251028>();
  });

  it("createBaseClient works with standalone actions", () => {
    const client = createBaseClient({ version: "2026-01-21" });
    expectTypeOf(getCvmInfo(client, { id: "x" })).resolves.toEqualTypeOf<CvmInfoDetailV20260121>();
  });

  it("LATEST is typed as 2026-06-23, the newest version", () => {
    const latest = createClient({ version: "Latest" });
    expectTypeOf(latest).toEqualTypeOf<PhalaCloudClient<"2026-06-23">>();
    expectTypeOf(createBaseClient({ version: "LATEST" }).version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(latest.getCvmInfo({ id: "x" })).resolves.toEqualTypeOf<CvmInfoDetailV20260121>();
  });

  it("rejects unknown versions and malformed adapter options", () => {
    // @ts-expect-error not a known API version
    createClient({ version: "2024-01-01" });
    // @ts-expect-error a proxy needs a url
    createClient({ proxy: {} });
    // @ts-expect-error caCerts are PEM strings
    createBaseClient({ caCerts: "pem" });
  });
});
