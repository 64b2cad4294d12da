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

/** An error's message and stack, and its causes', as one text to search for the key. */
function errorText(value: unknown, depth = 0): string {
  return value instanceof Error
    ? `${value.message}\n${value.stack}\n${depth < 4 ? errorText(value.cause, depth + 1) : ""}`
    : String(value ?? "");
}

/**
 * Makes an error that leaves the SDK unable to show the key, in place (its
 * message is the maker's to scrub, before its stack is taken): its cause
 * replaced by a scrubbed copy when the key occurs anywhere in that cause's
 * chain (a runtime's error about a header may quote its value), and an API
 * error's response headers copied without it (a proxy may echo the request's
 * headers back).
 */
export function scrubError<E extends Error>(error: E, key: ApiKey | undefined): E {
  const secret = key?.reveal();
  if (secret) {
    const target = error as E & { cause?: unknown; headers?: Headers };
    const cause = errorText(target.cause);
    if (cause.includes(secret)) target.cause = new Error(scrubText(cause, key));
    if (target.headers) {
      // The runtime's own Headers may not be the global one (undici's): copy by `forEach`.
      const headers = new Headers();
      target.headers.forEach((value, name) => {
        // A header value is Latin-1 only, so not the redacted form with its ellipsis.
        headers.append(name, value.split(secret).join("[redacted]"));
      });
      target.headers = headers;
    }
  }
  return error;
}
