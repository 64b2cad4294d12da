/**
 * Reads an environment variable where the runtime has one (Node's `process`,
 * Deno's `Deno.env`) and returns undefined elsewhere (Workers, browsers) or when
 * reading is not permitted. Never throws.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(key: string): string | undefined } };
  };
  try {
    const fromProcess = g.process?.env?.[name];
    if (fromProcess !== undefined) return fromProcess || undefined;
  } catch {
    // a sandboxed process.env may throw on access
  }
  try {
    return g.Deno?.env?.get(name) || undefined;
  } catch {
    // Deno without --allow-env
    return undefined;
  }
}
