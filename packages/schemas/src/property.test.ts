/// <reference types="node" />
// Property-based tests (issue 5, "hostile or broken responses"): random and
// mutated JSON fed to every schema of both entries (zod and valibot) through the
// Standard Schema interface, as `validateResponse` in packages/core calls it.
// Each input must end in issues (a string message, a path into the input) or in
// a value that: validates again to itself, keeps no key the schema does not
// declare, holds the input's data (defaults filled, nothing altered), and is the
// value the other validator gives. No input may throw, mutate the input, or
// pollute a prototype.
//
// Reproduce a failure with the seed it prints: FC_SEED=<seed> npx vitest run src/property.test.ts
import { isDeepStrictEqual } from "node:util";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as Z from "./index";
import * as V from "./valibot/index";

const seed = Number(process.env.FC_SEED ?? 20260121);
const RUNS = Number(process.env.FC_RUNS ?? 0) || undefined;
fc.configureGlobal({ seed, numRuns: RUNS ?? 40 });
/** Runs per property and schema; raised for the versioned endpoint tables. */
const runs = (n: number) => ({ numRuns: RUNS ?? n });

// --- Every schema of both entries ------------------------------------------------

/** What the walkers below read of a zod 4 schema (its `_zod.def` and getters). */
interface ZodLike {
  _zod: { def: ZodDef; optin?: "optional" };
  isInt?: boolean;
  minValue?: number | null;
  maxValue?: number | null;
  minLength?: number | null;
}
interface ZodDef {
  type: string;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  options?: ZodLike[];
  items?: ZodLike[];
  rest?: ZodLike | null;
  keyType?: ZodLike;
  valueType?: ZodLike;
  innerType?: ZodLike;
  values?: unknown[];
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
}

interface Pair {
  name: string;
  zod: ZodLike & StandardSchemaV1;
  valibot: StandardSchemaV1;
}

const zodExports = Z as unknown as Record<string, unknown>;
const valibotExports = V as unknown as Record<string, unknown>;

/** Every `*Schema` export and every `*ResponseSchemas` table entry, as [zod, valibot]. */
const pairs: Pair[] = Object.keys(zodExports)
  .sort()
  .flatMap((name): Pair[] => {
    const pair = (label: string, zod: unknown, valibot: unknown): Pair => ({
      name: label,
      zod: zod as Pair["zod"],
      valibot: valibot as StandardSchemaV1,
    });
    if (name.endsWith("Schema")) return [pair(name, zodExports[name], valibotExports[name])];
    if (!name.endsWith("Schemas")) return [];
    const zodTable = zodExports[name] as Record<string, unknown>;
    const valibotTable = valibotExports[name] as Record<string, unknown>;
    return Object.keys(zodTable).map((version) =>
      pair(`${name}["${version}"]`, zodTable[version], valibotTable[version]),
    );
  });

// --- Realistic bodies (the data of packages/core/src/test-utils.ts) -------------

const APP_HEX = "e5a0c70bb6503de2d31c11d85914fe3776ed5b33";
const INSTANCE_HEX = "9c4f1e2a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e";
const VM_UUID = "bf1b6f57-1470-4531-9ad9-22013366635b";

function currentUserV20260121() {
  return {
    user: {
      username: "alice",
      email: "alice@example.com",
      role: "admin",
      avatar: "https://avatars.example.com/alice.png",
      email_verified: true,
      totp_enabled: false,
      has_backup_codes: false,
      flag_has_password: true,
    },
    workspace: {
      id: "ws_3f9a",
      name: "Acme",
      slug: "acme",
      tier: "pro",
      role: "owner",
      avatar: null,
    },
    credits: {
      balance: "12.50",
      granted_balance: 5,
      is_post_paid: false,
      outstanding_amount: null,
    },
  };
}

function currentUserV20251028() {
  return {
    username: "alice",
    email: "alice@example.com",
    credits: 12.5,
    granted_credits: 5,
    avatar: "https://avatars.example.com/alice.png",
    team_name: "Acme",
    team_tier: "pro",
  };
}

function cvmV20260121() {
  return {
    id: "cvm_9xK2mQ7tLp",
    name: "price-oracle",
    app_id: APP_HEX,
    vm_uuid: VM_UUID,
    instance_id: INSTANCE_HEX,
    resource: {
      instance_type: "tdx.medium",
      vcpu: 2,
      memory_in_gb: 4,
      disk_in_gb: 40,
      gpus: 0,
      compute_billing_price: "0.058",
      billing_period: "hourly",
    },
    node_info: {
      object_type: "node",
      id: 12,
      name: "prod7",
      region: "us-west",
      device_id: null,
      ppid: null,
      status: "online",
      version: "0.5.3",
    },
    os: { name: "dstack", version: "0.5.3", is_dev: false, os_image_hash: "0xabc123" },
    kms_type: "phala",
    kms_info: {
      chain_id: 8453,
      dstack_kms_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
      dstack_app_address: `0x${APP_HEX}`,
      deployer_address: "0x1111111111111111111111111111111111111111",
      rpc_endpoint: "https://mainnet.base.org",
      encrypted_env_pubkey: "0x04abcdef",
    },
    status: "running",
    in_progress: false,
    progress: null,
    compose_hash: "f06dfda6dce1cf904d4e2bab1dc370634cf95cefa2ceb2de2eee127c9382698",
    docker_compose_hash: null,
    pre_launch_script_hash: null,
    gateway: {
      base_domain: "dstack-prod7.phala.network",
      cname: `${APP_HEX}.dstack-prod7.phala.network`,
    },
    logs: {
      serial: "https://logs.example/serial",
      stdout: "https://logs.example/stdout",
      stderr: "https://logs.example/stderr",
      container_log_base: "https://logs.example/containers",
    },
    services: [{ name: "oracle", image: "ghcr.io/acme/oracle:1.4.0", status: "running" }],
    endpoints: [
      {
        app: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
        instance: `https://${INSTANCE_HEX}-8080.dstack-prod7.phala.network`,
      },
    ],
    public_logs: true,
    public_sysinfo: true,
    public_tcbinfo: false,
    gateway_enabled: true,
    secure_time: false,
    listed: false,
    storage_fs: "ext4",
    workspace: {
      object_type: "workspace",
      id: "ws_3f9a",
      name: "Acme",
      slug: "acme",
      avatar_url: null,
    },
    creator: { object_type: "user", id: "u_1", username: "alice", avatar_url: null },
    created_at: "2026-01-22T10:00:00Z",
    updated_at: "2026-01-23T08:30:00Z",
    deleted_at: null,
    project_type: "webdev",
    app_url: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
    base_image: "dstack-0.5.3",
    features: ["kms", "tproxy-net"],
    runner: "docker-compose",
    manifest_version: "2",
  };
}

function cvmDetailV20260121() {
  return {
    ...cvmV20260121(),
    compose_file: {
      name: "price-oracle",
      docker_compose_file: "services:\n  oracle:\n    image: ghcr.io/acme/oracle:1.4.0\n",
    },
  };
}

function cvmListV20260121() {
  return { items: [cvmV20260121()], total: 1, page: 1, page_size: 20, pages: 1 };
}

function appV20260121() {
  return {
    id: "dapp_5c1e",
    name: "price-oracle",
    app_id: APP_HEX,
    app_provision_type: "phala_cloud",
    app_icon_url: null,
    created_at: "2026-01-22T10:00:00Z",
    kms_type: "phala",
    profile: {
      display_name: "Price oracle",
      avatar_url: null,
      description: "Signs prices inside a TEE",
      custom_domain: null,
    },
    current_cvm: cvmV20260121(),
    cvms: [cvmV20260121()],
    cvm_count: 1,
  };
}

/** An app of another workspace: only its id is visible. */
function minimalAppV20260121() {
  return { app_id: INSTANCE_HEX, id: null, name: null };
}

function appListV20260121() {
  return {
    dstack_apps: [appV20260121(), minimalAppV20260121()],
    page: 1,
    page_size: 20,
    total: 2,
    total_pages: 1,
  };
}

function cvmV20251028() {
  return {
    hosted: {
      id: VM_UUID,
      name: "price-oracle",
      status: "running",
      uptime: "3d 4h",
      app_url: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
      app_id: APP_HEX,
      instance_id: INSTANCE_HEX,
      configuration: { vcpu: 2 },
      exited_at: null,
      boot_progress: "done",
      boot_error: null,
      shutdown_progress: null,
      image_version: "dstack-0.3.6",
    },
    name: "price-oracle",
    managed_user: { id: 7, username: "alice" },
    node: { id: 12, name: "prod7", region_identifier: "us-west" },
    listed: false,
    status: "running",
    in_progress: false,
    dapp_dashboard_url: null,
    syslog_endpoint: "https://logs.example/syslog",
    allow_upgrade: true,
    project_id: null,
    project_type: null,
    billing_period: "hourly",
    kms_info: {
      id: "kms_1",
      slug: "phala-prod",
      url: "https://kms.dstack-prod7.phala.network",
      version: "v0.3.6",
      chain_id: null,
      kms_contract_address: null,
      gateway_app_id: null,
      k256_pubkey: null,
    },
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    gateway_domain: "dstack-prod7.phala.network",
    public_urls: [
      {
        app: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
        instance: `https://${INSTANCE_HEX}-8080.dstack-prod7.phala.network`,
      },
    ],
    machine_info: { vcpu: 2, memory: 4096, disk_size: 40, gpu_count: 0 },
    updated_at: "2025-10-29T08:30:00Z",
  };
}

function cvmDetailV20251028() {
  return {
    id: 4821,
    name: "price-oracle",
    status: "running",
    in_progress: false,
    teepod_id: 12,
    teepod: { id: 12, name: "prod7", region_identifier: "us-west" },
    app_id: APP_HEX,
    vm_uuid: VM_UUID,
    instance_id: INSTANCE_HEX,
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    base_image: "dstack-0.3.6",
    encrypted_env_pubkey: "0x04abcdef",
    listed: false,
    project_id: null,
    project_type: null,
    instance_type: "tdx.medium",
    public_sysinfo: true,
    public_logs: true,
    dapp_dashboard_url: null,
    syslog_endpoint: null,
    kms_info: null,
    contract_address: null,
    deployer_address: null,
    scheduled_delete_at: null,
    public_urls: [],
    gateway_domain: "dstack-prod7.phala.network",
    machine_info: null,
    updated_at: "2025-10-29T08:30:00Z",
  };
}

function cvmListV20251028() {
  return { items: [cvmV20251028()], total: 1, page: 1, page_size: 20, pages: 1 };
}

function cvmBasicV20251028() {
  return {
    vm_uuid: VM_UUID,
    app_id: APP_HEX,
    name: "price-oracle",
    status: "running",
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    teepod_id: 12,
    teepod_name: "prod7",
    region_identifier: "us-west",
    kms_type: "phala",
    instance_type: "tdx.medium",
    listed: false,
    base_image: "dstack-0.3.6",
    kms_slug: "phala-prod",
    kms_id: null,
    kms_contract_id: null,
    instance_id: INSTANCE_HEX,
    machine_info: { vcpu: 2, memory: 4096, disk_size: 40, gpu_count: 0 },
    updated_at: "2025-10-29T08:30:00Z",
  };
}

function appV20251028() {
  return {
    id: "dapp_5c1e",
    name: "price-oracle",
    app_id: APP_HEX,
    app_provision_type: "phala_cloud",
    app_icon_url: null,
    created_at: "2025-10-29T08:00:00Z",
    kms_type: "phala",
    profile: null,
    current_cvm: cvmBasicV20251028(),
    cvms: [cvmBasicV20251028()],
    cvm_count: 1,
  };
}

function appListV20251028() {
  return { dstack_apps: [appV20251028()], page: 1, page_size: 20, total: 1, total_pages: 1 };
}

// --- Versioned endpoints ------------------------------------------------------

const versionedBodies = {
  "2026-01-21": {
    getCurrentUser: currentUserV20260121,
    getCvmList: cvmListV20260121,
    getCvmInfo: cvmDetailV20260121,
    getAppList: appListV20260121,
    getAppInfo: appV20260121,
    getAppCvms: () => [cvmV20260121()],
  },
  "2025-10-28": {
    getCurrentUser: currentUserV20251028,
    getCvmList: cvmListV20251028,
    getCvmInfo: cvmDetailV20251028,
    getAppList: appListV20251028,
    getAppInfo: appV20251028,
    getAppCvms: () => [cvmV20251028()],
  },
} as const;

const realistic: Record<string, () => unknown> = {};
for (const [version, endpoints] of Object.entries(versionedBodies)) {
  for (const [endpoint, body] of Object.entries(endpoints)) {
    realistic[`${endpoint}ResponseSchemas["${version}"]`] = body;
  }
}

// --- Valid bodies generated from the schema's shape -----------------------------

const def = (schema: ZodLike) => schema._zod.def;
const isOptional = (schema: ZodLike) => schema._zod.optin === "optional";

/** Bodies the schema accepts: every field type, optional keys left out, nulls, defaults. */
function validBody(schema: ZodLike): fc.Arbitrary<unknown> {
  const d = def(schema);
  switch (d.type) {
    case "string":
      return fc
        .oneof(
          fc.string({ minLength: schema.minLength ?? 0, maxLength: 12 }),
          fc.constantFrom("running", "phala", "2026-01-22T10:00:00Z", "__proto__", "constructor"),
        )
        .filter((s) => s.length >= (schema.minLength ?? 0));
    case "number": {
      const min = Math.max(schema.minValue ?? -Infinity, Number.MIN_SAFE_INTEGER);
      const max = Math.min(schema.maxValue ?? Infinity, Number.MAX_SAFE_INTEGER);
      if (schema.isInt) return fc.integer({ min, max });
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "undefined":
      return fc.constant(undefined);
    case "unknown":
    case "any":
      return fc.jsonValue({ maxDepth: 2 });
    case "literal":
      return fc.constantFrom(...(d.values ?? []));
    case "enum":
      return fc.constantFrom(...Object.values(d.entries ?? {}));
    case "optional":
      return fc.option(validBody(inner(d)), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(validBody(inner(d)), { nil: null, freq: 4 });
    case "default":
      return validBody(inner(d));
    case "array":
      return fc.array(validBody(d.element as ZodLike), { maxLength: 3 });
    case "tuple":
      return fc.tuple(...(d.items ?? []).map(validBody));
    case "union":
      return fc.oneof(...(d.options ?? []).map(validBody));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 8 }), validBody(d.valueType as ZodLike), {
        maxKeys: 3,
      });
    case "object": {
      const shape = d.shape ?? {};
      return fc.record(
        Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, validBody(s)])),
        { requiredKeys: Object.keys(shape).filter((k) => !isOptional(shape[k] as ZodLike)) },
      );
    }
    default:
      throw new Error(`validBody: no generator for a zod "${d.type}"`);
  }
}

function inner(d: ZodDef): ZodLike {
  if (!d.innerType) throw new Error(`a zod "${d.type}" without innerType`);
  return d.innerType;
}

// --- Mutations --------------------------------------------------------------------

type Json = fc.JsonValue;
const mutationKinds = [
  "delete",
  "replace",
  "addKey",
  "swapType",
  "nestArray",
  "protoKey",
  "constructorKey",
  "arrayForObject",
] as const;
interface Mutation {
  kind: (typeof mutationKinds)[number];
  /** Which node (modulo the node count), in depth-first order. */
  at: number;
  key: string;
  value: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...mutationKinds),
  at: fc.nat(),
  key: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("__proto__", "constructor", "prototype", "toString", "added_later"),
  ),
  value: fc.jsonValue({ maxDepth: 2 }),
});

const isRecordLike = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Sets an own data property, even `__proto__` (as JSON.parse does). */
function define(target: object, key: PropertyKey, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A deep copy keeping prototypes, own `__proto__` keys and holes; other objects shared. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== "object" || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out = Object.create(proto) as object;
  for (const key of Reflect.ownKeys(value)) {
    define(out, key, copy((value as Record<PropertyKey, unknown>)[key]));
  }
  return out;
}

interface Slot {
  node: unknown;
  set: (x: unknown) => void;
  remove: () => void;
}

function slots(root: { value: unknown }): Slot[] {
  const out: Slot[] = [];
  const visit = (node: unknown, set: Slot["set"], remove: Slot["remove"]) => {
    out.push({ node, set, remove });
    if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) {
        visit(
          x,
          (y) => {
            node[i] = y;
          },
          () => node.splice(i, 1),
        );
      }
    } else if (isRecordLike(node)) {
      for (const key of Object.keys(node)) {
        visit(
          node[key],
          (y) => define(node, key, y),
          () => delete node[key],
        );
      }
    }
  };
  visit(
    root.value,
    (y) => {
      root.value = y;
    },
    () => {
      root.value = undefined;
    },
  );
  return out;
}

/** Another type's value carrying the same data where it can. */
function swapType(x: unknown): unknown {
  if (typeof x === "string") return x.length;
  if (typeof x === "number") return String(x);
  if (typeof x === "boolean") return x ? "true" : 0;
  if (x === null) return {};
  if (Array.isArray(x)) return Object.fromEntries(x.map((y, i) => [i, y]));
  if (isRecordLike(x)) return Object.values(x);
  return null;
}

function applyMutations(body: unknown, mutations: Mutation[]): unknown {
  const root = { value: copy(body) };
  for (const m of mutations) {
    const all = slots(root);
    const objects = all.filter((s) => isRecordLike(s.node));
    const slot = all[m.at % all.length] as Slot;
    const object = objects.length > 0 ? (objects[m.at % objects.length] as Slot) : undefined;
    switch (m.kind) {
      case "delete":
        slot.remove();
        break;
      case "replace":
        slot.set(m.value);
        break;
      case "addKey":
        if (object) define(object.node as object, m.key, m.value);
        break;
      case "swapType":
        slot.set(swapType(slot.node));
        break;
      case "nestArray":
        slot.set([slot.node]);
        break;
      case "protoKey":
        // What JSON.parse makes of `{"__proto__": {...}}`: an own key, not a prototype.
        if (object)
          define(object.node as object, "__proto__", { polluted: "yes", [m.key]: m.value });
        break;
      case "constructorKey":
        if (object)
          define(object.node as object, "constructor", { prototype: { polluted: "yes" } });
        break;
      case "arrayForObject":
        if (object) object.set(Object.values(object.node as object));
        break;
    }
  }
  return root.value;
}

// --- The checks ---------------------------------------------------------------------

/** Any value as short text, null-prototype objects and bigints included. */
function show(x: unknown): string {
  try {
    const text = JSON.stringify(x, (_k, y) => (typeof y === "bigint" ? `${y}n` : y));
    return (text ?? Object.prototype.toString.call(x)).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(x);
  }
}

type Vendor = "zod" | "valibot";

/**
 * Record keys a validator drops: both drop an own `__proto__` key (never set as
 * a prototype); valibot's `v.record` also drops `constructor` and `prototype`,
 * which zod keeps (see "known differences" at the end).
 */
const droppedRecordKeys: Record<Vendor, readonly string[]> = {
  zod: ["__proto__"],
  valibot: ["__proto__", "constructor", "prototype"],
};

type Result = StandardSchemaV1.Result<unknown>;
type Issue = StandardSchemaV1.Issue & {
  code?: string;
  expected?: string;
  errors?: Issue[][];
};

const keyOf = (segment: PropertyKey | StandardSchemaV1.PathSegment) =>
  typeof segment === "object" ? segment.key : segment;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
  return node;
}

/** Why `issues` is not a list of well-formed issues about `input`, or undefined. */
function badIssues(issues: readonly StandardSchemaV1.Issue[], input: unknown): string | undefined {
  if (!Array.isArray(issues) || issues.length === 0) return "issues is not a non-empty array";
  for (const issue of issues) {
    if (typeof issue.message !== "string" || issue.message === "")
      return `an issue without a message: ${String(issue.message)}`;
    const path = (issue.path ?? []).map(keyOf);
    let node = input;
    for (const [i, key] of path.entries()) {
      if (typeof key !== "string" && typeof key !== "number")
        return `a path segment that is not a key or an index: ${String(key)}`;
      if (typeof node !== "object" || node === null)
        return `path ${path.join(".")} goes through a non-object`;
      const present = Object.hasOwn(node, key);
      // The last segment may name a key the input lacks (a missing required key).
      if (!present && i < path.length - 1) return `path ${path.join(".")} is not in the input`;
      node = (node as Record<PropertyKey, unknown>)[key];
    }
  }
  return undefined;
}

/**
 * Why `output` is not what the schema makes of `input`, or undefined: the same
 * primitives, arrays of the same length, objects with the schema's keys only
 * (the input's value, or the default where the input had none), records with
 * the input's own keys. Reports the first difference.
 */
function wrongOutput(
  vendor: Vendor,
  schema: ZodLike,
  input: unknown,
  output: unknown,
  at = "$",
): string | undefined {
  const d = def(schema);
  switch (d.type) {
    case "optional":
      if (output === undefined) return input === undefined ? undefined : `${at}: input dropped`;
      return wrongOutput(vendor, inner(d), input, output, at);
    case "nullable":
      if (output === null) return input === null ? undefined : `${at}: null out of non-null`;
      return wrongOutput(vendor, inner(d), input, output, at);
    case "default":
      if (input === undefined)
        return isDeepStrictEqual(output, d.defaultValue) ? undefined : `${at}: not the default`;
      return wrongOutput(vendor, inner(d), input, output, at);
    case "unknown":
    case "any":
      return output === input ? undefined : `${at}: an unknown value was changed`;
    case "array":
    case "tuple": {
      if (!Array.isArray(output) || !Array.isArray(input)) return `${at}: not an array`;
      if (output.length !== input.length) return `${at}: length changed`;
      for (let i = 0; i < output.length; i++) {
        const element = d.type === "array" ? d.element : (d.items?.[i] ?? d.rest);
        if (!element) return `${at}[${i}]: beyond the tuple`;
        const why = wrongOutput(vendor, element, input[i], output[i], `${at}[${i}]`);
        if (why) return why;
      }
      return undefined;
    }
    case "union": {
      const whys = (d.options ?? []).map((option) =>
        wrongOutput(vendor, option, input, output, at),
      );
      return whys.some((why) => why === undefined) ? undefined : whys.join(" / ");
    }
    case "object":
    case "record": {
      if (!isRecordLike(output) || Object.getPrototypeOf(output) !== Object.prototype)
        return `${at}: not a plain object`;
      if (typeof input !== "object" || input === null) return `${at}: out of a non-object`;
      const source = input as Record<string, unknown>;
      if (d.type === "record") {
        const keys = Object.keys(source).filter((k) => !droppedRecordKeys[vendor].includes(k));
        if (!isDeepStrictEqual(Object.keys(output).sort(), keys.sort()))
          return `${at}: record keys ${Object.keys(output)} out of ${keys}`;
        for (const key of keys) {
          const why = wrongOutput(
            vendor,
            d.valueType as ZodLike,
            source[key],
            output[key],
            `${at}.${key}`,
          );
          if (why) return why;
        }
        return undefined;
      }
      const shape = d.shape ?? {};
      for (const key of Reflect.ownKeys(output)) {
        if (typeof key !== "string" || !Object.hasOwn(shape, key))
          return `${at}: key ${String(key)} is not in the schema`;
      }
      for (const [key, field] of Object.entries(shape)) {
        const value = Object.hasOwn(source, key) ? source[key] : undefined;
        if (!Object.hasOwn(output, key)) {
          if (value !== undefined || !isOptional(field)) return `${at}.${key}: dropped`;
          continue;
        }
        const why = wrongOutput(vendor, field, value, output[key], `${at}.${key}`);
        if (why) return why;
      }
      return undefined;
    }
    default:
      return Object.is(output, input) ? undefined : `${at}: ${show(input)} became ${show(output)}`;
  }
}

/**
 * The documented difference (valibot/parity.test.ts, "known differences"):
 * valibot's object and record take any non-null object, arrays included, where
 * zod wants a plain object (record) or a non-array object (object). True when
 * each of zod's issues is that, so valibot may succeed where zod fails.
 */
function objectTypeDifference(issue: Issue, input: unknown): boolean {
  const at = valueAt(input, (issue.path ?? []).map(keyOf));
  if (issue.code === "invalid_type" && issue.expected === "object") return Array.isArray(at);
  if (issue.code === "invalid_type" && issue.expected === "record")
    return typeof at === "object" && at !== null;
  if (issue.code === "invalid_union")
    return (issue.errors ?? []).some(
      (branch) => branch.length > 0 && branch.every((i) => objectTypeDifference(i, at)),
    );
  return false;
}

/** The value without `constructor` and `prototype` keys, at any depth. */
function withoutKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutKeys);
  if (!isRecordLike(value)) return value;
  const out = Object.create(Object.getPrototypeOf(value)) as object;
  for (const key of Reflect.ownKeys(value)) {
    if (key !== "constructor" && key !== "prototype")
      define(out, key, withoutKeys(value[key as string]));
  }
  return out;
}

function validate(schema: StandardSchemaV1, input: unknown): Result {
  const result = schema["~standard"].validate(input);
  if (result instanceof Promise) throw new Error("validate returned a Promise");
  return result;
}

function notPolluted() {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted === undefined &&
    Object.keys(Object.prototype).length === 0 &&
    Object.keys(Array.prototype).length === 0 &&
    Object.getPrototypeOf(probe) === Object.prototype
  );
}

/** Asserts everything the issue asks of one schema pair on one input. */
function check(pair: Pair, input: unknown): void {
  const snapshot = copy(input);
  const results = [pair.zod, pair.valibot].map((schema) => {
    const vendor = schema["~standard"].vendor as Vendor;
    let result: Result;
    try {
      result = validate(schema, input);
    } catch (error) {
      throw new Error(`${vendor} threw: ${show(error instanceof Error ? error.stack : error)}`);
    }
    if (!isDeepStrictEqual(input, snapshot)) throw new Error(`${vendor} changed its input`);
    if (!notPolluted()) throw new Error(`${vendor}: a prototype was polluted`);
    // A failure is `issues` (valibot also leaves a partial `value` beside them).
    if (result.issues !== undefined) {
      const why = badIssues(result.issues, input);
      if (why) throw new Error(`${vendor}: ${why}`);
      return { ok: false as const, issues: result.issues as readonly Issue[] };
    }
    if (!("value" in result)) throw new Error(`${vendor}: neither issues nor value`);
    const again = validate(schema, copy(result.value));
    if (again.issues !== undefined || !isDeepStrictEqual(again.value, result.value))
      throw new Error(`${vendor}: validating its own output again gives something else`);
    const why = wrongOutput(vendor, pair.zod, input, result.value);
    if (why) throw new Error(`${vendor}: wrong output: ${why}`);
    return { ok: true as const, value: result.value };
  });
  const [fromZod, fromValibot] = results as [(typeof results)[0], (typeof results)[0]];
  if (fromZod.ok !== fromValibot.ok) {
    // Known difference, skipped: valibot takes an array where zod wants an object.
    if (
      !fromZod.ok &&
      fromValibot.ok &&
      fromZod.issues.every((i) => objectTypeDifference(i, input))
    )
      return;
    // Known difference, skipped: valibot never looks at a record's `constructor`
    // or `prototype` key, so it accepts what zod rejects there.
    const inSkippedKey = (i: Issue) =>
      (i.path ?? []).map(keyOf).some((k) => k === "constructor" || k === "prototype");
    if (!fromZod.ok && fromValibot.ok && fromZod.issues.every(inSkippedKey)) return;
    throw new Error(`zod ${fromZod.ok ? "accepts" : "rejects"}, valibot does not`);
  }
  if (!fromZod.ok || !fromValibot.ok) return;
  if (isDeepStrictEqual(fromZod.value, fromValibot.value)) return;
  // Known difference, skipped: valibot drops `constructor` and `prototype` record keys.
  if (isDeepStrictEqual(withoutKeys(fromZod.value), withoutKeys(fromValibot.value))) return;
  throw new Error("zod and valibot give different values");
}

function holds(pair: Pair, inputs: fc.Arbitrary<unknown>, numRuns: number) {
  fc.assert(
    fc.property(inputs, (input) => {
      try {
        check(pair, input);
      } catch (error) {
        throw new Error(`${pair.name} on ${show(input)}: ${(error as Error).message}`);
      }
    }),
    { ...runs(numRuns), seed },
  );
}

// --- The properties -----------------------------------------------------------------

const anything = fc.anything({
  maxDepth: 3,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withObjectString: true,
});

describe(`every schema (fast-check seed ${seed})`, () => {
  it("covers every schema of both entries", () => {
    expect(pairs.length).toBeGreaterThan(100);
    for (const pair of pairs) {
      expect(pair.valibot?.["~standard"].vendor, pair.name).toBe("valibot");
      expect(pair.zod["~standard"].vendor, pair.name).toBe("zod");
    }
    for (const name of Object.keys(realistic)) {
      expect(pairs.map((p) => p.name)).toContain(name);
    }
  });

  describe.each(pairs.map((p) => [p.name, p] as const))("%s", (_name, pair) => {
    const generated = validBody(pair.zod);
    const fixture = realistic[pair.name];
    const bodies = fixture ? fc.oneof(fc.constant(fixture()), generated) : generated;
    const scale = fixture ? 2 : 1;

    it("accepts every valid body, with its data", () => {
      fc.assert(
        fc.property(bodies, (body) => {
          check(pair, body);
          expect(validate(pair.zod, body).issues, show(body)).toBeUndefined();
        }),
        { ...runs(25 * scale), seed },
      );
    });

    it("answers random values with issues or valid data", () => {
      holds(pair, fc.oneof(anything, fc.jsonValue()), 40 * scale);
    });

    it("answers mutated valid bodies with issues or valid data", () => {
      holds(
        pair,
        fc
          .tuple(bodies, fc.array(mutation, { minLength: 1, maxLength: 4 }))
          .map(([body, mutations]) => applyMutations(body, mutations)),
        60 * scale,
      );
    });
  });

  afterAll(() => {
    expect(notPolluted()).toBe(true);
  });
});

describe("known differences", () => {
  // valibot's v.record drops `constructor` and `prototype` keys (besides
  // `__proto__`, which zod drops too): `services[]`, `compose_file`,
  // `key_metadata` and `GetCvmStatusBatchSchema` lose such keys in the valibot
  // entry only. Skipped in the properties above; fails (so this turns red) once fixed.
  it.fails("a record keeps `constructor` and `prototype` keys, as zod does", () => {
    const metadata = { constructor: 1, prototype: 2, x: 3 };
    const key = {
      id: "sk_1",
      user_id: "u_1",
      name: "laptop",
      public_key: "ssh-ed25519 AAAA",
      fingerprint: "SHA256:x",
      key_type: "ssh-ed25519",
      source: "manual",
      key_metadata: metadata,
      created_at: "2026-01-22T10:00:00Z",
      updated_at: "2026-01-22T10:00:00Z",
    };
    expect(validate(Z.SshKeySchema, key)).toEqual({ value: key });
    expect(validate(V.SshKeySchema, key)).toMatchObject({ value: key });
  });
});
