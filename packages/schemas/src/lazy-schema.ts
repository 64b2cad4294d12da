import type { StandardSchemaV1 } from "@standard-schema/spec";

/**
 * A Standard Schema that stands for another one, built on first use: what the
 * `@phala/cloud-schemas/lazy` entry exports in place of each zod schema, so that
 * importing the SDK neither loads zod nor builds a schema (the cost of a cold
 * start in Node). Same input and output types as the schema it stands for.
 */
export type LazySchema<S extends StandardSchemaV1> = StandardSchemaV1<
  StandardSchemaV1.InferInput<S>,
  StandardSchemaV1.InferOutput<S>
>;

/** A table of schemas (one per API version or event), each lazy; its keys are known at once. */
export type LazyTable<T extends Record<string, StandardSchemaV1>> = {
  readonly [K in keyof T]: LazySchema<T[K]>;
};

/** Imports the module that defines a schema (a dynamic `import()`). */
export type ModuleLoader = () => Promise<Record<string, unknown>>;

/**
 * A schema resolved by `resolve` at its first validation. Until then `validate`
 * returns a promise (Standard Schema allows it); once resolved, it is the real
 * schema's `validate`, synchronous for zod, with the same result and issues. A
 * failed resolution rejects that validation and is tried again at the next.
 */
export function lazySchema<S extends StandardSchemaV1>(
  resolve: () => Promise<S>,
  vendor = "zod",
): LazySchema<S> {
  let schema: S | undefined;
  let loading: Promise<S> | undefined;
  const load = (): Promise<S> => {
    loading ??= resolve().then(
      (resolved) => {
        schema = resolved;
        return resolved;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    "~standard": {
      version: 1,
      vendor,
      validate: (value) =>
        schema
          ? schema["~standard"].validate(value)
          : load().then((resolved) => resolved["~standard"].validate(value)),
    },
  } as LazySchema<S>;
}

function exported(module: Record<string, unknown>, name: string): unknown {
  if (!Object.hasOwn(module, name)) throw new Error(`The schemas module exports no ${name}`);
  return module[name];
}

/** The schema exported as `name` by the module `load` imports. */
export function lazyExport<S extends StandardSchemaV1>(
  load: ModuleLoader,
  name: string,
): LazySchema<S> {
  return lazySchema(async () => exported(await load(), name) as S);
}

/** The entry `key` of the table exported as `name` by the module `load` imports. */
export function lazyEntry<S extends StandardSchemaV1>(
  load: ModuleLoader,
  name: string,
  key: string,
): LazySchema<S> {
  return lazySchema(async () => {
    const table = exported(await load(), name) as Record<string, unknown>;
    if (!Object.hasOwn(table, key)) throw new Error(`${name} has no ${key}`);
    return table[key] as S;
  });
}
