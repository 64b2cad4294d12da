import { invalidArguments } from "./action";

/**
 * Any of the ways the API lets a caller name a CVM. Give exactly one: its
 * hashed id, its VM UUID (with or without dashes), its app id (40 hex, with or
 * without `app_`), its instance id, or its name. `id` accepts any of them.
 */
export type CvmIdInput =
  | { id: string; uuid?: never; app_id?: never; instance_id?: never; name?: never }
  | { uuid: string; id?: never; app_id?: never; instance_id?: never; name?: never }
  | { app_id: string; id?: never; uuid?: never; instance_id?: never; name?: never }
  | { instance_id: string; id?: never; uuid?: never; app_id?: never; name?: never }
  | { name: string; id?: never; uuid?: never; app_id?: never; instance_id?: never };

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const APP_ID = /^(?:0x)?[0-9a-f]{40}$/i;
/** The argument names that identify a CVM (exactly one is given). */
/** The API's CVM name rule: an RFC 1123 label of 5 to 63 characters, a letter first, no hyphen last. */
export const CVM_NAME = /^[a-zA-Z][a-zA-Z0-9-]{3,61}[a-zA-Z0-9]$/;

export const CVM_ID_KEYS = ["id", "uuid", "app_id", "instance_id", "name"] as const;

/**
 * The path segment the API accepts for a CVM: UUIDs lose their dashes, app ids
 * get their `app_` prefix and instance ids their `instance_` prefix; an `id`
 * is recognised by its form (UUID, 40-hex app id), anything else is sent as given.
 * A `uuid` that is not a UUID, or an `app_id` that is not 40 hex digits, is
 * refused (`RequestValidationError`): sent as given, the API would read it as a
 * CVM name and answer for another CVM, or 404.
 */
export function normalizeCvmId(endpoint: string, input: unknown): string {
  const given =
    typeof input === "object" && input !== null
      ? CVM_ID_KEYS.filter((key) => (input as Record<string, unknown>)[key] !== undefined)
      : [];
  if (given.length !== 1) {
    invalidArguments(endpoint, [
      {
        path: given.length ? given.join("|") : "id",
        message: `name the CVM with exactly one of ${CVM_ID_KEYS.join(", ")}`,
      },
    ]);
  }
  const key = given[0]!;
  const raw = (input as Record<string, unknown>)[key];
  if (typeof raw !== "string" || raw.trim() === "") {
    invalidArguments(endpoint, [{ path: key, message: "expected a non-empty string" }]);
  }
  const value = raw.trim();
  switch (key) {
    case "name":
      return value;
    case "instance_id":
      return value.startsWith("instance_") ? value : `instance_${value}`;
    case "app_id": {
      const hex = value.replace(/^(?:app_|0x)/i, "");
      if (!APP_ID.test(hex)) {
        invalidArguments(endpoint, [
          {
            path: key,
            message: "expected an app id: 40 hex characters, with or without 0x or app_",
          },
        ]);
      }
      return `app_${hex.toLowerCase()}`;
    }
    case "uuid":
      if (!UUID.test(value)) {
        invalidArguments(endpoint, [
          { path: key, message: "expected a UUID: 32 hex characters, dashes optional" },
        ]);
      }
      return value.replace(/-/g, "").toLowerCase();
    default:
      // `id` holds any form: recognise UUIDs and bare app ids.
      if (UUID.test(value)) return value.replace(/-/g, "").toLowerCase();
      if (APP_ID.test(value)) return `app_${value.replace(/^0x/i, "").toLowerCase()}`;
      return value;
  }
}
