// The conformance suite: one file, run unchanged in Node, in workerd and in Deno,
// against any SDK entry (`@phala/cloud`, `@phala/cloud-node`, `@phala/cloud-edge`,
// `@phala/cloud-deno`) talking to the mock API on 127.0.0.1.
//
// Plain ESM with no Node or Deno API and no test framework: each check is an
// async function that throws on failure; `runConformance` runs them all, one
// after the other, each with its own clients, and never throws.

/**
 * @typedef {{ name: string, ok: boolean, ms: number, error?: string }} CheckResult
 * @typedef {{ runtime: string, detectedRuntime: string, runtimeVersion: string, sdk: string,
 *   baseURL: string, ms: number, results: CheckResult[] }} ConformanceReport
 * @typedef {{ baseURL: string, apiKey?: string, runtime: string, sdkName?: string }} ConformanceOptions
 * @typedef {(input: string, init?: any) => Promise<Response>} FetchFn
 * @typedef {{ sdk: any, baseURL: string, apiKey: string, runtime: string, sdkName: string,
 *   tag: string, inner: FetchFn }} Ctx
 */

const OLD = "2025-10-28";
const NEW = "2026-01-21";
const LATEST = "2026-06-23";
// Every version the SDK knows: the shapes are flat in 2025-10-28, nested after.
const VERSIONS = [OLD, NEW, "2026-05-22", LATEST];
/** The CVM of the guide's examples (SEED.exampleCvm in apps/mock-api/src/seed.ts). */
const EXAMPLE_CVM = "cvm-abc123";
/**
 * The API's bounds (interval 5-30 s, timeout 10-600 s); the mock of these tests
 * runs a second of its state stream in a few ms (`streamSecondMs`).
 */
const WATCH = { interval: 5, timeout: 600 };

// ---------------------------------------------------------------- assertions

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** @param {unknown} value */
function show(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} what
 */
function equal(actual, expected, what) {
  if (show(actual) !== show(expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/**
 * @param {any} object
 * @param {string} key
 * @param {string} what
 */
function has(object, key, what) {
  assert(
    object !== null && typeof object === "object" && key in object,
    `${what}: expected a "${key}" field, got keys ${show(object && Object.keys(object).slice(0, 8))}...`,
  );
}

/**
 * @param {any} object
 * @param {string} key
 * @param {string} what
 */
function lacks(object, key, what) {
  assert(
    object !== null && typeof object === "object" && !(key in object),
    `${what}: expected no "${key}" field (that is the other version's shape)`,
  );
}

/**
 * Awaits `promise` and returns what it rejected with; fails if it resolved.
 * @param {() => Promise<unknown>} run
 * @param {string} what
 * @returns {Promise<any>}
 */
async function rejection(run, what) {
  let value;
  try {
    value = await run();
  } catch (error) {
    return error;
  }
  throw new Error(`${what}: expected an error, got ${show(value)}`);
}

/**
 * @param {unknown} error
 * @param {any} Class
 * @param {string} what
 */
function isA(error, Class, what) {
  assert(typeof Class === "function", `${what}: the SDK exports no such error class`);
  if (error === undefined) throw new Error(`${what}: expected a ${Class.name}, nothing was thrown`);
  if (!(error instanceof Class)) {
    const e = /** @type {any} */ (error);
    throw new Error(
      `${what}: expected a ${Class.name}, got ${e?.name ?? typeof error}: ${e?.message ?? show(error)}`,
    );
  }
}

// ---------------------------------------------------------------- helpers

/** Which runtime this code really runs in, from globals only (no API call). */
function detectRuntime() {
  const g = /** @type {any} */ (globalThis);
  if (g.Deno?.version?.deno) return { name: "deno", version: String(g.Deno.version.deno) };
  if (g.navigator?.userAgent === "Cloudflare-Workers") return { name: "workerd", version: "" };
  if (g.process?.versions?.node) return { name: "node", version: String(g.process.versions.node) };
  return { name: "unknown", version: String(g.navigator?.userAgent ?? "") };
}

/**
 * The fetch the SDK entry itself would use, to wrap: the Node adapter's undici
 * pool or the Deno adapter's client when the entry exports one, else the
 * runtime's global fetch.
 * @param {any} sdk
 * @returns {{ fetch: FetchFn, close: () => Promise<void> }}
 */
function adapterFetch(sdk) {
  if (typeof sdk.createNodeFetch === "function") {
    const nodeFetch = sdk.createNodeFetch();
    return { fetch: nodeFetch, close: async () => nodeFetch.close?.() };
  }
  if (typeof sdk.createDenoFetch === "function") {
    const denoFetch = sdk.createDenoFetch();
    return { fetch: denoFetch, close: async () => denoFetch.close?.() };
  }
  return { fetch: (input, init) => globalThis.fetch(input, init), close: async () => {} };
}

/**
 * A fetch that records the version header and URL of every request.
 * @param {Ctx} ctx
 */
function recorder(ctx) {
  /** @type {{ url: string, version: string | null, apiKey: string | null }[]} */
  const sent = [];
  /** @type {FetchFn} */
  const fetch = (input, init = {}) => {
    const headers = new Headers(init.headers);
    sent.push({
      url: String(input),
      version: headers.get("x-phala-version"),
      apiKey: headers.get("x-api-key"),
    });
    return ctx.inner(input, init);
  };
  return { fetch, sent, versions: () => sent.map((r) => r.version) };
}

/**
 * A unique CVM name for this run (the mock takes /^[a-zA-Z][a-zA-Z0-9-]{3,61}[a-zA-Z0-9]$/).
 * @param {Ctx} ctx
 * @param {string} label
 */
function cvmName(ctx, label) {
  const random = Math.random().toString(36).slice(2, 8);
  return `conf-${ctx.tag}-${label}-${random}`.replace(/[^a-zA-Z0-9-]/g, "-").slice(0, 60);
}

/** @param {string} image */
const compose = (image) =>
  `services:\n  web:\n    image: ${image}\n    ports:\n      - "8080:80"\n`;

/**
 * Two-phase create with an encrypted env var, then watch it to running.
 * @param {Ctx} ctx
 * @param {any} client
 * @param {string} name
 */
async function createRunningCvm(ctx, client, name) {
  const provision = await client.provisionCvm({
    name,
    instance_type: "tdx.small",
    compose_file: {
      docker_compose_file: compose("nginx:1.27-alpine"),
      allowed_envs: ["API_TOKEN"],
    },
    env_keys: ["API_TOKEN"],
  });
  assert(/^[0-9a-f]{40}$/.test(provision.app_id), `provisionCvm app_id: ${show(provision.app_id)}`);
  assert(
    typeof provision.app_env_encrypt_pubkey === "string",
    "provisionCvm returns app_env_encrypt_pubkey",
  );
  assert(typeof provision.compose_hash === "string", "provisionCvm returns compose_hash");
  const encrypted_env = await ctx.sdk.encryptEnvVars(
    [{ key: "API_TOKEN", value: "s3cr3t" }],
    provision.app_env_encrypt_pubkey,
  );
  assert(
    typeof encrypted_env === "string" && /^[0-9a-f]+$/i.test(encrypted_env),
    `encryptEnvVars returns hex, got ${show(encrypted_env).slice(0, 40)}`,
  );
  const vm = await client.commitCvmProvision({
    app_id: provision.app_id,
    compose_hash: provision.compose_hash,
    encrypted_env,
    env_keys: ["API_TOKEN"],
  });
  equal(vm.status, "starting", "commitCvmProvision status");
  /** @type {string[]} */
  const events = [];
  const running = await client.watchCvmState(
    { name, target: "running", ...WATCH },
    { onEvent: (/** @type {any} */ event) => events.push(event.type) },
  );
  equal(running.status, "running", "watchCvmState(running) final status");
  equal(events.at(-1), "complete", "last watch event");
  return provision;
}

// ---------------------------------------------------------------- checks

/** @type {[string, (ctx: Ctx) => Promise<void>][]} */
const CHECKS = [];

/**
 * @param {string} name
 * @param {(ctx: Ctx) => Promise<void>} run
 */
function check(name, run) {
  CHECKS.push([name, run]);
}

check("runtime: the suite runs in the runtime it reports", async (ctx) => {
  equal(detectRuntime().name, ctx.runtime, "detected runtime");
});

check("exports: createClient, createBaseClient, actions, error classes", async ({ sdk }) => {
  const functions = [
    "createClient",
    "createBaseClient",
    "getCurrentUser",
    "getCvmList",
    "getCvmInfo",
    "getAppList",
    "getAppInfo",
    "getAppCvms",
    "safeGetCvmInfo",
    "provisionCvm",
    "commitCvmProvision",
    "watchCvmState",
    "stopCvm",
    "deleteCvm",
    "paginate",
    "encryptEnvVars",
  ];
  const missing = functions.filter((name) => typeof sdk[name] !== "function");
  equal(missing, [], "missing functions");
  for (const name of [
    "PhalaCloudError",
    "APIError",
    "NotFoundError",
    "AuthenticationError",
    "ResponseValidationError",
    "UnsupportedApiVersionError",
  ]) {
    assert(typeof sdk[name] === "function", `missing error class ${name}`);
  }
  assert(sdk.NotFoundError.prototype instanceof sdk.APIError, "NotFoundError extends APIError");
  assert(sdk.APIError.prototype instanceof sdk.PhalaCloudError, "APIError extends PhalaCloudError");
});

check(`guide: createClient() defaults to ${NEW}; getCurrentUser is nested`, async (ctx) => {
  const rec = recorder(ctx);
  const client = ctx.sdk.createClient({
    apiKey: ctx.apiKey,
    baseURL: ctx.baseURL,
    fetch: rec.fetch,
  });
  equal(client.version, NEW, "client.version");
  const user = await client.getCurrentUser();
  equal(
    Object.keys(user).sort(),
    ["credits", "features", "user", "workspace"],
    "2026-01-21 user keys",
  );
  assert(typeof user.user.email === "string", "user.user.email is a string");
  equal(rec.versions(), [NEW], "x-phala-version sent");
  equal(rec.sent[0]?.url, `${ctx.baseURL}/auth/me`, "URL");
  equal(rec.sent[0]?.apiKey, ctx.apiKey, "x-api-key sent");
});

check(`guide: withVersion("${OLD}") reads the flat user, same account`, async (ctx) => {
  const rec = recorder(ctx);
  const client = ctx.sdk.createClient({
    apiKey: ctx.apiKey,
    baseURL: ctx.baseURL,
    fetch: rec.fetch,
  });
  const legacyClient = client.withVersion(OLD);
  equal(legacyClient.version, OLD, "legacyClient.version");
  equal(client.version, NEW, "withVersion leaves the original client alone");
  const user = await client.getCurrentUser();
  const legacyUser = await legacyClient.getCurrentUser();
  equal(rec.versions(), [NEW, OLD], "x-phala-version sent by each client");
  assert(typeof legacyUser.team_name === "string", "legacy user has team_name");
  lacks(legacyUser, "user", "legacy user");
  equal(legacyUser.username, user.user.username, "same username in both renderings");
  equal(legacyUser.team_name, user.workspace.name, "team_name is the workspace name");
  assert(
    Math.abs(legacyUser.credits - Number(user.credits.balance)) < 0.01,
    `credits ${legacyUser.credits} vs balance ${user.credits.balance}`,
  );
});

for (const version of VERSIONS) {
  const field = version === OLD ? "vcpu" : "resource";
  check(
    `guide: createBaseClient({ version: "${version}" }) + getCvmInfo(client, { id: "${EXAMPLE_CVM}" }) has ${field}`,
    async (ctx) => {
      const rec = recorder(ctx);
      const client = ctx.sdk.createBaseClient({
        apiKey: ctx.apiKey,
        baseURL: ctx.baseURL,
        version,
        fetch: rec.fetch,
      });
      const cvm = await ctx.sdk.getCvmInfo(client, { id: EXAMPLE_CVM });
      equal(cvm.name, EXAMPLE_CVM, "cvm.name");
      if (version !== OLD) {
        assert(typeof cvm.resource?.vcpu === "number", "cvm.resource.vcpu is a number");
        lacks(cvm, "vcpu", "2026-01-21 CVM");
      } else {
        assert(typeof cvm.vcpu === "number", "cvm.vcpu is a number");
        lacks(cvm, "resource", "2025-10-28 CVM");
      }
      equal(rec.versions(), [version], "x-phala-version sent");
      equal(rec.sent[0]?.url, `${ctx.baseURL}/cvms/${EXAMPLE_CVM}`, "URL");
    },
  );
}

/**
 * The distinguishing field of a CVM in each version.
 * @param {any} cvm
 * @param {string} version
 * @param {string} what
 */
function cvmShape(cvm, version, what) {
  if (version !== OLD) {
    has(cvm, "resource", what);
    lacks(cvm, "vcpu", what);
  } else {
    has(cvm, "vcpu", what);
    lacks(cvm, "resource", what);
  }
}

/** Each version-aware endpoint: call it and check the version's shape. */
/** @type {Record<string, (client: any, version: string, ctx: Ctx) => Promise<void>>} */
const ENDPOINTS = {
  getCurrentUser: async (client, version) => {
    const user = await client.getCurrentUser();
    if (version !== OLD) {
      has(user, "workspace", "user");
      lacks(user, "team_name", "user");
    } else {
      has(user, "team_name", "user");
      lacks(user, "workspace", "user");
    }
  },
  getCvmList: async (client, version) => {
    const page = await client.getCvmList({ page: 1, page_size: 5 });
    assert(page.items.length > 0, "getCvmList returned no items");
    equal(page.page_size, 5, "page_size");
    for (const cvm of page.items) cvmShape(cvm, version, `list item ${cvm.name}`);
  },
  getCvmInfo: async (client, version) => {
    cvmShape(await client.getCvmInfo({ id: EXAMPLE_CVM }), version, EXAMPLE_CVM);
  },
  getAppList: async (client, version) => {
    const apps = await client.getAppList({ page_size: 50 });
    assert(apps.dstack_apps.length > 0, "getAppList returned no apps");
    const withCvm = apps.dstack_apps.find((/** @type {any} */ app) => app.current_cvm);
    assert(withCvm, "an app with a current_cvm");
    cvmShape(withCvm.current_cvm, version, `app ${withCvm.name} current_cvm`);
  },
  getAppInfo: async (client, version) => {
    const { dstack_apps } = await client.getAppList({ page_size: 50 });
    const appId = dstack_apps.find((/** @type {any} */ app) => app.current_cvm).app_id;
    const app = await client.getAppInfo({ appId });
    equal(app.app_id, appId, "app_id");
    cvmShape(app.current_cvm, version, "app.current_cvm");
  },
  getAppCvms: async (client, version) => {
    const { dstack_apps } = await client.getAppList({ page_size: 50 });
    const appId = dstack_apps.find((/** @type {any} */ app) => app.current_cvm).app_id;
    const cvms = await client.getAppCvms({ appId });
    assert(Array.isArray(cvms) && cvms.length > 0, "getAppCvms returned no CVMs");
    for (const cvm of cvms) cvmShape(cvm, version, `app CVM ${cvm.name}`);
    if (version === OLD) has(cvms[0], "hosted", "2025-10-28 app CVM");
  },
};

for (const [endpoint, run] of Object.entries(ENDPOINTS)) {
  for (const version of VERSIONS) {
    check(
      `endpoint ${endpoint} @ ${version}: the version's shape, header = version`,
      async (ctx) => {
        const rec = recorder(ctx);
        const client = ctx.sdk.createClient({
          apiKey: ctx.apiKey,
          baseURL: ctx.baseURL,
          version,
          fetch: rec.fetch,
        });
        await run(client, version, ctx);
        assert(rec.sent.length > 0, "no request was sent");
        equal([...new Set(rec.versions())], [version], "x-phala-version of every request");
      },
    );
  }
}

check(`version: a per-call { version: "${OLD}" } overrides a ${NEW} client`, async (ctx) => {
  const rec = recorder(ctx);
  const client = ctx.sdk.createBaseClient({
    apiKey: ctx.apiKey,
    baseURL: ctx.baseURL,
    fetch: rec.fetch,
  });
  const legacy = await ctx.sdk.getCvmInfo(client, { id: EXAMPLE_CVM }, { version: OLD });
  const current = await ctx.sdk.getCvmInfo(client, { id: EXAMPLE_CVM });
  cvmShape(legacy, OLD, "per-call 2025-10-28 CVM");
  cvmShape(current, NEW, "default 2026-01-21 CVM");
  equal(rec.versions(), [OLD, NEW], "x-phala-version sent");
  equal(legacy.vcpu, current.resource.vcpu, "same CVM in both renderings");
});

check(`version: "LATEST" sends the newest version, ${LATEST}, and reads it`, async (ctx) => {
  const rec = recorder(ctx);
  const client = ctx.sdk.createClient({
    apiKey: ctx.apiKey,
    baseURL: ctx.baseURL,
    version: "LATEST",
    fetch: rec.fetch,
  });
  equal(client.version, LATEST, "client.version");
  const user = await client.getCurrentUser();
  const cvm = await client.getCvmInfo({ id: EXAMPLE_CVM });
  equal(rec.versions(), [LATEST, LATEST], "x-phala-version sent");
  has(user, "workspace", "LATEST user");
  has(user.credits, "is_post_paid", "LATEST user.credits");
  cvmShape(cvm, NEW, "LATEST CVM");
});

check(
  "2026-05-22: a CVM id in an answer is a cvm_ hashid (2026-01-21: the placeholder 0)",
  async (ctx) => {
    const rec = recorder(ctx);
    const client = ctx.sdk.createClient({
      apiKey: ctx.apiKey,
      baseURL: ctx.baseURL,
      fetch: rec.fetch,
    });
    const hashid = await client.refreshCvmInstanceId(
      { id: EXAMPLE_CVM, dry_run: true },
      { version: "2026-05-22" },
    );
    const placeholder = await client.refreshCvmInstanceId({ id: EXAMPLE_CVM, dry_run: true });
    assert(
      /^cvm_/.test(String(hashid.cvm_id)),
      `2026-05-22 cvm_id ${show(hashid.cvm_id)} is a hashid`,
    );
    equal(placeholder.cvm_id, 0, "2026-01-21 cvm_id");
    equal(rec.versions(), ["2026-05-22", NEW], "x-phala-version sent");
  },
);

check(`${LATEST}: KMS contracts; the node list keeps sending 2026-05-22`, async (ctx) => {
  const rec = recorder(ctx);
  const client = ctx.sdk.createClient({
    apiKey: ctx.apiKey,
    baseURL: ctx.baseURL,
    version: LATEST,
    fetch: rec.fetch,
  });
  const contracts = await client.listKmsContracts();
  const nodes = await client.getKmsList();
  assert(contracts.items.length > 0, "some KMS contract");
  assert(
    contracts.items.some((/** @type {any} */ item) => item.contract_address === "phala"),
    "the Phala KMS contract's address is phala",
  );
  assert(
    nodes.items.every((/** @type {any} */ item) => typeof item.url === "string"),
    "KMS nodes have a url",
  );
  equal(rec.versions(), [LATEST, "2026-05-22"], "x-phala-version sent");
});

check("errors: an unknown CVM is a NotFoundError (404, ERR- code)", async (ctx) => {
  const client = ctx.sdk.createClient({ apiKey: ctx.apiKey, baseURL: ctx.baseURL });
  const error = await rejection(() => client.getCvmInfo({ id: "no-such-cvm" }), "getCvmInfo");
  isA(error, ctx.sdk.NotFoundError, "unknown CVM");
  isA(error, ctx.sdk.APIError, "unknown CVM");
  equal(error.status, 404, "status");
  assert(/^ERR-/.test(error.errorCode), `errorCode ${show(error.errorCode)} matches /^ERR-/`);
  equal(error.apiVersion, NEW, "apiVersion");
  equal(error.path, "/cvms/no-such-cvm", "path");
});

check("errors: no API key is an AuthenticationError (401)", async (ctx) => {
  const rec = recorder(ctx);
  // apiKey "" also keeps a PHALA_CLOUD_API_KEY of the environment out.
  const client = ctx.sdk.createClient({ apiKey: "", baseURL: ctx.baseURL, fetch: rec.fetch });
  const error = await rejection(() => client.getCurrentUser(), "getCurrentUser");
  isA(error, ctx.sdk.AuthenticationError, "no key");
  equal(error.status, 401, "status");
  assert(
    /Invalid or missing API key/.test(error.message),
    `message ${show(error.message)} carries the API's detail`,
  );
  equal(rec.sent[0]?.apiKey, null, "no x-api-key header sent");
});

check(
  "errors: an unknown version is an UnsupportedApiVersionError before any request",
  async (ctx) => {
    const rec = recorder(ctx);
    let thrown;
    try {
      ctx.sdk.createClient({
        apiKey: ctx.apiKey,
        baseURL: ctx.baseURL,
        version: "2099-01-01",
        fetch: rec.fetch,
      });
    } catch (error) {
      thrown = error;
    }
    isA(thrown, ctx.sdk.UnsupportedApiVersionError, "createClient({ version: 2099-01-01 })");
    const client = ctx.sdk.createBaseClient({
      apiKey: ctx.apiKey,
      baseURL: ctx.baseURL,
      fetch: rec.fetch,
    });
    const error = await rejection(
      () => ctx.sdk.getCvmInfo(client, { id: EXAMPLE_CVM }, { version: "v1" }),
      "per-call version v1",
    );
    isA(error, ctx.sdk.UnsupportedApiVersionError, "per-call version v1");
    assert(
      /Supported versions: 2025-10-28, 2026-01-21/.test(error.message),
      `message lists the versions: ${error.message}`,
    );
    equal(rec.sent.length, 0, "requests sent");
  },
);

check("safe: safeGetCvmInfo returns { success: true, data }", async (ctx) => {
  const client = ctx.sdk.createBaseClient({ apiKey: ctx.apiKey, baseURL: ctx.baseURL });
  const result = await ctx.sdk.safeGetCvmInfo(client, { id: EXAMPLE_CVM });
  equal(result.success, true, "success");
  equal(result.data?.name, EXAMPLE_CVM, "data.name");
  cvmShape(result.data, NEW, "data");
  const method = await ctx.sdk
    .createClient({ apiKey: ctx.apiKey, baseURL: ctx.baseURL, version: OLD })
    .safeGetCvmInfo({ id: EXAMPLE_CVM });
  equal(method.success, true, "client.safeGetCvmInfo success");
  cvmShape(method.data, OLD, "client.safeGetCvmInfo data");
});

check("safe: safeGetCvmInfo returns { success: false, error } instead of throwing", async (ctx) => {
  const client = ctx.sdk.createBaseClient({ apiKey: ctx.apiKey, baseURL: ctx.baseURL });
  const result = await ctx.sdk.safeGetCvmInfo(client, { id: "no-such-cvm" });
  equal(result.success, false, "success");
  isA(result.error, ctx.sdk.NotFoundError, "result.error");
  equal(result.error.status, 404, "result.error.status");
});

check(
  "validation: a body of the wrong version's shape is a ResponseValidationError",
  async (ctx) => {
    // A server that ignores the client's version and answers in 2025-10-28.
    /** @type {FetchFn} */
    const stale = (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("x-phala-version", OLD);
      return ctx.inner(input, { ...init, headers });
    };
    const client = ctx.sdk.createClient({ apiKey: ctx.apiKey, baseURL: ctx.baseURL, fetch: stale });
    const error = await rejection(() => client.getCvmInfo({ id: EXAMPLE_CVM }), "getCvmInfo");
    isA(error, ctx.sdk.ResponseValidationError, "stale body");
    equal(error.endpoint, "getCvmInfo", "endpoint");
    equal(error.apiVersion, NEW, "apiVersion");
    assert(Array.isArray(error.issues) && error.issues.length > 0, "issues listed");
    const safe = await client.safeGetCurrentUser();
    equal(safe.success, false, "safeGetCurrentUser success");
    isA(safe.error, ctx.sdk.ResponseValidationError, "safeGetCurrentUser error");
  },
);

check(
  "workflow: provisionCvm + encryptEnvVars + commitCvmProvision + watchCvmState(running)",
  async (ctx) => {
    const client = ctx.sdk.createClient({ apiKey: ctx.apiKey, baseURL: ctx.baseURL });
    const name = cvmName(ctx, "create");
    const provision = await createRunningCvm(ctx, client, name);
    const cvm = await client.getCvmInfo({ name });
    equal(cvm.status, "running", "getCvmInfo status");
    equal(cvm.app_id, provision.app_id, "app_id");
    await client.deleteCvm({ name });
  },
);

check("workflow: stopCvm + watchCvmState(stopped) + deleteCvm, then NotFoundError", async (ctx) => {
  const client = ctx.sdk.createClient({ apiKey: ctx.apiKey, baseURL: ctx.baseURL });
  const name = cvmName(ctx, "stop");
  await createRunningCvm(ctx, client, name);
  const before = (await client.getCvmList({ page_size: 100 })).total;
  await client.stopCvm({ name });
  const stopped = await client.watchCvmState({ name, target: "stopped", ...WATCH });
  equal(stopped.status, "stopped", "watchCvmState(stopped) final status");
  const again = await client.safeStopCvm({ name });
  equal(again.success, false, "stopping a stopped CVM fails");
  equal(again.error?.status, 409, "second stop status");
  equal(await client.deleteCvm({ name }), undefined, "deleteCvm result");
  const gone = await rejection(() => client.getCvmInfo({ name }), "getCvmInfo after delete");
  isA(gone, ctx.sdk.NotFoundError, "after delete");
  equal((await client.getCvmList({ page_size: 100 })).total, before - 1, "total after delete");
});

for (const version of VERSIONS) {
  check(`paginate: getCvmList @ ${version} yields every CVM once`, async (ctx) => {
    const rec = recorder(ctx);
    const client = ctx.sdk.createBaseClient({
      apiKey: ctx.apiKey,
      baseURL: ctx.baseURL,
      version,
      fetch: rec.fetch,
    });
    const { total } = await ctx.sdk.getCvmList(client, { page_size: 100 });
    /** @type {string[]} */
    const names = [];
    for await (const cvm of ctx.sdk.paginate(ctx.sdk.getCvmList, client, { page_size: 3 })) {
      cvmShape(cvm, version, `paged CVM ${cvm.name}`);
      names.push(cvm.name);
    }
    equal(names.length, total, "CVMs paged");
    equal(new Set(names).size, total, "distinct CVMs");
    const pages = rec.sent.length - 1;
    const needed = Math.ceil(total / 3);
    assert(pages >= needed && pages <= needed + 1, `pages fetched: ${pages} for ${total} CVMs`);
    equal([...new Set(rec.versions())], [version], "x-phala-version of every page");
    const first = await ctx.sdk.paginate(ctx.sdk.getCvmList, client, { page_size: 3 }).toArray({
      limit: 4,
    });
    equal(first.length, Math.min(4, total), "toArray({ limit: 4 })");
  });
}

/** The names of every check, in the order they run. */
export const CHECK_NAMES = CHECKS.map(([name]) => name);

/**
 * Guesses the entry's package name from what it exports.
 * @param {any} sdk
 */
function guessSdkName(sdk) {
  if (typeof sdk.createNodeFetch === "function") return "@phala/cloud-node";
  if (typeof sdk.createDenoFetch === "function") return "@phala/cloud-deno";
  return "@phala/cloud";
}

/**
 * Runs every check against one SDK entry. Never throws: a failure is a result.
 * @param {any} sdk the imported module namespace of an SDK entry
 * @param {ConformanceOptions} options
 * @returns {Promise<ConformanceReport>}
 */
export async function runConformance(sdk, options) {
  const started = Date.now();
  const { baseURL, apiKey = "your-api-key", runtime } = options;
  const sdkName = options.sdkName ?? guessSdkName(sdk);
  const detected = detectRuntime();
  /** @type {CheckResult[]} */
  const results = [];
  let adapter;
  try {
    adapter = adapterFetch(sdk);
  } catch (error) {
    const message = `adapter fetch: ${describe(error)}`;
    return report(CHECK_NAMES.map((name) => ({ name, ok: false, ms: 0, error: message })));
  }
  /** @type {Ctx} */
  const ctx = {
    sdk,
    baseURL,
    apiKey,
    runtime,
    sdkName,
    tag: `${runtime}-${sdkName.replace(/^@phala\//, "")}`,
    inner: adapter.fetch,
  };
  for (const [name, run] of CHECKS) {
    const t0 = Date.now();
    try {
      await run(ctx);
      results.push({ name, ok: true, ms: Date.now() - t0 });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - t0, error: describe(error) });
    }
  }
  try {
    await adapter.close();
  } catch {
    // closing an idle pool cannot fail a check
  }
  return report(results);

  /** @param {CheckResult[]} list */
  function report(list) {
    return {
      runtime,
      detectedRuntime: detected.name,
      runtimeVersion: detected.version,
      sdk: sdkName,
      baseURL,
      ms: Date.now() - started,
      results: list,
    };
  }
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return show(error);
}

/**
 * A fixed-width table of one or more reports, for logs.
 * @param {ConformanceReport[]} reports
 */
export function formatReports(reports) {
  const lines = [];
  for (const r of reports) {
    const passed = r.results.filter((x) => x.ok).length;
    lines.push(
      `${r.runtime}${r.runtimeVersion ? ` ${r.runtimeVersion}` : ""} | ${r.sdk} | ${passed}/${r.results.length} passed | ${r.ms} ms`,
    );
    for (const x of r.results) {
      lines.push(
        `  ${x.ok ? "ok  " : "FAIL"} ${String(x.ms).padStart(5)} ms  ${x.name}${x.error ? `\n         ${x.error}` : ""}`,
      );
    }
  }
  return lines.join("\n");
}
