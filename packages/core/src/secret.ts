/** The key of the method Node's `util.inspect` calls. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

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

/** The longest excerpt of a response body an error carries. */
export const MAX_BODY_EXCERPT = 512;

/** `text` with every occurrence of the key replaced by its redacted form. */
export function scrubText(text: string, key: ApiKey | undefined): string {
  if (!key) return text;
  const secret = key.reveal();
  return secret.length > 0 && text.includes(secret) ? text.split(secret).join(key.redacted) : text;
}

/** A copy of a parsed body with the key redacted in every string (the value itself when clean). */
export function scrubValue(value: unknown, key: ApiKey | undefined, depth = 0): unknown {
  if (!key || depth > 64) return value;
  if (typeof value === "string") return scrubText(value, key);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = scrubValue(item, key, depth + 1);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : value;
  }
  if (typeof value === "object" && value !== null) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const next = scrubValue(item, key, depth + 1);
      if (next !== item) changed = true;
      out[scrubText(name, key)] = next;
      if (scrubText(name, key) !== name) changed = true;
    }
    return changed ? out : value;
  }
  return value;
}

/**
 * The first 512 characters of a body, key redacted: what an error shows of the
 * response. Undefined for an empty body: an error then has no excerpt.
 */
export function bodyExcerpt(text: string, key?: ApiKey): string | undefined {
  if (text.length === 0) return undefined;
  const secretLength = key?.reveal().length ?? 0;
  // Redact before cutting, so a key straddling the cut cannot leave a usable prefix.
  const head = scrubText(text.slice(0, MAX_BODY_EXCERPT + secretLength), key);
  return head.length > MAX_BODY_EXCERPT ? `${head.slice(0, MAX_BODY_EXCERPT - 1)}…` : head;
}
