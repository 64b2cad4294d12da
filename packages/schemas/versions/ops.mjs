// The kinds of change an API version makes against the one before it, each a
// plain object (data): scripts/gen-wire.mjs applies them to the shapes, the
// mock API applies them to its bodies (through the generated VERSION_CHANGES of
// src/versions.ts), and docs/versions/<version>.md lists them. Every change
// says what changed (`note`) and what a caller must edit (`migration`).

/** A reference to a shape of the registry (scripts/wire-shapes.mjs), by its name. */
export const shape = (name) => ({ "x-sdk-ref": name });
/** A hand-written schema of src/resources (`module:Name`, the module's path there: `cvms/updates`), for the SDK's own results. */
export const hand = (module, name) => ({ "x-hand": `${module}:${name}` });

/** The version the endpoint answers in another shape (a shape of the registry). */
export const reshapeEndpoint = (endpoint, to, text) => ({
  kind: "reshape-endpoint",
  endpoint,
  to,
  ...text,
});
/** An endpoint this version adds, answering `shape`. */
export const addEndpoint = (endpoint, to, text) => ({
  kind: "add-endpoint",
  endpoint,
  to,
  ...text,
});
/** An endpoint this version removes. */
export const removeEndpoint = (endpoint, text) => ({ kind: "remove-endpoint", endpoint, ...text });
/** A field of a shape gets another type (`schema`, JSON Schema). */
export const retypeField = (shapeName, field, schema, text) => ({
  kind: "retype-field",
  shape: shapeName,
  field,
  schema,
  ...text,
});
/** A field a shape gains. */
export const addField = (shapeName, field, schema, text) => ({
  kind: "add-field",
  shape: shapeName,
  field,
  schema,
  ...text,
});
/** A field a shape loses. */
export const removeField = (shapeName, field, text) => ({
  kind: "remove-field",
  shape: shapeName,
  field,
  ...text,
});
/** A field of a shape renamed. */
export const renameField = (shapeName, field, to, text) => ({
  kind: "rename-field",
  shape: shapeName,
  field,
  to,
  ...text,
});

/** One version: its date, a one-line summary and its changes. */
export const version = (date, summary, changes) => ({ version: date, summary, changes });
/**
 * An action that keeps sending an earlier version for its endpoint, because
 * this version gave the endpoint another meaning (the official SDKs pin it too).
 * Its shape stays that of `to`.
 */
export const pinEndpoint = (endpoint, to, text) => ({
  kind: "pin-endpoint",
  endpoint,
  to,
  ...text,
});
