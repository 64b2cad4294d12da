import { requireString } from "../../action";

/** The app id as a path segment: the API takes it without `0x` or `app_`. */
export function appIdSegment(endpoint: string, args: unknown): string {
  const appId = requireString(endpoint, args, "appId")
    .trim()
    .replace(/^(0x|app_)/i, "");
  return encodeURIComponent(appId);
}
