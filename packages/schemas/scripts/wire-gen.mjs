// The generator behind scripts/gen-wire.mjs, as a function of its inputs (the
// contract, the named shapes, the version registry), so a test can run it with
// another registry (a synthetic version) and get every file it would write.
//
// One source for every shape: each shape is a JSON Schema of the contract
// (contract/phala-cloud-api.json, contract/exceptions.json), named once in
// scripts/wire-shapes.mjs. Versions are a chain (versions/index.mjs): the oldest
// version's endpoints, then each later version's changes (an endpoint reshaped,
// a field retyped...). From that the generator derives, for zod and valibot:
// every shape of every version (a shape a version changed gets a variant named
// after that version, `CvmVmV20260522`; unchanged shapes are shared), one table
// per endpoint (version -> schema), the version -> endpoint -> type map, the
// version data (src/versions.ts) and docs/versions/<version>.md.
//
// How a JSON Schema property becomes a schema (responses are read, never sent):
//   required                      -> T            (T | null when nullable)
//   optional with a `default`     -> T with that default (absent: the default)
//   optional and nullable         -> T | null, absent: null
//   optional otherwise            -> T | undefined
//   string `enum`                 -> an open enum (unknown values pass, known ones typed)
//   object with properties        -> an object that drops unknown keys
//                                    (`x-document`: kept whole, absent fields stay absent)
//   `{}`                          -> unknown

const REF = "x-sdk-ref";
const HAND = "x-hand";

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isNull = (schema) => isObject(schema) && schema.type === "null";
const isEmpty = (schema) =>
  schema === true || (isObject(schema) && Object.keys(schema).length === 0);
const literal = (value) => JSON.stringify(value);
const capitalize = (name) => name[0].toUpperCase() + name.slice(1);
const compact = (date) => date.replaceAll("-", "");
/** `CvmInfoV20260121` -> `CvmInfo`: a variant takes the version it first appears in. */
const stem = (name) => name.replace(/V\d{8}$/, "");
/** Adds `name` to what a generated file imports from `from`. */
const addImport = (imports, from, name) => {
  (imports.get(from) ?? imports.set(from, new Set()).get(from)).add(name);
};

/** A default value as code: a function for objects and arrays (no shared instance). */
function defaultCode(value) {
  return value !== null && typeof value === "object" ? `() => (${literal(value)})` : literal(value);
}

/** Splits a schema into its non-null part(s) and whether null is allowed. */
function splitNull(schema) {
  if (isObject(schema) && Array.isArray(schema.anyOf ?? schema.oneOf)) {
    const all = schema.anyOf ?? schema.oneOf;
    const rest = all.filter((branch) => !isNull(branch));
    return { branches: rest, nullable: rest.length !== all.length };
  }
  if (isNull(schema)) return { branches: [], nullable: true };
  return { branches: [schema], nullable: false };
}

export function generate({ contract, exceptions, wireFiles, registry }) {
  const contractSchemas = { ...contract.schemas };
  for (const [name, schema] of Object.entries(exceptions.schemas)) {
    if (name in contractSchemas) throw new Error(`contract/exceptions.json redefines ${name}`);
    contractSchemas[name] = schema;
  }
  const refName = (ref) => ref.replace("#/components/schemas/", "");
  function derefContract(schema) {
    let current = schema;
    while (isObject(current) && typeof current.$ref === "string") {
      const target = contractSchemas[refName(current.$ref)];
      if (!target) throw new Error(`unknown schema ${current.$ref}`);
      current = target;
    }
    return current;
  }

  // --- The named shapes -----------------------------------------------------------

  /** name -> { name, file, doc, precompile, alias? } */
  const entries = new Map();
  const byContractName = new Map();
  const addEntry = (entry, file) => {
    if (entries.has(entry.name)) throw new Error(`${entry.name} is defined twice`);
    entries.set(entry.name, { ...entry, file });
    if (entry.contractName) {
      if (byContractName.has(entry.contractName)) {
        throw new Error(`${entry.contractName} is named twice`);
      }
      byContractName.set(entry.contractName, entry.name);
    }
  };
  for (const [file, list] of Object.entries(wireFiles))
    for (const entry of list) addEntry(entry, file);

  /** A schema with the contract's `$ref`s to named shapes turned into references by name. */
  function toIR(schema) {
    if (Array.isArray(schema)) return schema.map(toIR);
    if (!isObject(schema)) return schema;
    if (typeof schema.$ref === "string") {
      const name = byContractName.get(refName(schema.$ref));
      const { $ref, ...rest } = schema;
      if (name) return { [REF]: name, ...rest };
      return toIR({ ...derefContract(schema), ...rest });
    }
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, toIR(value)]));
  }

  function baseIR(entry) {
    if (entry.alias) return { [REF]: entry.alias, "x-alias": true };
    if (entry.schema) return toIR(entry.schema);
    const schema = contractSchemas[entry.contractName];
    if (!schema) throw new Error(`${entry.name}: no contract schema ${entry.contractName}`);
    return toIR(entry.patch ? entry.patch(structuredClone(schema)) : schema);
  }

  // --- The version chain ------------------------------------------------------------

  const versions = [registry.base.version, ...registry.changes.map((change) => change.version)];
  for (let index = 1; index < versions.length; index++) {
    if (!(versions[index] > versions[index - 1])) {
      throw new Error(`versions out of order: ${versions[index - 1]} then ${versions[index]}`);
    }
  }
  if (!versions.includes(registry.defaultVersion)) {
    throw new Error(`the default version ${registry.defaultVersion} is not in the registry`);
  }

  /** An endpoint's answer named, so tables and types refer to shapes by name. */
  const endpointEntryName = (endpoint, ir) => ir["x-name"] ?? `${capitalize(endpoint)}Response`;
  function endpointIR(endpoint, ir, stateShapes) {
    if (ir[REF] || ir[HAND]) return ir;
    const name = endpointEntryName(endpoint, ir);
    if (!entries.has(name)) addEntry({ name, precompile: ir["x-precompile"] }, "results");
    stateShapes.set(name, toIR(ir));
    return { [REF]: name };
  }

  const shapes0 = new Map([...entries.values()].map((entry) => [entry.name, baseIR(entry)]));
  const endpoints0 = new Map();
  for (const [endpoint, ir] of Object.entries(registry.base.endpoints)) {
    endpoints0.set(endpoint, endpointIR(endpoint, ir, shapes0));
  }
  const states = [
    { version: versions[0], shapes: shapes0, endpoints: endpoints0, pins: new Map() },
  ];

  const canonical = (state, name) => {
    let current = name;
    while (state.shapes.get(current)?.["x-alias"]) current = state.shapes.get(current)[REF];
    return current;
  };

  for (const change of registry.changes) {
    const previous = states.at(-1);
    const state = {
      version: change.version,
      shapes: new Map(previous.shapes),
      endpoints: new Map(previous.endpoints),
      pins: new Map(previous.pins),
    };
    for (const op of change.changes) {
      const where = `${change.version} ${op.kind} ${op.endpoint ?? `${op.shape}.${op.field}`}`;
      switch (op.kind) {
        case "reshape-endpoint":
        case "add-endpoint": {
          const exists = state.endpoints.has(op.endpoint);
          if (op.kind === "reshape-endpoint" && !exists)
            throw new Error(`${where}: no such endpoint`);
          if (op.kind === "add-endpoint" && exists) throw new Error(`${where}: exists already`);
          const ir = endpointIR(op.endpoint, toIR(op.to), state.shapes);
          state.endpoints.set(op.endpoint, ir);
          if (op.kind === "add-endpoint") {
            // Added endpoints are pinned to their version, so every client can call them.
            if (!op.since) throw new Error(`${where}: an added endpoint needs \`since\` (its pin)`);
            state.pins.set(op.endpoint, { send: op.since });
            for (const earlier of states) {
              earlier.endpoints.set(op.endpoint, ir);
              earlier.pins.set(op.endpoint, { send: op.since });
            }
          }
          break;
        }
        case "remove-endpoint":
          if (!state.endpoints.delete(op.endpoint)) throw new Error(`${where}: no such endpoint`);
          break;
        case "pin-endpoint": {
          const target = states.find((candidate) => candidate.version === op.to);
          if (!target) throw new Error(`${where}: unknown version ${op.to}`);
          state.endpoints.set(op.endpoint, target.endpoints.get(op.endpoint));
          state.pins.set(op.endpoint, { send: op.to });
          break;
        }
        case "retype-field":
        case "add-field":
        case "remove-field":
        case "rename-field": {
          const name = canonical(state, op.shape);
          const current = state.shapes.get(name);
          if (!current?.properties) throw new Error(`${where}: no object shape ${op.shape}`);
          const has = op.field in current.properties;
          if (op.kind === "add-field" ? has : !has) {
            throw new Error(`${where}: field ${op.field} ${has ? "exists" : "is missing"}`);
          }
          const next = structuredClone(current);
          if (op.kind === "retype-field" || op.kind === "add-field") {
            next.properties[op.field] = toIR(op.schema);
            if (op.required) next.required = [...new Set([...(next.required ?? []), op.field])];
          } else if (op.kind === "remove-field") {
            delete next.properties[op.field];
            next.required = (next.required ?? []).filter((key) => key !== op.field);
          } else {
            next.properties = Object.fromEntries(
              Object.entries(next.properties).map(([key, value]) => [
                key === op.field ? op.to : key,
                value,
              ]),
            );
            next.required = (next.required ?? []).map((key) => (key === op.field ? op.to : key));
          }
          state.shapes.set(name, next);
          break;
        }
        default:
          throw new Error(`${where}: unknown kind of change`);
      }
    }
    states.push(state);
  }

  // --- Identity: a shape's content with its references' content ----------------------

  function hasher(state) {
    const memo = new Map();
    const hashOf = (name) => {
      if (memo.has(name)) return memo.get(name);
      memo.set(name, `cycle:${name}`);
      const ir = state.shapes.get(name);
      if (ir === undefined) throw new Error(`${state.version}: unknown shape ${name}`);
      const text = JSON.stringify(ir, (key, value) =>
        isObject(value) && value[REF] && key !== REF
          ? { ...value, [REF]: hashOf(value[REF]) }
          : value,
      );
      memo.set(name, text);
      return text;
    };
    return hashOf;
  }
  const hashers = states.map(hasher);

  /** name -> [{ variant, versions, state }]: one per distinct content, oldest first. */
  const variants = new Map();
  for (const name of entries.keys()) {
    const list = [];
    states.forEach((state, index) => {
      if (!state.shapes.has(name)) return;
      const hash = hashers[index](name);
      const found = list.find((item) => item.hash === hash);
      if (found) found.versions.push(state.version);
      // A second name for a shape (kept for callers) is not carried into later
      // versions: the shape's own variant names them.
      else if (entries.get(name).alias && list.length > 0) return;
      else {
        const variant = list.length === 0 ? name : `${stem(name)}V${compact(state.version)}`;
        list.push({ hash, variant, versions: [state.version], state, index });
      }
    });
    variants.set(name, list);
  }
  const allVariantNames = new Set();
  for (const list of variants.values()) {
    for (const { variant } of list) {
      if (allVariantNames.has(variant)) throw new Error(`two shapes would be named ${variant}`);
      allVariantNames.add(variant);
    }
  }
  /** The name of shape `name` as version `index` has it. */
  const variantAt = (name, index) => {
    const hash = hashers[index](name);
    const found = variants.get(name).find((item) => item.hash === hash);
    if (found) return found.variant;
    // An alias in a version that changed its shape: the shape's own variant.
    return variantAt(states[index].shapes.get(name)[REF], index);
  };

  // --- Emission ---------------------------------------------------------------------

  const fileOfVariant = new Map();
  for (const [name, list] of variants) {
    for (const { variant } of list) fileOfVariant.set(variant, entries.get(name).file);
  }

  function makeEmitter(flavour, currentFile, imports, state, index) {
    const zod = flavour === "zod";
    const use = (name) => {
      const variant = variantAt(name, index);
      const file = fileOfVariant.get(variant);
      if (file !== currentFile) addImport(imports, `./${file}`, `${variant}Schema`);
      else imports.local.add(variant);
      return `${variant}Schema`;
    };
    /** A hand-written schema of src/resources: the SDK's own results. */
    const hand = (reference) => {
      const [module, name] = reference.split(":");
      addImport(imports, `../resources/${module}`, `${name}Schema`);
      return `${name}Schema`;
    };
    const helper = (name) => {
      imports.helpers.add(name);
      return name;
    };
    const resolve = (schema) => {
      let current = schema;
      while (isObject(current) && current[REF]) current = state.shapes.get(current[REF]);
      return current;
    };
    /** Whether a default value has the shape of the field it defaults (objects only). */
    const defaultFits = (schema, value) => {
      if (!isObject(value)) return true;
      const { branches } = splitNull(resolve(schema));
      return branches.some((branch) =>
        (resolve(branch)?.required ?? []).every((key) => key in value),
      );
    };

    function type(schema) {
      if (isEmpty(schema)) return zod ? "z.unknown()" : "v.unknown()";
      if (schema[REF]) return use(schema[REF]);
      if (schema[HAND]) return hand(schema[HAND]);
      if (schema.anyOf || schema.oneOf) {
        const { branches, nullable } = splitNull(schema);
        let code;
        if (branches.length === 0) code = zod ? "z.null()" : "v.null()";
        else if (branches.length === 1) code = type(branches[0]);
        else {
          const list = branches.map(type).join(", ");
          code = zod ? `z.union([${list}])` : `v.union([${list}])`;
        }
        if (nullable && branches.length > 0)
          code = zod ? `${code}.nullable()` : `v.nullable(${code})`;
        return code;
      }
      if ("const" in schema) {
        return zod ? `z.literal(${literal(schema.const)})` : `v.literal(${literal(schema.const)})`;
      }
      if (schema.enum) {
        if (schema.enum.every((value) => typeof value === "string")) {
          return `${helper("openEnum")}(${literal(schema.enum)})`;
        }
        return type({ type: "integer" });
      }
      switch (schema.type) {
        case "string":
          return zod ? "z.string()" : "v.string()";
        case "integer":
          return zod ? "z.number().int()" : helper("Int");
        case "number":
          return zod ? "z.number()" : helper("FiniteNumber");
        case "boolean":
          return zod ? "z.boolean()" : "v.boolean()";
        case "null":
          return zod ? "z.null()" : "v.null()";
        case "array":
          if (schema.prefixItems) {
            const items = schema.prefixItems.map(type).join(", ");
            return zod ? `z.tuple([${items}])` : `v.strictTuple([${items}])`;
          }
          return zod
            ? `z.array(${type(schema.items ?? {})})`
            : `v.array(${type(schema.items ?? {})})`;
        default:
          break;
      }
      if (
        schema.type === "object" ||
        schema.properties ||
        schema.additionalProperties !== undefined
      ) {
        if (!schema.properties) {
          const values =
            schema.additionalProperties === undefined || schema.additionalProperties === true
              ? {}
              : schema.additionalProperties;
          return zod
            ? `z.record(z.string(), ${type(values)})`
            : `${helper("objectRecord")}(${type(values)})`;
        }
        return object(schema);
      }
      throw new Error(`no rule for ${JSON.stringify(schema).slice(0, 200)}`);
    }

    function property(schema, required, document) {
      let hasDefault = isObject(schema) && "default" in schema;
      let defaultValue = hasDefault ? schema.default : undefined;
      // A default the field's own schema refuses (VmConfiguration.gpus: `{}` for an
      // object that requires `gpus`) cannot be the value: the field is left to the
      // rules below (null when nullable).
      if (hasDefault && !defaultFits(schema, defaultValue)) {
        hasDefault = false;
        defaultValue = undefined;
      }
      const { branches, nullable } = splitNull(schema);
      const inner =
        branches.length === 0
          ? zod
            ? "z.null()"
            : "v.null()"
          : branches.length === 1
            ? type(branches[0])
            : type({ anyOf: branches });
      const canBeNull = nullable || (hasDefault && defaultValue === null);
      const base =
        canBeNull && branches.length > 0
          ? zod
            ? `${inner}.nullable()`
            : `v.nullable(${inner})`
          : inner;
      if (required) return base;
      // A document written back as read (the app compose): an absent field stays absent.
      if (document) return zod ? `${base}.optional()` : `v.optional(${base})`;
      if (hasDefault) {
        return zod
          ? `${base}.default(${defaultCode(defaultValue)})`
          : `v.optional(${base}, ${defaultCode(defaultValue)})`;
      }
      if (canBeNull) {
        if (zod) return `${base}.default(null)`;
        // One call per field instead of three: the most common field of every schema.
        return `${helper("nullOr")}(${inner})`;
      }
      return zod ? `${base}.optional()` : `v.optional(${base})`;
    }

    function object(schema) {
      const required = new Set(schema.required ?? []);
      const lines = Object.entries(schema.properties).map(([key, value]) => {
        const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key);
        return `${name}: ${property(value, required.has(key), schema["x-document"])},`;
      });
      const maker = schema["x-loose"] || schema["x-document"] ? "looseObject" : "object";
      return `${zod ? "z" : "v"}.${maker}({\n${lines.join("\n")}\n})`;
    }

    return { type, use };
  }

  const HEADER = (source) =>
    `// Generated by scripts/gen-wire.mjs from ${source}: do not edit.\n// Change scripts/wire-shapes.mjs, versions/ (or the contract) and run \`node scripts/gen-wire.mjs\`.\n`;

  /** Imports of a generated file, in the order biome sorts them (by module path). */
  function importLines(flavour, imports, fromDir) {
    const helpers = [...imports.helpers].sort();
    const named = [];
    const common = helpers.filter((name) => name === "openEnum");
    if (common.length) named.push([`${fromDir}common`, common]);
    if (helpers.includes("precompile")) named.push([`${fromDir}precompile`, ["precompile"]]);
    const numeric = helpers.filter((name) =>
      ["Int", "FiniteNumber", "objectRecord", "nullOr"].includes(name),
    );
    if (numeric.length) named.push([`${fromDir}wire-helpers`, numeric]);
    for (const [target, names] of [...imports.entries()].sort())
      named.push([target, [...names].sort()]);
    named.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return [
      flavour === "zod" ? `import * as z from "zod";` : `import * as v from "valibot";`,
      ...named.map(([from, names]) => `import { ${names.join(", ")} } from "${from}";`),
    ];
  }

  /** Entries of a file in an order where each comes after the ones it uses. */
  function ordered(list, dependencies) {
    const done = new Set();
    const out = [];
    const visit = (item, trail) => {
      if (done.has(item.variant)) return;
      if (trail.includes(item.variant))
        throw new Error(`cycle: ${[...trail, item.variant].join(" -> ")}`);
      for (const dependency of dependencies.get(item.variant) ?? []) {
        const target = list.find((candidate) => candidate.variant === dependency);
        if (target) visit(target, [...trail, item.variant]);
      }
      done.add(item.variant);
      out.push(item);
    };
    for (const item of list) visit(item, []);
    return out;
  }

  function docOf(entry, variant, versionsOfVariant) {
    if (variant === entry.name) return entry.doc;
    const base = entry.doc ? `${entry.doc} ` : "";
    return `${base}As API version ${versionsOfVariant.join(", ")} answers it.`;
  }

  function renderWireFile(flavour, file) {
    const zod = flavour === "zod";
    const imports = new Map();
    imports.helpers = new Set();
    const items = [];
    const dependencies = new Map();
    for (const [name, entry] of entries) {
      if (entry.file !== file) continue;
      for (const item of variants.get(name)) {
        imports.local = new Set();
        // Imports of another file are by path; the map keys are file names.
        const fileImports = new Map();
        fileImports.helpers = imports.helpers;
        fileImports.local = imports.local;
        const emitter = makeEmitter(flavour, file, fileImports, item.state, item.index);
        const ir = item.state.shapes.get(name);
        const code = ir["x-alias"] ? emitter.use(ir[REF]) : emitter.type(ir);
        for (const [target, names] of fileImports) {
          const set = imports.get(target) ?? imports.set(target, new Set()).get(target);
          for (const value of names) set.add(value);
        }
        items.push({ ...item, name, entry, code, alias: Boolean(ir["x-alias"]) });
        dependencies.set(item.variant, [...imports.local]);
      }
    }
    const parts = [];
    for (const item of ordered(items, dependencies)) {
      const text = docOf(item.entry, item.variant, item.versions);
      const doc = text ? `/** ${text} */\n` : "";
      const name = item.variant;
      if (zod) {
        parts.push(
          `${doc}export const ${name}Schema = ${item.code};\nexport type ${name} = z.infer<typeof ${name}Schema>;`,
        );
      } else if (item.alias) {
        parts.push(
          `${doc}export const ${name}Schema = ${item.code};\nexport type ${name} = v.InferOutput<typeof ${name}Schema>;`,
        );
      } else if (item.entry.precompile) {
        imports.helpers.add("precompile");
        parts.push(
          `const ${name}Plain = /* @__PURE__ */ (() => ${item.code})();\n${doc}export const ${name}Schema = /* @__PURE__ */ precompile(${name}Plain);\nexport type ${name} = v.InferOutput<typeof ${name}Schema>;`,
        );
      } else {
        parts.push(
          `${doc}export const ${name}Schema = /* @__PURE__ */ (() => ${item.code})();\nexport type ${name} = v.InferOutput<typeof ${name}Schema>;`,
        );
      }
    }
    const head = importLines(flavour, imports, "../");
    const comment = zod
      ? ""
      : "\n// Each schema is built in a function marked pure: a bundle keeps only the\n// ones it reaches (esbuild does not carry valibot's own marks across modules).\n";
    return `${HEADER("contract/phala-cloud-api.json")}${head.join("\n")}\n${comment}\n${parts.join("\n\n")}\n`;
  }

  const wireFileNames = [...new Set([...entries.values()].map((entry) => entry.file))].sort();

  // --- Endpoint tables ----------------------------------------------------------------

  const endpointNames = [...new Set(states.flatMap((state) => [...state.endpoints.keys()]))];
  for (const state of states) {
    for (const endpoint of endpointNames) {
      if (!state.endpoints.has(endpoint)) {
        throw new Error(
          `${endpoint} has no shape in ${state.version} (removing endpoints is not supported yet)`,
        );
      }
    }
  }

  function tableEntry(endpoint, index, imports) {
    const ir = states[index].endpoints.get(endpoint);
    if (ir[HAND]) {
      const [module, name] = ir[HAND].split(":");
      const from = `./resources/${module}`;
      addImport(imports, from, `${name}Schema`);
      return { code: `${name}Schema`, type: name, typeFrom: from };
    }
    const variant = variantAt(ir[REF], index);
    const from = `./wire/${fileOfVariant.get(variant)}`;
    addImport(imports, from, `${variant}Schema`);
    return { code: `${variant}Schema`, type: variant, typeFrom: from };
  }

  function renderEndpoints(flavour) {
    const imports = new Map();
    imports.helpers = new Set();
    const blocks = [];
    for (const endpoint of endpointNames) {
      const lines = states.map((state, index) => {
        const { code } = tableEntry(endpoint, index, imports);
        return `    ${literal(state.version)}: (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||\n    __PHALA_CLOUD_API_VERSION__ === ${literal(state.version)}\n      ? ${code}\n      : undefined)!,`;
      });
      blocks.push(
        `export const ${endpoint}ResponseSchemas = /* @__PURE__ */ (() =>\n  ({\n${lines.join("\n")}\n  }) satisfies ResponseSchemasFor<${literal(endpoint)}>)();`,
      );
    }
    const fromDir = flavour === "zod" ? "./" : "../";
    const mapFrom = `${fromDir}response-map`;
    const head = [
      ...importLines(flavour, imports, fromDir)
        .filter((line) => !line.startsWith("import * as"))
        .map((line) => [line.match(/from "([^"]+)"/)[1], line]),
      [mapFrom, `import type { ResponseSchemasFor } from "${mapFrom}";`],
    ]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, line]) => line);
    return `${HEADER("versions/ and scripts/wire-shapes.mjs")}${head.join("\n")}\n
// One table per endpoint (not one object of all of them) so that a bundle using
// one action keeps only that action's schemas.

/**
 * Set by a bundler to build for one API version (esbuild/Wrangler \`define\`:
 * \`{ __PHALA_CLOUD_API_VERSION__: '"${registry.defaultVersion}"' }\`): the other versions' schemas
 * are then dead code and left out. Unset, every version is kept. The test is
 * written out in each entry because bundlers fold a defined constant only where
 * it appears, not through a variable or a function.
 */
declare const __PHALA_CLOUD_API_VERSION__: string | undefined;
// Each table is built in a function marked pure: reading an undeclared global
// could throw, so bundlers would otherwise keep every table, used or not.

${blocks.join("\n\n")}\n`;
  }

  // --- The response map ---------------------------------------------------------------

  function renderResponseMap() {
    const typeImports = new Map();
    const interfaces = states.map((state, index) => {
      const lines = endpointNames.map((endpoint) => {
        const { type, typeFrom } = tableEntry(endpoint, index, new Map());
        (typeImports.get(typeFrom) ?? typeImports.set(typeFrom, new Set()).get(typeFrom)).add(type);
        return `  ${endpoint}: ${type};`;
      });
      return `/** What each endpoint answers in ${state.version}. */\nexport interface ResponsesV${compact(state.version)} {\n${lines.join("\n")}\n}`;
    });
    const imports = [...typeImports.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([from, names]) => `import type { ${[...names].sort().join(", ")} } from "${from}";`);
    return `${HEADER("versions/")}import type { StandardSchemaV1 } from "@standard-schema/spec";
${imports.join("\n")}

${interfaces.join("\n\n")}

/** Every endpoint of the SDK: its answer's shape may depend on the API version. */
export type VersionedEndpoint =
${endpointNames.map((endpoint) => `  | ${literal(endpoint)}`).join("\n")};

/**
 * Fails to compile when a version lacks one of the endpoints, and the error
 * names each one missing.
 */
export type EveryEndpointMapped<
  T extends { [V in keyof T]: { [E in VersionedEndpoint]: unknown } },
> = T;

/** version -> endpoint -> response type: the one place response types are looked up. */
export type ResponseMap = EveryEndpointMapped<{
${states.map((state) => `  ${literal(state.version)}: ResponsesV${compact(state.version)};`).join("\n")}
}>;

/** The versions this schemas release has shapes for. */
export type SchemaVersion = keyof ResponseMap;

/** For one endpoint, a schema per version whose output is that version's response type. */
export type ResponseSchemasFor<E extends VersionedEndpoint> = {
  readonly [V in SchemaVersion]: StandardSchemaV1<unknown, ResponseMap[V][E]>;
};
`;
  }

  // --- Version data and change notes ----------------------------------------------------

  /** Endpoints whose answer a version changed, and how. */
  function changesOf(index) {
    const change = registry.changes[index - 1];
    const before = states[index - 1];
    const after = states[index];
    const affected = (op) => {
      if (op.endpoint) return [op.endpoint];
      return endpointNames.filter((endpoint) => {
        const a = before.endpoints.get(endpoint);
        const b = after.endpoints.get(endpoint);
        if (a[HAND] || b[HAND] || !a[REF] || !b[REF]) return false;
        // Reached from the endpoint, the changed shape differs.
        const reaches = (stateIndex, name, seen = new Set()) => {
          if (seen.has(name)) return false;
          seen.add(name);
          if (canonical(states[stateIndex], name) === canonical(states[stateIndex], op.shape))
            return true;
          const ir = states[stateIndex].shapes.get(name);
          const refs = JSON.stringify(ir).match(/"x-sdk-ref":"[^"]+"/g) ?? [];
          return refs.some((ref) => reaches(stateIndex, ref.slice(13, -1), seen));
        };
        return reaches(index, b[REF]) && hashers[index - 1](a[REF]) !== hashers[index](b[REF]);
      });
    };
    return change.changes.map((op) => ({
      kind: op.kind,
      ...(op.endpoint ? { endpoint: op.endpoint } : {}),
      ...(op.shape ? { shape: op.shape, field: op.field } : {}),
      ...(op.kind === "rename-field" ? { to: op.to } : {}),
      ...(op.kind === "pin-endpoint" ? { sends: op.to } : {}),
      ...(op.schema ? { schema: op.schema } : {}),
      endpoints: affected(op),
      note: op.note,
      migration: op.migration,
    }));
  }

  const versionChanges = registry.changes.map((change, offset) => ({
    version: change.version,
    summary: change.summary,
    changes: changesOf(offset + 1),
  }));
  const pins = Object.fromEntries(
    endpointNames
      .map((endpoint) => [
        endpoint,
        Object.fromEntries(
          states.flatMap((state) => {
            const pin = state.pins.get(endpoint);
            return pin && pin.send !== state.version ? [[state.version, pin.send]] : [];
          }),
        ),
      ])
      .filter(([, table]) => Object.keys(table).length > 0),
  );

  function renderVersions() {
    return `${HEADER("versions/")}
// The API versions this SDK knows and what each changed, as data (no schema):
// the client's registry, the mock API's rendering and \`diffVersions\` read it.

/** Every API version this SDK knows, oldest first. */
export const API_VERSIONS = ${literal(versions)} as const;

export type KnownApiVersion = (typeof API_VERSIONS)[number];

/** What a client sends when none is chosen. */
export const DEFAULT_API_VERSION = ${literal(registry.defaultVersion)} as const;

/** The newest version: what \`LATEST\` resolves to. */
export const LATEST_API_VERSION = ${literal(versions.at(-1))} as const;

/** The oldest version: the one every change leads from. */
export const BASE_API_VERSION = ${literal(versions[0])} as const;

/** One change of a version against the one before it. */
export interface VersionChangeEntry {
  kind:
    | "reshape-endpoint"
    | "add-endpoint"
    | "remove-endpoint"
    | "pin-endpoint"
    | "retype-field"
    | "add-field"
    | "remove-field"
    | "rename-field";
  /** The endpoint (SDK action) changed, for an endpoint change. */
  endpoint?: string;
  /** The shape and field changed, for a field change. */
  shape?: string;
  field?: string;
  /** A renamed field's new name. */
  to?: string;
  /** A pinned endpoint: the version its action keeps sending. */
  sends?: string;
  /** A field's new type (JSON Schema). */
  schema?: unknown;
  /** The endpoints (SDK actions) whose answer the change reaches. */
  endpoints: readonly string[];
  /** What changed. */
  note: string;
  /** What a caller must edit. */
  migration: string;
}

export interface VersionChangeSet {
  version: KnownApiVersion;
  summary: string;
  changes: readonly VersionChangeEntry[];
}

/** Each version after the oldest, with its changes against the one before, oldest first. */
export const VERSION_CHANGES: readonly VersionChangeSet[] = ${literal(versionChanges)};

${Object.entries(pins)
  .map(
    ([
      endpoint,
      byVersion,
    ]) => `/** What \`${endpoint}\` sends, by client version (the others send their own). */
export const ${endpoint}VersionPins: Readonly<Record<string, string>> = ${literal(byVersion)};
`,
  )
  .join("\n")}
/**
 * Endpoints whose action sends another version than the client's, by client
 * version: a later version gave the endpoint another meaning (or added it), and
 * the official SDKs pin it the same way. Each action takes its own entry
 * (\`<endpoint>VersionPins\`), so a bundle carries only the pins of what it calls.
 */
export const ENDPOINT_VERSION_PINS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
${Object.keys(pins)
  .map((endpoint) => `  ${endpoint}: ${endpoint}VersionPins,`)
  .join("\n")}
};

/** The version an endpoint's request sends for a client (or call) of \`version\`. */
export function endpointWireVersion(endpoint: string, version: string): string {
  return ENDPOINT_VERSION_PINS[endpoint]?.[version] ?? version;
}

/**
 * Every change between two known versions, in order: upgrading \`from\` -> \`to\`
 * (\`from\` older), or, with the arguments the other way round, the same changes
 * to undo, newest first.
 */
export function diffVersions(from: KnownApiVersion, to: KnownApiVersion): VersionChangeSet[] {
  const known = API_VERSIONS as readonly string[];
  for (const version of [from, to]) {
    if (!known.includes(version)) {
      throw new TypeError(\`unknown API version \${JSON.stringify(version)} (known: \${known.join(", ")})\`);
    }
  }
  const [low, high] = from <= to ? [from, to] : [to, from];
  const sets = VERSION_CHANGES.filter((set) => set.version > low && set.version <= high);
  return from <= to ? [...sets] : [...sets].reverse();
}
`;
  }

  function renderVersionDoc(index) {
    const state = states[index];
    const lines = [`# API version ${state.version}`, ""];
    lines.push(
      "Generated from `packages/schemas/versions/` by `node packages/schemas/scripts/gen-wire.mjs`; CI fails when it is stale.",
      "",
    );
    if (index === 0) {
      lines.push(
        registry.base.summary,
        "",
        "The oldest version the SDK knows; every later version is a set of changes against the one before it:",
        "",
      );
      for (const set of versionChanges)
        lines.push(`- [${set.version}](${set.version}.md): ${set.summary}`);
      lines.push("");
      return lines.join("\n");
    }
    const set = versionChanges[index - 1];
    lines.push(
      set.summary,
      "",
      `Changes against [${states[index - 1].version}](${states[index - 1].version}.md), endpoint by endpoint:`,
      "",
    );
    const byEndpoint = new Map();
    for (const change of set.changes) {
      for (const endpoint of change.endpoints.length ? change.endpoints : ["(none)"]) {
        (byEndpoint.get(endpoint) ?? byEndpoint.set(endpoint, []).get(endpoint)).push(change);
      }
    }
    for (const [endpoint, list] of [...byEndpoint].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      lines.push(`## \`${endpoint}\``, "");
      for (const change of list) {
        const what = change.field ? ` (\`${change.shape}.${change.field}\`)` : "";
        lines.push(`- ${change.note}${what}`, `  - Migration: ${change.migration}`);
      }
      lines.push("");
    }
    if (index === states.length - 1) {
      lines.push(
        "This is the newest version the SDK knows: `LATEST` (any case) resolves to it.",
        "",
      );
    }
    return lines.join("\n");
  }

  // --- The files ----------------------------------------------------------------------

  const files = new Map();
  for (const file of wireFileNames) {
    files.set(`src/wire/${file}.ts`, renderWireFile("zod", file));
    files.set(`src/valibot/wire/${file}.ts`, renderWireFile("valibot", file));
  }
  const index = `${HEADER("scripts/wire-shapes.mjs")}${wireFileNames
    .map((file) => `export * from "./${file}";`)
    .join("\n")}\n`;
  files.set("src/wire/index.ts", index);
  files.set("src/valibot/wire/index.ts", index);
  files.set("src/endpoints.ts", renderEndpoints("zod"));
  files.set("src/valibot/endpoints.ts", renderEndpoints("valibot"));
  files.set("src/response-map.ts", renderResponseMap());
  files.set("src/versions.ts", renderVersions());
  const docs = new Map(
    states.map((state, position) => [
      `docs/versions/${state.version}.md`,
      renderVersionDoc(position),
    ]),
  );

  // The same shapes as plain JSON Schema (references by variant name), for the
  // contract tests to generate the bodies of versions the reference leaves out.
  const jsonSchemas = {};
  const toJson = (ir, index) => {
    if (Array.isArray(ir)) return ir.map((item) => toJson(item, index));
    if (!isObject(ir)) return ir;
    if (ir[REF]) {
      const { [REF]: name, "x-alias": _alias, ...rest } = ir;
      return { $ref: `#/components/schemas/${variantAt(name, index)}`, ...toJson(rest, index) };
    }
    if (ir[HAND]) return {};
    // The SDK's own results (the typed 465 result) are not bodies of a success.
    if (Array.isArray(ir.anyOf) && ir.anyOf.some((branch) => isObject(branch) && branch[HAND])) {
      const { anyOf, ...rest } = ir;
      const wire = anyOf.filter((branch) => !(isObject(branch) && branch[HAND]));
      return toJson(wire.length === 1 ? { ...rest, ...wire[0] } : { ...rest, anyOf: wire }, index);
    }
    return Object.fromEntries(
      Object.entries(ir)
        .filter(([key]) => !["x-name", "x-precompile", "x-alias"].includes(key))
        .map(([key, value]) => [key, toJson(value, index)]),
    );
  };
  for (const [name, list] of variants) {
    for (const item of list)
      jsonSchemas[item.variant] = toJson(item.state.shapes.get(name), item.index);
  }
  const endpointSchemas = Object.fromEntries(
    states.map((state, position) => [
      state.version,
      Object.fromEntries(
        endpointNames.map((endpoint) => {
          const ir = state.endpoints.get(endpoint);
          return [endpoint, ir[HAND] ? null : toJson(ir, position)];
        }),
      ),
    ]),
  );
  /** Endpoint -> the type it answers in each version, for the ones that differ by version. */
  const endpointTypes = Object.fromEntries(
    endpointNames
      .map((endpoint) => [
        endpoint,
        states.map((_, position) => tableEntry(endpoint, position, new Map()).type),
      ])
      .filter(([, types]) => new Set(types).size > 1),
  );
  return {
    files,
    docs,
    versions,
    endpointTypes,
    endpoints: endpointNames,
    versionChanges,
    pins,
    jsonSchemas,
    endpointSchemas,
  };
}
