const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** `phak_…1a2b`: enough to tell keys apart, never enough to use one. */
export function redactApiKey(key: string): string {
  if (key.length < 12) return "…";
  const underscore = key.indexOf("_");
  const prefix = underscore > 0 && underscore <= 8 ? key.slice(0, underscore + 1) : "";
  return `${prefix}…${key.slice(-4)}`;
}

/**
 * Holds the API key where serialisation cannot reach it: a private field, with
 * string, JSON and inspect forms that show only the redacted key.
 */
export class ApiKey {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get redacted(): string {
    return redactApiKey(this.#value);
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [INSPECT](): string {
    return `ApiKey(${this.redacted})`;
  }
}
