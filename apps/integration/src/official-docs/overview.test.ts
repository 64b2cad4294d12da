// The official reference's overview page (`cloud-js-sdk/overview.mdx`): client
// creation and its options, tree-shaking with createBaseClient and extend, the
// method list, safe methods, custom schemas, events, logging, environment
// variables and the webhook subpath, each against the mock API.
import { createHmac } from "node:crypto";
import * as sdk from "@phala/cloud";
import {
  createBaseClient,
  createClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  decryptEnvVars,
  encryptEnvVars,
  getCurrentUser,
  getCvmList,
  NotFoundError,
  type PhalaCloudError,
  parseEnvVars,
  type RequestEvent,
  type SafeError,
  type SafeResult,
} from "@phala/cloud";
import {
  parseWebhookEvent,
  verifyWebhookSignature,
  WebhookVerificationError,
} from "@phala/cloud/webhook";
import { provisionPrivateKeyFor } from "@phala/cloud-mock-api";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
const CVM = SEED.exampleCvm;

describe("Quick Start", () => {
  it("a client with an API key reads the user and the CVM list", async () => {
    const client = createClient({ apiKey: SEED.apiKeys.member, baseURL: mock.url });
    const me = await client.getCurrentUser();
    expect(me.user.username).toBe(SEED.users.bob.username);
    const cvms = await client.getCvmList();
    expect(Array.isArray(cvms.items)).toBe(true);
    expect(cvms.items.map((cvm) => cvm.name)).toContain(CVM.name);
    expect(mock.sent.map((r) => r.headers.get("x-api-key"))).toEqual([
      SEED.apiKeys.member,
      SEED.apiKeys.member,
    ]);
  });
});

describe("Client Creation > createClient(config?)", () => {
  it("without a config: the key from PHALA_CLOUD_API_KEY, the base URL from PHALA_CLOUD_API_PREFIX", async () => {
    const client = createClient();
    expect(client.baseURL).toBe(mock.url);
    const me = await client.getCurrentUser();
    expect(me.user.username).toBe(SEED.users.alice.username);
    expect(mock.sent[0]?.headers.get("x-api-key")).toBe(SEED.apiKeys.demo);
  });

  it("documented defaults: base URL https://cloud-api.phala.com/api/v1, version 2026-01-21, timeout 30000", () => {
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
    const client = createClient({ apiKey: "phak_unused" });
    expect(client.baseURL).toBe("https://cloud-api.phala.com/api/v1");
    expect(DEFAULT_BASE_URL).toBe(client.baseURL);
    expect(client.version).toBe("2026-01-21");
    expect(client.timeout).toBe(30_000);
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
  });

  it("explicit apiKey, baseURL, version, timeout and headers", async () => {
    const client = createClient({
      apiKey: SEED.apiKeys.member,
      baseURL: mock.url,
      version: "2025-10-28",
      timeout: 12_345,
      headers: { "X-Docs-Trace": "overview-1" },
    });
    expect(client.version).toBe("2025-10-28");
    expect(client.timeout).toBe(12_345);
    expect(client.baseURL).toBe(mock.url);
    const legacyUser = await client.getCurrentUser();
    expect(legacyUser.username).toBe(SEED.users.bob.username);
    const [request] = mock.sent;
    expect(request?.headers.get("x-api-key")).toBe(SEED.apiKeys.member);
    expect(request?.headers.get("x-phala-version")).toBe("2025-10-28");
    expect(request?.headers.get("x-docs-trace")).toBe("overview-1");
  });

  it("the timeout option bounds a request", async () => {
    mock.api.setFaults([{ path: "/auth/me", steps: [{ delayMs: 2_000 }] }]);
    const client = createClient({ timeout: 150, maxRetries: 0 });
    const error = await rejectionOf(client.getCurrentUser());
    expect(error).toBeInstanceOf(sdk.APIConnectionTimeoutError);
    expect((error as sdk.APIConnectionTimeoutError).timeout).toBe(150);
    // No HTTP answer: the docs' UnknownError, and a RequestError (network).
    expect(categoriesOf(error)).toEqual(["RequestError", "UnknownError"]);
  });

  // Documented `onResponseError`: this SDK has none; `hooks.onResponse` and
  // `hooks.onError` observe the same answers.
  it("onResponseError (differs): hooks.onResponse sees the error answer, hooks.onError the failure", async () => {
    const responses: RequestEvent[] = [];
    const errors: RequestEvent[] = [];
    const client = createClient({
      hooks: { onResponse: (e) => void responses.push(e), onError: (e) => void errors.push(e) },
    });
    await rejectionOf(client.getCvmInfo({ id: "no-such-cvm-here" }));
    expect(responses.map((e) => e.status)).toEqual([404]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.endpoint).toBe("getCvmInfo");
    expect(errors[0]?.error).toBeInstanceOf(NotFoundError);
    // Hooks never see the key.
    expect(errors[0]?.headers["x-api-key"]).not.toBe(SEED.apiKeys.demo);
  });
});

describe("Client Creation > Tree-Shaking with createBaseClient", () => {
  it("standalone getCurrentUser(client) and getCvmList(client)", async () => {
    const client = createBaseClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });
    expect("getCurrentUser" in client).toBe(false);
    const me = await getCurrentUser(client);
    const cvms = await getCvmList(client);
    expect(me.workspace.slug).toBe(SEED.workspaces.main.slug);
    expect(cvms.total).toBe(SEED.mainWorkspaceCvms.length);
    expect(mock.sent.map(pathOf)).toEqual(["/auth/me", "/cvms/paginated"]);
  });
});

describe("Client Creation > Extending the Base Client", () => {
  it("extend({ getCurrentUser, getCvmList }) binds only those actions", async () => {
    const client = createBaseClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url }).extend({
      getCurrentUser,
      getCvmList,
    });
    const me = await client.getCurrentUser();
    expect(me.user.email).toBe(SEED.users.alice.email);
    const page = await client.getCvmList({ page_size: 3 });
    expect(page.items).toHaveLength(3);
    expect("getCvmInfo" in client).toBe(false);
    expect("safeGetCurrentUser" in client).toBe(false);
  });

  it("a custom action through extend(fn)", async () => {
    const client = createBaseClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url }).extend(
      (base) => ({
        usernameOf: async () => (await getCurrentUser(base)).user.username,
      }),
    );
    await expect(client.usernameOf()).resolves.toBe(SEED.users.alice.username);
  });
});

// The page's method tables, by section. Its on-chain table (deployAppAuth,
// addComposeHash, addDevice, ...) is left to the add-compose-hash and
// deploy-app-auth pages' tests.
const DOCUMENTED_METHODS = {
  "Authentication & User": ["getCurrentUser"],
  "CVM Query": [
    "getCvmList",
    "getCvmInfo",
    "getCvmStats",
    "getCvmNetwork",
    "getCvmState",
    "getCvmDockerCompose",
    "getCvmComposeFile",
    "getCvmContainersStats",
    "getCvmAttestation",
    "getCvmPreLaunchScript",
    "getCvmStatusBatch",
    "getCvmUserConfig",
    "checkCvmIsAllowed",
  ],
  "CVM Lifecycle": [
    "provisionCvm",
    "commitCvmProvision",
    "startCvm",
    "stopCvm",
    "shutdownCvm",
    "restartCvm",
    "deleteCvm",
    "replicateCvm",
    "watchCvmState",
  ],
  "CVM Configuration": [
    "updateCvmEnvs",
    "updateDockerCompose",
    "updatePreLaunchScript",
    "updateCvmResources",
    "updateCvmVisibility",
    "updateOsImage",
    "getAvailableOsImages",
    "provisionCvmComposeFileUpdate",
    "commitCvmComposeFileUpdate",
    "patchCvm",
    "confirmCvmPatch",
    "commitCvmUpdate",
    "refreshCvmInstanceId",
    "refreshCvmInstanceIds",
  ],
  Apps: [
    "getAppList",
    "getAppInfo",
    "getAppCvms",
    "getAppRevisions",
    "getAppRevisionDetail",
    "getAppFilterOptions",
    "getAppAttestation",
    "getAppDeviceAllowlist",
    "checkAppIsAllowed",
    "checkAppCvmsIsAllowed",
  ],
  Workspace: ["listWorkspaces", "getWorkspace", "getWorkspaceNodes", "getWorkspaceQuotas"],
  "Nodes, Instance Types & OS Images": [
    "getAvailableNodes",
    "listAllInstanceTypeFamilies",
    "listFamilyInstanceTypes",
    "getOsImages",
  ],
  "KMS (Key Management)": [
    "getKmsInfo",
    "getKmsList",
    "getKmsOnChainDetail",
    "getAppEnvEncryptPubKey",
    "nextAppIds",
  ],
  "SSH Keys": [
    "listSshKeys",
    "createSshKey",
    "deleteSshKey",
    "importGithubProfileSshKeys",
    "syncGithubSshKeys",
  ],
} as const;

describe("Available Actions", () => {
  const client = createClient({ apiKey: "phak_unused", baseURL: "http://127.0.0.1:9/api/v1" });
  const exports = sdk as unknown as Record<string, unknown>;
  const methods = client as unknown as Record<string, unknown>;

  it.each(Object.entries(DOCUMENTED_METHODS))(
    "%s: each method on createClient's client, standalone from the root, and its safe twin",
    (_section, names) => {
      for (const name of names) {
        const safeName = `safe${name[0]?.toUpperCase()}${name.slice(1)}`;
        expect(typeof methods[name], name).toBe("function");
        expect(typeof methods[safeName], safeName).toBe("function");
        expect(typeof exports[name], `export ${name}`).toBe("function");
        expect(typeof exports[safeName], `export ${safeName}`).toBe("function");
      }
    },
  );

  it("the sections list 65 methods", () => {
    expect(Object.values(DOCUMENTED_METHODS).flat()).toHaveLength(65);
  });
});

describe("Safe Methods", () => {
  it("success: { success: true, data }", async () => {
    const client = createClient();
    const result = await client.safeGetCvmInfo({ id: CVM.name });
    expect(result.success).toBe(true);
    if (!result.success) throw result.error;
    expect(result.data.name).toBe(CVM.name);
    expect(result.error).toBeUndefined();
  });

  it("failure: { success: false, error } with the error's message, nothing thrown", async () => {
    const client = createClient();
    const result = await client.safeGetCvmInfo({ id: "missing-cvm-name" });
    expect(result.success).toBe(false);
    if (result.success) throw new Error("expected a failure");
    expect(result.data).toBeUndefined();
    expect(result.error.message).toMatch(/CVM not found/);
    expect(result.error.status).toBe(404);
    expect(result.error).toBeInstanceOf(NotFoundError);
  });

  it("SafeResult<T, E = SafeError>: the documented union", () => {
    expectTypeOf<SafeResult<number>>().toEqualTypeOf<SafeResult<number, SafeError>>();
    expectTypeOf<SafeError>().toEqualTypeOf<PhalaCloudError>();
    type Ok = Extract<SafeResult<string, RangeError>, { success: true }>;
    type Failed = Extract<SafeResult<string, RangeError>, { success: false }>;
    expectTypeOf<Ok["data"]>().toEqualTypeOf<string>();
    expectTypeOf<Failed["error"]>().toEqualTypeOf<RangeError>();
    expectTypeOf<Ok["error"]>().toEqualTypeOf<undefined>();
    expectTypeOf<Failed["data"]>().toEqualTypeOf<undefined>();
  });
});

describe("Custom Schema Validation", () => {
  it("an action without required parameters takes { schema } as its first argument", async () => {
    const client = createClient();
    const Schema = z.object({ user: z.object({ email: z.string() }) });
    const mine = await client.getCurrentUser({ schema: Schema });
    expectTypeOf(mine).toEqualTypeOf<{ user: { email: string } }>();
    expect(mine).toEqual({ user: { email: SEED.users.alice.email } });
  });

  it("{ schema: false } skips validation and returns unknown", async () => {
    const client = createClient();
    const raw = await client.getCurrentUser({ schema: false });
    expectTypeOf(raw).toBeUnknown();
    expect((raw as { workspace: { slug: string } }).workspace.slug).toBe(SEED.workspaces.main.slug);
  });

  it("an action with required parameters takes { schema } as its second argument", async () => {
    const client = createClient();
    const Schema = z.object({ name: z.string(), vm_uuid: z.string() });
    const cvm = await client.getCvmInfo({ id: CVM.name }, { schema: Schema });
    expectTypeOf(cvm).toEqualTypeOf<{ name: string; vm_uuid: string }>();
    expect(cvm).toEqual({ name: CVM.name, vm_uuid: CVM.vmUuid });
  });

  it("a schema the answer does not meet is refused", async () => {
    const client = createClient();
    const error = await rejectionOf(
      client.getCvmInfo({ id: CVM.name }, { schema: z.object({ name: z.number() }) }),
    );
    expect(error).toBeInstanceOf(sdk.ResponseValidationError);
  });
});

describe("Event Handling", () => {
  it("on('error') sees every failed call, once() the first, off() removes a listener", async () => {
    const client = createClient({ maxRetries: 0 });
    const all: PhalaCloudError[] = [];
    const first: PhalaCloudError[] = [];
    const removed: PhalaCloudError[] = [];
    const handler = (error: PhalaCloudError) => void removed.push(error);
    client.on("error", (error) => void all.push(error));
    client.once("error", (error) => void first.push(error));
    client.on("error", handler);
    client.off("error", handler);

    await rejectionOf(client.getCvmInfo({ id: "first-missing" }));
    // Safe calls emit too.
    const result = await client.safeGetCvmState({ id: "second-missing" });
    expect(result.success).toBe(false);

    expect(all).toHaveLength(2);
    expect(all.every((error) => error instanceof NotFoundError)).toBe(true);
    expect(all[0]?.message).toMatch(/first-missing/);
    expect(all[1]?.endpoint).toBe("getCvmState");
    expect(first).toEqual([all[0]]);
    expect(removed).toEqual([]);
  });

  it("'*' listens to every event with its name", async () => {
    const client = createClient();
    const seen: string[] = [];
    client.on("*", (type, error) => void seen.push(`${type}:${error.status}`));
    await client.safeGetCvmNetwork({ id: "absent-one" });
    expect(seen).toEqual(["error:404"]);
  });
});

// Documented: `DEBUG=phala::api-client` (the debug package, curl-style lines).
// This SDK logs through `logLevel` / `PHALA_CLOUD_LOG` and `logger`.
describe("Debug Logging (differs)", () => {
  it("logLevel 'debug' logs each request and answer, the key redacted", async () => {
    const lines: string[] = [];
    const logger = {
      debug: (message: string, data?: unknown) =>
        void lines.push(`${message} ${JSON.stringify(data ?? {})}`),
      info: () => {},
      warn: () => {},
      error: () => {},
    };
    const client = createClient({ logLevel: "debug", logger });
    await client.getCurrentUser();
    expect(lines.some((line) => line.includes("→ GET") && line.includes("/auth/me"))).toBe(true);
    expect(lines.some((line) => line.includes("← 200 GET"))).toBe(true);
    expect(lines.join("\n")).not.toContain(SEED.apiKeys.demo);
  });

  it("PHALA_CLOUD_LOG=debug does the same from the environment", async () => {
    const lines: string[] = [];
    const logger = {
      debug: (message: string) => void lines.push(message),
      info: () => {},
      warn: () => {},
      error: () => {},
    };
    vi.stubEnv("PHALA_CLOUD_LOG", "debug");
    await createClient({ logger }).getCurrentUser();
    expect(lines.filter((line) => line.includes("/auth/me"))).toHaveLength(2);
  });
});

describe("Environment Variables", () => {
  it("PHALA_CLOUD_API_KEY and PHALA_CLOUD_API_PREFIX, read at client creation; config wins", async () => {
    vi.stubEnv("PHALA_CLOUD_API_KEY", SEED.apiKeys.otherWorkspace);
    const fromEnv = createClient();
    expect((await fromEnv.getCurrentUser()).user.username).toBe(SEED.users.carol.username);
    const explicit = createClient({ apiKey: SEED.apiKeys.member });
    expect((await explicit.getCurrentUser()).user.username).toBe(SEED.users.bob.username);
  });

  it("without any key the API answers 401", async () => {
    vi.stubEnv("PHALA_CLOUD_API_KEY", "");
    const error = await rejectionOf(createClient().getCurrentUser());
    expect(error).toBeInstanceOf(sdk.AuthenticationError);
    expect(categoriesOf(error)).toEqual(["RequestError", "AuthError"]);
  });
});

describe("Webhook Signature Verification (@phala/cloud/webhook)", () => {
  const secret = "whsec_docs_overview_secret";
  const body = JSON.stringify({
    id: "evt_docs_1",
    event: "cvm.created",
    version: "1",
    created_at: "2026-03-01T10:00:00Z",
    workspace: { id: SEED.workspaces.main.id, name: SEED.workspaces.main.name },
    data: { cvm_id: CVM.id },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;

  it("verifyWebhookSignature({ secret, timestamp, body, signature }) answers a boolean, synchronously", () => {
    const valid = verifyWebhookSignature({ secret, timestamp, body, signature });
    expectTypeOf(valid).toEqualTypeOf<boolean>();
    expect(valid).toBe(true);
    expect(verifyWebhookSignature({ secret: "whsec_other", timestamp, body, signature })).toBe(
      false,
    );
    expect(verifyWebhookSignature({ secret, timestamp, body: `${body} `, signature })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: undefined, body, signature })).toBe(false);
  });

  it("parseWebhookEvent({ headers, body, secret }) returns the event, synchronously", () => {
    const headers = { "x-webhook-timestamp": timestamp, "x-webhook-signature": signature };
    const event = parseWebhookEvent({ headers, body, secret });
    expect(event).not.toBeInstanceOf(Promise);
    expect(event.event).toBe("cvm.created");
    expect(event.id).toBe("evt_docs_1");
    expect(event.workspace.name).toBe(SEED.workspaces.main.name);
    expect(event.data).toEqual({ cvm_id: CVM.id });
  });

  it("parseWebhookEvent throws WebhookVerificationError on a bad signature", () => {
    const headers = {
      "X-Webhook-Timestamp": timestamp,
      "X-Webhook-Signature": `sha256=${"0".repeat(64)}`,
    };
    let thrown: unknown;
    try {
      parseWebhookEvent({ headers, body, secret });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WebhookVerificationError);
    expect((thrown as WebhookVerificationError).reason).toBe("invalid_signature");
  });

  it("the subpath's functions are the root's", () => {
    expect(verifyWebhookSignature).toBe(sdk.verifyWebhookSignature);
    expect(WebhookVerificationError).toBe(sdk.WebhookVerificationError);
  });
});

describe("encryptEnvVars and parseEnvVars from the root", () => {
  it("parses a .env text and encrypts it to a provision's key, which the platform can read", async () => {
    const client = createClient();
    const provision = await client.provisionCvm({
      name: "overview-env",
      compose_file: { docker_compose_file: "services:\n  a:\n    image: busybox\n" },
    });
    const envVars = parseEnvVars("# comment\nTOKEN=abc123\nexport REGION='eu west'\n");
    expect(envVars).toEqual([
      { key: "TOKEN", value: "abc123" },
      { key: "REGION", value: "eu west" },
    ]);
    const hex = await encryptEnvVars(envVars, provision.app_env_encrypt_pubkey!);
    expect(hex).toMatch(/^[0-9a-f]+$/);
    const key = provisionPrivateKeyFor(mock.api.state, provision.app_id!)!;
    expect(await decryptEnvVars(hex, key)).toEqual(envVars);
  });
});
