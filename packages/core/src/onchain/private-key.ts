import { INSPECT } from "../secret";
import type { Hex } from "./types";

const REDACTED = "[private key]";

/**
 * A private key held where serialisation cannot reach it: in a closure, its
 * string, JSON and inspect forms saying only that it is one. It also scrubs
 * itself from text that came from elsewhere (a node's or viem's error message).
 */
export interface PrivateKey {
  /** The key, for viem's `privateKeyToAccount` alone. */
  reveal(): Hex;
  /** `text` with the key (with or without `0x`, any case) replaced by `[private key]`. */
  scrub(text: string): string;
  /** Whether the key appears anywhere in `value`'s text, own fields or causes. */
  appearsIn(value: unknown): boolean;
  toString(): string;
  toJSON(): string;
}

/** Whether `digits` appears in `value` or below it (an error's message, stack, cause, fields). */
function holds(value: unknown, digits: string): boolean {
  const seen = new Set<unknown>();
  const visit = (item: unknown, depth: number): boolean => {
    if (typeof item === "string") return item.toLowerCase().includes(digits);
    if (typeof item !== "object" || item === null || seen.has(item) || depth > 8) return false;
    seen.add(item);
    if (item instanceof Error) {
      if (visit(item.message, depth + 1) || visit(item.stack, depth + 1)) return true;
      if (visit(item.cause, depth + 1)) return true;
    }
    for (const key of Object.keys(item)) {
      if (visit((item as Record<string, unknown>)[key], depth + 1)) return true;
    }
    return false;
  };
  return visit(value, 0);
}

/**
 * Holds `key` (64 hex digits, `0x` optional, checked by the caller). A function,
 * not a class: a class with a computed `[INSPECT]` member would stay in the
 * bundle of every app, called or not.
 */
export function holdPrivateKey(key: string): PrivateKey {
  const value = (key.startsWith("0x") ? key : `0x${key}`).toLowerCase() as Hex;
  const digits = value.slice(2);
  return {
    reveal: () => value,
    scrub(text) {
      const lower = text.toLowerCase();
      if (!lower.includes(digits)) return text;
      let out = "";
      let from = 0;
      for (let at = lower.indexOf(digits); at !== -1; at = lower.indexOf(digits, from)) {
        const start = at >= 2 && lower.slice(at - 2, at) === "0x" ? at - 2 : at;
        out += text.slice(from, start) + REDACTED;
        from = at + digits.length;
      }
      return out + text.slice(from);
    },
    appearsIn: (found) => holds(found, digits),
    toString: () => REDACTED,
    toJSON: () => REDACTED,
    [INSPECT]: () => REDACTED,
  } as PrivateKey;
}
