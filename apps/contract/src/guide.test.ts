// The versioning guide's "Key Differences Between Versions" and "Migration
// Guide" (spec/api-versioning.md) state facts about two versions' shapes. The
// guide is not in this repository, so its facts are restated here as data, and
// checked against the one source every version's schemas, types and
// docs/versions pages come from: the chain of packages/schemas/versions/.
import { VERSION_CHANGES } from "@phala/cloud-schemas";
import { describe, expect, test } from "vitest";
import { CHAIN } from "./contract";

/** A JSON Schema object of the chain, its keywords read as they come. */
type JsonSchema = { [keyword: string]: any };

type Leaf = "string" | "number" | "boolean" | "object" | "array";

/** A field path of the guide (`[]` steps into an array's items) and the JSON types it names. */
type Fact = readonly [path: string, types: readonly Leaf[]];

const S = ["string"] as const;
const N = ["number"] as const;
const B = ["boolean"] as const;
const O = ["object"] as const;

const GUIDE: Record<string, Record<string, readonly Fact[]>> = {
  "2026-01-21": {
    getCurrentUser: [
      ["user.username", S],
      ["user.email", S],
      ["user.role", S],
      ["user.avatar", S],
      ["user.email_verified", B],
      ["user.totp_enabled", B],
      ["user.has_backup_codes", B],
      ["user.flag_has_password", B],
      ["workspace.id", S],
      ["workspace.name", S],
      ["workspace.slug", S],
      ["workspace.tier", S],
      ["workspace.role", S],
      ["credits.balance", ["string", "number"]],
      ["credits.granted_balance", ["string", "number"]],
      ["credits.is_post_paid", B],
      ["credits.outstanding_amount", ["string", "number"]],
    ],
    getCvmList: [
      ["id", S],
      ["name", S],
      ["app_id", S],
      ["status", S],
      ["resource.instance_type", S],
      ["resource.vcpu", N],
      ["resource.memory_in_gb", N],
      ["resource.disk_in_gb", N],
      ["resource.gpus", N],
      ["resource.billing_period", S],
      ["node_info.object_type", S],
      ["node_info.id", N],
      ["node_info.name", S],
      ["node_info.region", S],
      ["os.name", S],
      ["os.version", S],
      ["os.is_dev", B],
      ["kms_info.chain_id", N],
      ["kms_info.dstack_kms_address", S],
      ["gateway.base_domain", S],
      ["gateway.cname", S],
      ["workspace.object_type", S],
      ["workspace.id", S],
      ["workspace.name", S],
      ["workspace.slug", S],
      ["creator.object_type", S],
      ["creator.id", S],
      ["creator.username", S],
    ],
  },
  "2025-10-28": {
    getCurrentUser: [
      ["username", S],
      ["email", S],
      ["credits", N],
      ["granted_credits", N],
      ["avatar", S],
      ["team_name", S],
      ["team_tier", S],
    ],
    getCvmList: [
      ["hosted", O],
      ["hosted.id", S],
      ["hosted.name", S],
      ["hosted.status", S],
      ["hosted.app_url", S],
      ["name", S],
      ["node.id", N],
      ["node.name", S],
      ["node.region_identifier", S],
      ["vcpu", N],
      ["memory", N],
      ["disk_size", N],
      ["gateway_domain", S],
      ["public_urls[].app", S],
      ["public_urls[].instance", S],
    ],
  },
};

/** The guide's migration steps: what 2025-10-28 code read, and what 2026-01-21 code reads instead. */
const MIGRATION: readonly (readonly [action: string, before: string, after: string])[] = [
  ["getCurrentUser", "username", "user.username"],
  ["getCurrentUser", "credits", "credits.balance"],
  ["getCvmList", "vcpu", "resource.vcpu"],
  ["getCvmList", "memory", "resource.memory_in_gb"],
  ["getCvmList", "node.region_identifier", "node_info.region"],
];

function deref(schema: JsonSchema): JsonSchema {
  let current = schema;
  while (typeof current.$ref === "string") {
    const name = current.$ref.slice("#/components/schemas/".length);
    const target = CHAIN.jsonSchemas[name];
    if (!target) throw new Error(`unresolved ${current.$ref}`);
    current = target as JsonSchema;
  }
  return current;
}

/** Every branch of a schema, through `$ref`, `anyOf`, `oneOf` and `allOf`. */
function branches(schema: JsonSchema): JsonSchema[] {
  const resolved = deref(schema);
  const parts = [resolved.anyOf, resolved.oneOf, resolved.allOf].flatMap((list) =>
    Array.isArray(list) ? (list as JsonSchema[]) : [],
  );
  return parts.length > 0 ? [resolved, ...parts.flatMap(branches)] : [resolved];
}

function typesOf(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  for (const branch of branches(schema)) {
    const type = branch.type;
    for (const t of Array.isArray(type) ? type : type ? [type] : [])
      out.add(t === "integer" ? "number" : String(t));
    if (branch.properties) out.add("object");
    if ("const" in branch) out.add(typeof branch.const);
    if (Array.isArray(branch.enum)) for (const value of branch.enum) out.add(typeof value);
  }
  return out;
}

/** The schemas a field path reaches, or an empty list when some step is not there. */
function reach(root: JsonSchema, path: string): JsonSchema[] {
  let at: JsonSchema[] = [root];
  for (const step of path.split(".")) {
    const [key, ...rest] = step.split("[]");
    const next: JsonSchema[] = [];
    for (const schema of at) {
      for (const branch of branches(schema)) {
        const props = branch.properties as Record<string, JsonSchema> | undefined;
        if (key && props?.[key]) next.push(props[key]);
      }
    }
    at = next;
    for (const _ of rest) {
      at = at.flatMap((schema) =>
        branches(schema).flatMap((branch) => (branch.items ? [branch.items as JsonSchema] : [])),
      );
    }
  }
  return at;
}

/**
 * The guide's "CVM Info" is the CVM record of the SDK's `CvmInfoV*` types,
 * which `GET /cvms` answers page by page (`GET /cvms/{id}` answers a detail
 * record, in 2025-10-28 another shape): its facts are read under `items[]`.
 */
const ROOT: Record<string, string> = { getCvmList: "items[]." };

function reachIn(version: string, action: string, path: string): JsonSchema[] {
  const schema = CHAIN.endpointSchemas[version]?.[action];
  if (!schema) throw new Error(`no ${action} schema for ${version}`);
  return reach(schema as JsonSchema, `${ROOT[action] ?? ""}${path}`);
}

describe("the versioning guide's Key Differences agree with the version chain", () => {
  for (const [version, actions] of Object.entries(GUIDE)) {
    for (const [action, facts] of Object.entries(actions)) {
      test.each(facts.map(([path, types]) => ({ path, types })))(
        `${version} ${action}: $path`,
        ({ path, types }) => {
          const reached = reachIn(version, action, path);
          expect(reached, `${path} is not in ${action}'s ${version} schema`).not.toHaveLength(0);
          const allowed = new Set(reached.flatMap((schema) => [...typesOf(schema)]));
          for (const type of types) expect([...allowed], `${path} in ${version}`).toContain(type);
        },
      );
    }
  }
});

describe("the guide's migration steps agree with the chain", () => {
  test.each(MIGRATION.map(([action, before, after]) => ({ action, before, after })))(
    "$action: $before becomes $after",
    ({ action, before, after }) => {
      expect(reachIn("2025-10-28", action, before)).not.toHaveLength(0);
      expect(reachIn("2026-01-21", action, after)).not.toHaveLength(0);
    },
  );

  test("each step is in the 2026-01-21 change set's migration notes (README, docs/versions)", () => {
    const set = VERSION_CHANGES.find((entry) => entry.version === "2026-01-21");
    const notes = (set?.changes ?? [])
      .map((change) => change.migration ?? "")
      .join("\n")
      .replaceAll("?.", ".");
    for (const [, before, after] of MIGRATION) {
      expect(notes, `${before} -> ${after}`).toContain(`.${after}\``);
      expect(notes, `${before} -> ${after}`).toContain(`.${before}\``);
    }
  });

  test("a path the chain does not have is caught", () => {
    expect(reachIn("2026-01-21", "getCvmList", "resource.no_such_field")).toHaveLength(0);
    expect(reachIn("2025-10-28", "getCvmList", "resource.vcpu")).toHaveLength(0);
    expect(reachIn("2026-01-21", "getCvmList", "hosted.id")).toHaveLength(0);
    const [vcpu] = reachIn("2026-01-21", "getCvmList", "resource.vcpu");
    expect([...typesOf(vcpu as JsonSchema)]).toContain("number");
    expect([...typesOf(vcpu as JsonSchema)]).not.toContain("string");
  });
});
