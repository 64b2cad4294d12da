import { invalidArguments, requireString } from "../../action";

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * A VM UUID as a path segment (`/apps/{app_id}/cvms/{vm_uuid}/...`), sent as
 * given: 32 hex digits, dashes optional. Anything else is refused before
 * sending (the API would answer 404 for it).
 */
export function vmUuidSegment(endpoint: string, args: unknown, key = "vmUuid"): string {
  const value = requireString(endpoint, args, key).trim();
  if (!UUID.test(value)) {
    invalidArguments(endpoint, [
      { path: key, message: "expected a VM UUID: 32 hex characters, dashes optional" },
    ]);
  }
  return encodeURIComponent(value);
}
