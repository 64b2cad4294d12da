import type { Client, KnownApiVersion } from "@phala/cloud-core";
import type * as actions from "@phala/cloud-core/actions";
import { describe, expectTypeOf, it } from "vitest";
import {
  createBaseClient,
  createClient,
  createNodeFetch,
  type NodeClientConfig,
  type PhalaCloudClient,
} from "./index";

type CoreClient<V extends KnownApiVersion> = Client<V, typeof actions>;

describe("node presets' types", () => {
  it("createClient({ version: '2025-10-28' }) types its methods as the core's Client does", () => {
    const client = createClient({ version: "2025-10-28" });
    expectTypeOf(client).toEqualTypeOf<PhalaCloudClient<"2025-10-28">>();
    expectTypeOf(client.version).toEqualTypeOf<"2025-10-28">();
    expectTypeOf(client.getCurrentUser).toEqualTypeOf<CoreClient<"2025-10-28">["getCurrentUser"]>();
    expectTypeOf<Awaited<ReturnType<typeof client.getCurrentUser>>>().toEqualTypeOf<
      Awaited<ReturnType<CoreClient<"2025-10-28">["getCurrentUser"]>>
    >();
    expectTypeOf<Awaited<ReturnType<typeof client.getCurrentUser>>>().toHaveProperty("team_name");
  });

  it("defaults to 2026-01-21 and follows withVersion", () => {
    const client = createClient();
    expectTypeOf(client.getCurrentUser).toEqualTypeOf<CoreClient<"2026-01-21">["getCurrentUser"]>();
    const legacy = client.withVersion("2025-10-28");
    expectTypeOf(legacy.getCvmInfo).toEqualTypeOf<CoreClient<"2025-10-28">["getCvmInfo"]>();
  });

  it("LATEST is typed as the newest version's date; 2026-05-22 and 2026-06-23 are known", () => {
    const latest = createClient({ version: "LATEST" });
    expectTypeOf(latest).toEqualTypeOf<PhalaCloudClient<"2026-06-23">>();
    expectTypeOf(latest.version).toEqualTypeOf<"2026-06-23">();
    expectTypeOf(createBaseClient({ version: "latest" })).toEqualTypeOf<Client<"2026-06-23">>();
    expectTypeOf(latest.startCvm).toEqualTypeOf<CoreClient<"2026-06-23">["startCvm"]>();
    const hashids = createClient({ version: "2026-05-22" });
    expectTypeOf(hashids.version).toEqualTypeOf<"2026-05-22">();
    const started = async () => (await hashids.startCvm({ id: "x" })).id;
    expectTypeOf(started).returns.resolves.toEqualTypeOf<string>();
  });

  it("createBaseClient returns the core's base client", () => {
    expectTypeOf(createBaseClient({ version: "2025-10-28" })).toEqualTypeOf<Client<"2025-10-28">>();
  });

  it("accepts the adapter options beside the core's, and rejects unknown versions", () => {
    createClient({ proxy: false, connections: 8, keepAliveTimeout: 1000, noProxy: "internal" });
    createClient({ fetch: createNodeFetch({ proxy: "http://proxy.internal:3128" }) });
    expectTypeOf<NodeClientConfig<"2026-01-21">>().toHaveProperty("proxy");
    // @ts-expect-error not a known API version
    createClient({ version: "2024-01-01" });
    // @ts-expect-error proxy is a URL string or false
    createClient({ proxy: true });
  });
});
