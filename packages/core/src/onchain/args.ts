import { invalidArguments } from "../action";
import { isRecord, type ValidationIssue } from "../errors";
import type { Hex, OnchainChain } from "./types";

const ADDRESS = /^(?:0x)?[0-9a-f]{40}$/i;
const BYTES32 = /^(?:0x)?[0-9a-f]{64}$/i;
/** ETH as a decimal: digits, at most 18 after the point. */
const ETHER = /^\d+(?:\.\d{1,18})?$/;

/** 32 zero bytes: `deployAppAuth`'s default device id and compose hash (a literal: no call at import). */
export const ZERO_BYTES32: Hex =
  "0x0000000000000000000000000000000000000000000000000000000000000000";

function prefixed(hex: string): Hex {
  const digits = /^0x/i.test(hex) ? hex.slice(2) : hex;
  return `0x${digits.toLowerCase()}`;
}

/**
 * Reads a helper's arguments field by field, collecting every problem; `done`
 * throws them as one `RequestValidationError` (with any key no reader asked for:
 * a misspelt option is named rather than ignored). A value is never quoted in a
 * message: one of them is a private key.
 */
export class OnchainArgs {
  readonly issues: ValidationIssue[] = [];
  readonly #args: Record<string, unknown>;
  readonly #read = new Set<string>();

  constructor(args: unknown) {
    if (!isRecord(args)) this.issues.push({ path: "", message: "expected an object of arguments" });
    this.#args = isRecord(args) ? args : {};
  }

  /** The value of `key` as given; `null` counts as absent. */
  value(key: string): unknown {
    this.#read.add(key);
    const value = this.#args[key];
    return value === null ? undefined : value;
  }

  /** Records a problem with the argument at `path`; `undefined`, for the reader to return. */
  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  /** A 20-byte address, `0x` added when missing (lower case). */
  address(key: string, required: true): Hex;
  address(key: string, required: false): Hex | undefined;
  address(key: string, required: boolean): Hex | undefined {
    const value = this.value(key);
    if (value === undefined && !required) return undefined;
    if (typeof value === "string" && ADDRESS.test(value)) return prefixed(value);
    return this.fail(key, "expected an address: 40 hex digits (20 bytes), with or without 0x");
  }

  /** 32 bytes of hex, `0x` added when missing (lower case); `fallback` when absent. */
  bytes32(key: string, fallback?: Hex): Hex {
    const value = this.value(key);
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === "string" && BYTES32.test(value)) return prefixed(value);
    this.fail(key, "expected 32 bytes of hex: 64 hex digits, with or without 0x");
    return ZERO_BYTES32;
  }

  /** A private key's text, checked for its form only; never echoed. */
  privateKey(key: string): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === "string" && BYTES32.test(value)) return value;
    return this.fail(key, "expected a private key: 64 hex digits (32 bytes), with or without 0x");
  }

  /** A boolean; absent is an issue when `required`. */
  boolean(key: string, required = false): boolean | undefined {
    const value = this.value(key);
    if (typeof value === "boolean" || (value === undefined && !required)) return value;
    return this.fail(key, "expected a boolean");
  }

  /** A finite number >= `min`. */
  number(key: string, min: number): number | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === "number" && Number.isFinite(value) && value >= min) return value;
    return this.fail(key, `expected a number >= ${min}`);
  }

  /** An amount of ETH as a decimal string, e.g. `"0.001"`. */
  ether(key: string): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === "string" && ETHER.test(value.trim())) return value.trim();
    return this.fail(key, 'expected an amount of ETH as a decimal string, e.g. "0.001"');
  }

  /** An http(s) URL. */
  url(key: string): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value === "string" && /^https?:\/\/[^\s]+$/i.test(value)) {
      try {
        new URL(value);
        return value;
      } catch {
        // reported below
      }
    }
    return this.fail(key, "expected an http or https URL");
  }

  /** A function, when given. */
  callback<F extends (...args: never[]) => unknown>(key: string): F | undefined {
    const value = this.value(key);
    if (value === undefined || typeof value === "function") return value as F | undefined;
    return this.fail(key, "expected a function");
  }

  /** An object with each of `methods`, when given (a client). */
  client<C>(key: string, methods: readonly string[], what: string): C | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (
      typeof value === "object" &&
      methods.every((name) => typeof (value as Record<string, unknown>)[name] === "function")
    ) {
      return value as C;
    }
    return this.fail(key, `expected ${what} (with ${methods.join(", ")})`);
  }

  /** A chain: an object with a positive integer `id`. */
  chain(key: string): OnchainChain | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (isRecord(value) && Number.isSafeInteger(value.id) && (value.id as number) > 0) {
      return value as unknown as OnchainChain;
    }
    return this.fail(key, "expected a chain: viem's Chain or kmsChain(chainId), with an id");
  }

  /** An `AbortSignal`, when given. */
  signal(key: string): AbortSignal | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (
      typeof value === "object" &&
      typeof (value as AbortSignal).aborted === "boolean" &&
      typeof (value as AbortSignal).addEventListener === "function"
    ) {
      return value as AbortSignal;
    }
    return this.fail(key, "expected an AbortSignal");
  }

  /** Throws every problem found, unknown keys included, as one `RequestValidationError`. */
  done(endpoint: string): void {
    for (const key of Object.keys(this.#args)) {
      if (!this.#read.has(key) && this.#args[key] !== undefined) {
        this.issues.push({ path: key, message: "unknown argument" });
      }
    }
    if (this.issues.length > 0) invalidArguments(endpoint, this.issues);
  }
}
