import { requireString } from "../../action";

/** The quote's checksum (its SHA-256, hex) as a path segment. */
export function checksumSegment(endpoint: string, args: unknown): string {
  return encodeURIComponent(requireString(endpoint, args, "checksum").trim());
}
