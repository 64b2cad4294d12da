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
export const CVM_ID_KEYS = ["id", "uuid", "app_id", "instance_id", "name"] as const;

/**
 * The path segment the API accepts for a CVM: UUIDs lose their dashes, app ids
 * get their `app_` prefix and instance ids their `instance_` prefix; an `id`
 * is recognised by its form (UUID, 40-hex app id), anything else is sent as given.
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
    case "app_id":
      return value.startsWith("app_") ? value : `app_${value.replace(/^0x/i, "").toLowerCase()}`;
    default:
      // `uuid`, or `id` holding any form: recognise UUIDs and bare app ids.
      if (UUID.test(value)) return value.replace(/-/g, "").toLowerCase();
      if (APP_ID.test(value)) return `app_${value.replace(/^0x/i, "").toLowerCase()}`;
      return value;
  }
}
