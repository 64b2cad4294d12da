import {
  type ClientConfig,
  PhalaCloudError,
  type RuntimePreset,
  withRuntime,
} from "@phala/cloud-core";
import { createDenoFetch, type DenoFetchOptions, needsDenoHttpClient } from "./deno-fetch";

/** What the Deno presets take on top of the core config: the proxy/TLS options of `createDenoFetch`. */
export type DenoAdapterOptions = DenoFetchOptions;

/**
 * The Deno preset: Deno's fetch with the given proxy/TLS options (through
 * `Deno.createHttpClient`), unless the config gives its own `fetch`, in which
 * case those options would be ignored and are refused.
 */
export const denoRuntime: RuntimePreset<DenoAdapterOptions> = {
  configure(config) {
    const { proxy, caCerts, cert, key, httpClient, ...rest } = config;
    const adapterOptions: DenoAdapterOptions = { proxy, caCerts, cert, key, httpClient };
    for (const name of Object.keys(adapterOptions) as (keyof DenoAdapterOptions)[]) {
      if (adapterOptions[name] === undefined) delete adapterOptions[name];
    }
    if (rest.fetch) {
      if (needsDenoHttpClient(adapterOptions)) {
        throw new PhalaCloudError(
          "Pass either `fetch` or the proxy/TLS options (proxy, caCerts, cert, key, httpClient), not both",
        );
      }
      return rest as ClientConfig<never>;
    }
    return { ...rest, fetch: createDenoFetch(adapterOptions) };
  },
};

/** Core's `createBaseClient` and `createClient` on Deno's fetch with the proxy/TLS options. */
export const { createBaseClient, createClient } = /* @__PURE__ */ withRuntime(denoRuntime);
