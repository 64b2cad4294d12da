import { describe, expect, it } from "vitest";
import { normalizeCvmId } from "./cvm-id";
import { RequestValidationError } from "./errors";

const UUID = "bf1b6f57-1470-4531-9ad9-22013366635b";
const UUID_BARE = "bf1b6f57147045319ad922013366635b";
const APP_HEX = "e5a0c70bb6503de2d31c11d85914fe3776ed5b33";

function refusal(input: unknown): RequestValidationError {
  try {
    normalizeCvmId("getCvmInfo", input);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return error as RequestValidationError;
  }
  throw new Error("expected normalizeCvmId to throw");
}

describe("normalizeCvmId", () => {
  it.each([
    [{ id: UUID }, UUID_BARE],
    [{ id: UUID.toUpperCase() }, UUID_BARE],
    [{ id: UUID_BARE.toUpperCase() }, UUID_BARE],
    [{ uuid: UUID }, UUID_BARE],
    [{ uuid: UUID_BARE }, UUID_BARE],
  ])("a UUID %j loses its dashes and is lower-cased", (input, expected) => {
    expect(normalizeCvmId("getCvmInfo", input)).toBe(expected);
  });

  it.each([
    [{ id: APP_HEX }, `app_${APP_HEX}`],
    [{ id: `0x${APP_HEX}` }, `app_${APP_HEX}`],
    [{ id: APP_HEX.toUpperCase() }, `app_${APP_HEX}`],
    [{ app_id: APP_HEX }, `app_${APP_HEX}`],
    [{ app_id: `0x${APP_HEX}` }, `app_${APP_HEX}`],
    [{ app_id: `0X${APP_HEX.toUpperCase()}` }, `app_${APP_HEX}`],
    [{ app_id: `app_${APP_HEX}` }, `app_${APP_HEX}`],
  ])("a 40-hex app id %j becomes app_<hex>", (input, expected) => {
    expect(normalizeCvmId("getCvmInfo", input)).toBe(expected);
  });

  it.each([
    [{ id: "cvm_9xK2mQ7tLp" }, "cvm_9xK2mQ7tLp"],
    [{ name: "price-oracle" }, "price-oracle"],
    [{ name: "  price-oracle  " }, "price-oracle"],
    [{ id: "12345" }, "12345"],
    // 39 hex characters is not an app id
    [{ id: APP_HEX.slice(1) }, APP_HEX.slice(1)],
  ])("%j is sent as given (trimmed)", (input, expected) => {
    expect(normalizeCvmId("getCvmInfo", input)).toBe(expected);
  });

  it.each([
    [{ instance_id: APP_HEX }, `instance_${APP_HEX}`],
    [{ instance_id: `instance_${APP_HEX}` }, `instance_${APP_HEX}`],
  ])("an instance id %j gets its instance_ prefix, never app_", (input, expected) => {
    expect(normalizeCvmId("getCvmInfo", input)).toBe(expected);
  });

  it("a name is kept even when it looks like a UUID or an app id", () => {
    expect(normalizeCvmId("getCvmInfo", { name: UUID })).toBe(UUID);
    expect(normalizeCvmId("getCvmInfo", { name: APP_HEX })).toBe(APP_HEX);
  });

  it.each([
    ["no key", {}],
    ["undefined", undefined],
    ["null", null],
    ["a bare string", UUID],
    ["only undefined keys", { id: undefined, name: undefined }],
  ])("refuses %s, naming id", (_label, input) => {
    const error = refusal(input);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe("id");
    expect(error.endpoint).toBe("getCvmInfo");
    expect(error.message).toContain("exactly one");
  });

  it.each([
    [{ uuid: "invalid-uuid" }, "uuid", "expected a UUID"],
    [{ uuid: `${UUID}0` }, "uuid", "expected a UUID"],
    [{ uuid: "price-oracle" }, "uuid", "expected a UUID"],
    [{ uuid: UUID_BARE.slice(1) }, "uuid", "expected a UUID"],
    [{ app_id: "not-an-app" }, "app_id", "expected an app id"],
    [{ app_id: `app_${APP_HEX.slice(2)}` }, "app_id", "expected an app id"],
    [{ app_id: `0x${APP_HEX}00` }, "app_id", "expected an app id"],
  ])(
    "refuses the malformed %j before sending, instead of sending it as a name",
    (input, path, text) => {
      const error = refusal(input);
      expect(error.issues).toEqual([{ path, message: expect.stringContaining(text) }]);
      expect(error.endpoint).toBe("getCvmInfo");
    },
  );

  it("refuses two identifiers, naming both", () => {
    const error = refusal({ id: "cvm_1", uuid: UUID });
    expect(error.issues[0]!.path).toBe("id|uuid");
    expect(error.message).toContain("id|uuid");
  });

  it.each([
    [{ id: "" }, "id"],
    [{ name: "   " }, "name"],
    [{ uuid: 42 }, "uuid"],
    [{ app_id: null }, "app_id"],
  ])("refuses the empty or non-string %j", (input, path) => {
    const error = refusal(input);
    expect(error.issues[0]!.path).toBe(path);
    expect(error.message).toContain("non-empty string");
  });
});
