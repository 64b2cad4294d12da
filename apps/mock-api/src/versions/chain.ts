import {
  type KnownApiVersion,
  API_VERSIONS as SDK_API_VERSIONS,
  BASE_API_VERSION as SDK_BASE_API_VERSION,
  DEFAULT_API_VERSION as SDK_DEFAULT_API_VERSION,
  LATEST_API_VERSION as SDK_LATEST_API_VERSION,
  VERSION_CHANGES as SDK_VERSION_CHANGES,
  type VersionChangeEntry,
} from "@phala/cloud-schemas";
import type { Downgrade, FieldDowngrade, VersionChange } from "./change";
import { change20260121 } from "./change-2026-01-21";
import { change20260522 } from "./change-2026-05-22";
import { change20260623 } from "./change-2026-06-23";
import type { RenderContext } from "./context";
import {
  type BodyPath,
  isRenderedEndpoint,
  type MockEndpoint,
  RENDER_VERSION,
  RENDERED_ENDPOINTS,
  SHAPE_LOCATIONS,
} from "./endpoints";
import { coerceRule, defaultValueRule, hashidToNumberRule, type ValueRule } from "./field-rules";

// The versions the mock serves and how it renders each, from the SDK's own
// change data (`VERSION_CHANGES` of @phala/cloud-schemas): the mock and the SDK
// share one definition of what each version changed. The mock renders
// RENDER_VERSION from its model; each change is then applied generically (field
// changes) or by the mock's own handler (reshapes, pins), one version at a time.

/** A version the SDK knows. */
export type ApiVersion = KnownApiVersion;

/** Every version the SDK knows, oldest first. */
export const API_VERSIONS: readonly ApiVersion[] = SDK_API_VERSIONS;
/** The oldest version: the one every change leads from. */
export const BASE_API_VERSION: ApiVersion = SDK_BASE_API_VERSION;
/** The newest version the SDK knows (`latest` without extra versions). */
export const LATEST_API_VERSION: ApiVersion = SDK_LATEST_API_VERSION;
/** What a request gets when neither the header nor the API key names a version. */
export const DEFAULT_API_VERSION: ApiVersion = SDK_DEFAULT_API_VERSION;

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/** One version's changes against the one before, as the SDK states them. */
export interface MockVersionChangeSet {
  /** An ISO date, `YYYY-MM-DD`. */
  readonly version: string;
  readonly summary?: string;
  readonly changes: readonly VersionChangeEntry[];
}

/** The SDK's versions and changes: what the mock serves by default. */
export const VERSION_CHANGES: readonly MockVersionChangeSet[] = SDK_VERSION_CHANGES;

/** The mock's own handlers, by version. */
export const OWN_CHANGES: readonly VersionChange[] = [
  change20260121,
  change20260522,
  change20260623,
];

/** A change of the data that the mock has no way to render: it refuses to start. */
export class VersionChainError extends Error {
  override name = "VersionChainError";
}

/** The versions a mock serves and how it renders each. */
export interface VersionChain {
  /** Oldest first. */
  readonly versions: readonly string[];
  readonly base: string;
  /** What `latest` names: the newest version. */
  readonly latest: string;
  /** What a request naming no version gets. */
  readonly defaultVersion: string;
  isVersion(value: string): boolean;
  /**
   * Whether `endpoint` answers at its path in `version`: not before a version
   * added it, not from a version that removed it or gave its path another
   * meaning (a pinned endpoint).
   */
  serves(endpoint: MockEndpoint, version: string): boolean;
  /** A body rendered in the render version, in `ctx.version`. */
  render(endpoint: MockEndpoint, body: unknown, ctx: RenderContext): unknown;
}

type BodyStep = (body: unknown, ctx: RenderContext) => unknown;

interface CompiledVersion {
  version: string;
  /**
   * Per endpoint, what this version's changes do to a body, in the order they
   * apply: the changes' own order going forward, the reverse going back.
   */
  steps: Map<MockEndpoint, BodyStep[]>;
}

const FIELD_CHANGES: readonly string[] = [
  "retype-field",
  "add-field",
  "remove-field",
  "rename-field",
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function describe(version: string, change: VersionChangeEntry): string {
  const what = change.endpoint ?? (change.shape ? `${change.shape}.${change.field}` : "");
  return `${version} ${change.kind} ${what}`.trim();
}

/** Calls `fn` on each object found at `path` in `body`. */
function eachAt(
  body: unknown,
  path: BodyPath,
  fn: (object: Record<string, unknown>) => void,
): void {
  if (body === null || typeof body !== "object") return;
  if (path.length === 0) {
    if (!Array.isArray(body)) fn(body as Record<string, unknown>);
    return;
  }
  const [head, ...rest] = path;
  if (head === "*") {
    if (Array.isArray(body)) for (const item of body) eachAt(item, rest, fn);
    return;
  }
  if (!Array.isArray(body)) eachAt((body as Record<string, unknown>)[head as string], rest, fn);
}

/** A body step applying `edit` to every `shape` of an endpoint's body. */
function atShape(
  paths: readonly BodyPath[],
  edit: (object: Record<string, unknown>, ctx: RenderContext) => void,
): BodyStep {
  return (body, ctx) => {
    for (const path of paths) eachAt(body, path, (object) => edit(object, ctx));
    return body;
  };
}

function setValue(field: string, rule: ValueRule) {
  return (object: Record<string, unknown>, ctx: RenderContext) => {
    if (field in object) object[field] = rule(object[field], ctx);
  };
}

function addValue(field: string, rule: ValueRule) {
  return (object: Record<string, unknown>, ctx: RenderContext) => {
    if (!(field in object)) object[field] = rule(undefined, ctx);
  };
}

function dropField(field: string) {
  return (object: Record<string, unknown>) => {
    delete object[field];
  };
}

function moveField(from: string, to: string) {
  return (object: Record<string, unknown>) => {
    if (!(from in object)) return;
    object[to] = object[from];
    delete object[from];
  };
}

/**
 * How one field change edits a shape, going back (`down`, the change is at or
 * before the render version) or forward (`up`, after it). A string says why it
 * cannot be applied.
 */
function fieldEdit(
  change: VersionChangeEntry,
  down: boolean,
  own: FieldDowngrade | undefined,
): ((object: Record<string, unknown>, ctx: RenderContext) => void) | string {
  const field = change.field as string;
  switch (change.kind) {
    case "retype-field": {
      if (down) {
        const rule = own ?? hashidToNumberRule(change.schema);
        return rule ? setValue(field, rule) : "no rule takes this retype back and no handler does";
      }
      const rule = coerceRule(change.schema);
      return rule ? setValue(field, rule) : "no rule brings a value forward to this type";
    }
    case "add-field": {
      if (down) return dropField(field);
      const rule = defaultValueRule(change.schema);
      return rule ? addValue(field, rule) : "the new field has no default and is not nullable";
    }
    case "remove-field": {
      if (!down) return dropField(field);
      const rule = own ?? defaultValueRule(change.schema);
      return rule ? addValue(field, rule) : "no handler gives the removed field's value";
    }
    case "rename-field": {
      const to = change.to;
      if (typeof to !== "string") return "the rename names no new field";
      return down ? moveField(to, field) : moveField(field, to);
    }
    default:
      return `not a field change`;
  }
}

/**
 * The chain of `changes` (the SDK's, then `extra`), checked against what the
 * mock can render. Throws a VersionChainError listing every change it cannot.
 */
export function createVersionChain(
  extra: readonly MockVersionChangeSet[] = [],
  options: {
    changes?: readonly MockVersionChangeSet[];
    own?: readonly VersionChange[];
    defaultVersion?: string;
  } = {},
): VersionChain {
  const problems: string[] = [];
  const sets = [...(options.changes ?? VERSION_CHANGES), ...extra].sort((a, b) =>
    a.version.localeCompare(b.version),
  );
  const base = BASE_API_VERSION;
  const versions = [base, ...sets.map((set) => set.version)];
  for (const [index, version] of versions.entries()) {
    if (!ISO_DATE.test(version)) problems.push(`${version}: not a YYYY-MM-DD version`);
    if (index > 0 && version <= (versions[index - 1] as string)) {
      problems.push(`${version}: listed twice, or not after ${base}`);
    }
  }
  if (options.changes === undefined) {
    const listed = [base, ...VERSION_CHANGES.map((set) => set.version)].join(", ");
    if (listed !== API_VERSIONS.join(", ")) {
      problems.push(`the SDK's VERSION_CHANGES (${listed}) disagree with its API_VERSIONS`);
    }
  }
  if (!versions.includes(RENDER_VERSION)) {
    problems.push(`${RENDER_VERSION} (the version the mock renders) is not in the chain`);
  }
  const defaultVersion = options.defaultVersion ?? DEFAULT_API_VERSION;
  if (!versions.includes(defaultVersion)) {
    problems.push(`${defaultVersion} (the default version) is not in the chain`);
  }

  const ownByVersion = new Map((options.own ?? OWN_CHANGES).map((own) => [own.version, own]));
  const usedOwn = new Set<string>();
  const since = new Map<MockEndpoint, string>();
  const until = new Map<MockEndpoint, string>();
  const compiled: CompiledVersion[] = [];

  for (const set of sets) {
    const down = set.version <= RENDER_VERSION;
    const own = ownByVersion.get(set.version);
    const steps = new Map<MockEndpoint, BodyStep[]>();
    // Going back, a version's changes are undone last first.
    const addStep = (endpoint: MockEndpoint, step: BodyStep) => {
      const list = steps.get(endpoint) ?? [];
      steps.set(endpoint, down ? [step, ...list] : [...list, step]);
    };

    for (const change of set.changes) {
      const where = describe(set.version, change);
      const endpoint = change.endpoint;
      switch (change.kind) {
        case "reshape-endpoint": {
          const handler: Downgrade | undefined =
            endpoint && isRenderedEndpoint(endpoint) ? own?.downgrade?.[endpoint] : undefined;
          if (!down) {
            problems.push(`${where}: the mock renders ${RENDER_VERSION}; no reshape goes forward`);
          } else if (!handler || !endpoint || !isRenderedEndpoint(endpoint)) {
            problems.push(`${where}: the mock has no downgrade for it`);
          } else {
            usedOwn.add(`${set.version} downgrade ${endpoint}`);
            addStep(endpoint, (body, ctx) => handler(body, ctx));
          }
          break;
        }
        case "add-endpoint":
        case "remove-endpoint":
        case "pin-endpoint": {
          if (!endpoint || !isRenderedEndpoint(endpoint)) {
            problems.push(`${where}: the mock does not answer this endpoint through the chain`);
            break;
          }
          if (change.kind === "add-endpoint") {
            since.set(endpoint, set.version);
            break;
          }
          if (change.kind === "pin-endpoint") {
            if (!own?.routes?.[endpoint]) {
              problems.push(`${where}: no route of the mock answers the path's new meaning`);
              break;
            }
            usedOwn.add(`${set.version} route ${endpoint}`);
          }
          const previous = until.get(endpoint);
          if (previous === undefined || set.version < previous) until.set(endpoint, set.version);
          break;
        }
        default: {
          if (!FIELD_CHANGES.includes(change.kind)) {
            problems.push(`${where}: a kind of change the mock does not know`);
            break;
          }
          const shape = change.shape ?? "";
          const located = SHAPE_LOCATIONS[shape];
          if (!located || typeof change.field !== "string") {
            problems.push(`${where}: the mock does not know where ${shape} sits in its bodies`);
            break;
          }
          const notLocated = change.endpoints.filter(
            (name) => !isRenderedEndpoint(name) || located[name] === undefined,
          );
          if (notLocated.length > 0) {
            problems.push(
              `${where}: reaches ${notLocated.join(", ")}, whose body the mock does not render with ${shape}`,
            );
            break;
          }
          const key = `${shape}.${change.field}`;
          const ownField = down ? own?.fields?.[key] : undefined;
          if (ownField) usedOwn.add(`${set.version} field ${key}`);
          const edit = fieldEdit(change, down, ownField);
          if (typeof edit === "string") {
            problems.push(`${where}: ${edit}`);
            break;
          }
          // Wherever the shape is, not only where the SDK's data says it reaches.
          for (const [name, paths] of Object.entries(located)) {
            addStep(name as MockEndpoint, atShape(paths as readonly BodyPath[], edit));
          }
        }
      }
    }
    compiled.push({ version: set.version, steps });
  }

  // A handler answering no change of the data is stale: the SDK's definition moved on.
  for (const own of ownByVersion.values()) {
    const handled = [
      ...Object.keys(own.downgrade ?? {}).map((name) => `${own.version} downgrade ${name}`),
      ...Object.keys(own.fields ?? {}).map((name) => `${own.version} field ${name}`),
      ...Object.keys(own.routes ?? {}).map((name) => `${own.version} route ${name}`),
    ];
    for (const key of handled) {
      if (!usedOwn.has(key)) problems.push(`${key}: the mock's handler answers no change`);
    }
  }

  if (problems.length > 0) {
    throw new VersionChainError(
      `The mock cannot render every API version change:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }

  const known = new Set(versions);
  const latest = versions.at(-1) as string;
  const older = compiled.filter((step) => step.version <= RENDER_VERSION).reverse();
  const newer = compiled.filter((step) => step.version > RENDER_VERSION);

  return {
    versions,
    base,
    latest,
    defaultVersion,
    isVersion: (value) => known.has(value),
    serves(endpoint, version) {
      const from = since.get(endpoint);
      const to = until.get(endpoint);
      return (from === undefined || version >= from) && (to === undefined || version < to);
    },
    render(endpoint, body, ctx) {
      const target = ctx.version;
      const path =
        target <= RENDER_VERSION
          ? older.filter((step) => step.version > target)
          : newer.filter((step) => step.version <= target);
      const bodySteps = path.flatMap((step) => step.steps.get(endpoint) ?? []);
      if (bodySteps.length === 0) return body;
      // Steps edit in place: work on a copy, never on what the model may share.
      let current: unknown = structuredClone(body);
      for (const step of bodySteps) current = step(current, ctx);
      return current;
    },
  };
}

/** The chain of the SDK's versions, built on first use. */
let defaultChain: VersionChain | undefined;
export function sdkVersionChain(): VersionChain {
  defaultChain ??= createVersionChain();
  return defaultChain;
}

export { RENDER_VERSION, RENDERED_ENDPOINTS };
