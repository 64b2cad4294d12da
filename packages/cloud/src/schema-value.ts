import { createRequire } from "node:module";

// Importing every zod schema costs several times the whole client (zod itself
// and 187 schemas: see bench/RESULTS.md, "Cold import"), and a call validates
// through a lazy entry of its own. The root entry's schema values are therefore
// stand-ins: each becomes the real zod schema at the first touch of any of its
// members (`.pick()`, `.parse()`, `.shape`, `~standard` ...), loaded
// synchronously with `require`, which Node, Deno and Bun offer to ES modules
// through `node:module`. The edge entry re-exports the real ones instead.

type SchemasModule = Record<string, unknown>;

let schemas: SchemasModule | undefined;

function loadSchemas(): SchemasModule {
  if (!schemas) {
    // tsup's shims give the CommonJS build an `import.meta.url` (its file's URL).
    schemas = createRequire(import.meta.url)("@phala/cloud-schemas") as SchemasModule;
  }
  return schemas;
}

/**
 * The zod schema `name` of `@phala/cloud-schemas`, loaded at the first use of
 * any of its members. It forwards every operation (property reads and writes,
 * `in`, key listing, its prototype, so `instanceof z.ZodObject` holds) to the
 * real schema; methods run on the real schema. Not the same object as the one
 * `@phala/cloud/schemas` exports (in an ES module program that one is from the
 * ES build, this one from the CommonJS build), but the same schema.
 */
export function schemaValue<S extends object>(name: string): S {
  let real: object | undefined;
  const target = (): object => {
    if (!real) {
      const value = loadSchemas()[name];
      if (typeof value !== "object" || value === null) {
        throw new TypeError(`@phala/cloud-schemas has no schema named ${name}`);
      }
      real = value;
    }
    return real;
  };
  return new Proxy({} as S, {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // A proxy may not report a property its (empty) target lacks as non-configurable.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}
