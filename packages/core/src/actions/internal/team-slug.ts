import { requireString } from "../../action";

/** The workspace slug as a path segment. */
export function teamSlugSegment(endpoint: string, args: unknown): string {
  return encodeURIComponent(requireString(endpoint, args, "teamSlug").trim());
}
