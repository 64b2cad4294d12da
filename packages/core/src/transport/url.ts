import { PhalaCloudError } from "../errors";
import { prepare } from "./headers";
import type { QueryParams, TransportState } from "./types";

// Characters a URL path keeps as they are, without "." and "%" (no dot segment,
// plain or encoded): such a path needs no URL parse to be appended to the base.
const PLAIN_PATH = /^\/[\w\-~!$&'()*+,;=:@/]*$/;

function addQuery(url: URL, query: QueryParams | undefined): string {
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      const values = Array.isArray(value) ? value : [value];
      for (const item of values) {
        if (item !== undefined && item !== null) url.searchParams.append(key, String(item));
      }
    }
  }
  return url.toString();
}

export function buildURL(baseURL: string, path: string, query?: QueryParams): string {
  const base = new URL(baseURL);
  // A path is always appended below the base URL: one that does not start with
  // "/" (".evil.test", "@evil.test") would otherwise move the request to another host.
  const url = new URL(baseURL.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  if (url.origin !== base.origin) {
    throw new PhalaCloudError(`Refused path ${JSON.stringify(path)}: it leaves the API origin`);
  }
  return addQuery(url, query);
}

/** `buildURL` without a URL parse when the base and the path are already plain (one parse with a query). */
export function requestURL(state: TransportState, path: string, query?: QueryParams): string {
  const { base, plainBase } = prepare(state);
  if (!plainBase || !PLAIN_PATH.test(path)) return buildURL(state.baseURL, path, query);
  const url = base + path;
  return query ? addQuery(new URL(url), query) : url;
}
