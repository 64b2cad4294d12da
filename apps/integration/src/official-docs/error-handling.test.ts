// The official reference's error handling page (`cloud-js-sdk/error-handling.mdx`):
// the documented error categories over this SDK's errors, for each kind of
// answer the mock can give (401, 403, 400, 404, 409, 422, 429, 5xx, no answer),
// the discriminators, the base and per-class properties, safe methods, the
// format helpers and the client's error event.
import {
  APIConnectionError,
  APIError,
  AuthError,
  AuthenticationError,
  BadRequestError,
  BusinessError,
  ConflictError,
  createClient,
  formatErrorMessage,
  formatStructuredError,
  formatValidationErrors,
  InternalServerError,
  isAuthError,
  isBusinessError,
  isRequestError,
  isResourceError,
  isServerError,
  isUnknownError,
  isValidationError,
  NotFoundError,
  PermissionDeniedError,
  PhalaCloudError,
  RateLimitError,
  RequestError,
  RequestValidationError,
  ResourceError,
  ServerError,
  ServiceUnavailableError,
  UnknownError,
  UnprocessableEntityError,
  ValidationError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, composeOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

const mock = useDocsMock();
// No retries: each error is the first answer's.
const client = () => createClient({ maxRetries: 0 });
const payload = (name: string) => ({
  name,
  compose_file: { docker_compose_file: composeOf("nginx:1.27-alpine") },
});

/** A FastAPI 422 body, as the API answers a request its model refuses. */
const FIELD_ERRORS = {
  detail: [
    {
      type: "string_too_short",
      loc: ["body", "name"],
      msg: "String should have at least 5 characters",
      input: "abc",
      ctx: { min_length: 5 },
    },
    {
      type: "greater_than_equal",
      loc: ["body", "compose_file", "disk_size"],
      msg: "Input should be greater than or equal to 20",
      input: 8,
      ctx: { ge: 20 },
    },
  ],
};

/** A structured (ERR-xxxx) error with every part the API may send. */
const STRUCTURED = {
  detail: {
    error_code: "ERR-02-001",
    message: "The node has no capacity for this instance type",
    details: [{ field: "instance_type", value: "tdx.xlarge", message: "No node can host it" }],
    suggestions: ["Pick a smaller instance type", "Try another region"],
    links: [{ url: "https://docs.example.test/capacity", label: "Capacity planning" }],
  },
};

/** Each kind of failure, how it is provoked, and what it must be. */
const CASES: {
  name: string;
  run: () => Promise<unknown>;
  sdkClass: abstract new (...args: never[]) => PhalaCloudError;
  categories: string[];
  status: number | undefined;
}[] = [
  {
    name: "401 (no key)",
    run: () => createClient({ apiKey: "" }).getCurrentUser(),
    sdkClass: AuthenticationError,
    categories: ["RequestError", "AuthError"],
    status: 401,
  },
  {
    name: "403 (not a member)",
    run: () => client().getWorkspace({ teamSlug: SEED.workspaces.other.slug }),
    sdkClass: PermissionDeniedError,
    categories: ["RequestError", "AuthError"],
    status: 403,
  },
  {
    name: "400 (no linked GitHub account)",
    run: () => createClient({ apiKey: SEED.apiKeys.member }).syncGithubSshKeys(),
    sdkClass: BadRequestError,
    categories: ["RequestError", "BusinessError"],
    status: 400,
  },
  {
    name: "404 with ERR-03-001 (unknown CVM)",
    run: () => client().getCvmInfo({ id: "errors-missing-cvm" }),
    sdkClass: NotFoundError,
    categories: ["RequestError", "BusinessError", "ResourceError"],
    status: 404,
  },
  {
    name: "404 without a code (unknown workspace)",
    run: () => client().getWorkspace({ teamSlug: "errors-missing-team" }),
    sdkClass: NotFoundError,
    categories: ["RequestError", "BusinessError"],
    status: 404,
  },
  {
    name: "409 with ERR-01-004 (name in use)",
    run: () => client().provisionCvm(payload(SEED.exampleCvm.name)),
    sdkClass: ConflictError,
    categories: ["RequestError", "BusinessError", "ResourceError"],
    status: 409,
  },
  {
    name: "422 (FastAPI field errors)",
    run: () => client().createSshKey({ name: "bad", public_key: "ssh-rsa nope" }),
    sdkClass: UnprocessableEntityError,
    categories: ["RequestError", "ValidationError"],
    status: 422,
  },
  {
    name: "429 (rate limited)",
    run: () => {
      mock.api.setFaults([{ path: "/cvms/paginated", steps: [{ status: 429, retryAfter: 7 }] }]);
      return client().getCvmList();
    },
    sdkClass: RateLimitError,
    categories: ["RequestError", "BusinessError"],
    status: 429,
  },
  {
    name: "500",
    run: () => {
      mock.api.setFaults([{ path: "/auth/me", steps: [{ status: 500 }] }]);
      return client().getCurrentUser();
    },
    sdkClass: InternalServerError,
    categories: ["RequestError", "ServerError"],
    status: 500,
  },
  {
    name: "503 (node under maintenance)",
    run: async () => {
      const node = mock.api.state.nodes.get(SEED.nodes.prod5.id)!;
      node.status = "MAINTENANCE";
      try {
        return await client().restartCvm({ id: SEED.exampleCvm.name });
      } finally {
        node.status = "ONLINE";
      }
    },
    sdkClass: ServiceUnavailableError,
    categories: ["RequestError", "ServerError"],
    status: 503,
  },
  {
    name: "no answer (connection refused)",
    run: () =>
      createClient({ baseURL: "http://127.0.0.1:9/api/v1", maxRetries: 0 }).getCurrentUser(),
    sdkClass: APIConnectionError,
    categories: ["RequestError", "UnknownError"],
    status: undefined,
  },
  {
    name: "arguments refused before sending",
    // @ts-expect-error a number is not a CVM id
    run: () => client().getCvmInfo({ id: 42 }),
    sdkClass: RequestValidationError,
    categories: ["UnknownError"],
    status: undefined,
  },
];

// Each case is provoked once; the tests below share what it threw.
const thrown = new Map<string, Promise<unknown>>();
const errorOf = (c: (typeof CASES)[number]) => {
  let error = thrown.get(c.name);
  if (!error) {
    error = rejectionOf(c.run());
    thrown.set(c.name, error);
  }
  return error;
};

describe("Error Hierarchy", () => {
  it.each(CASES)("$name: its documented categories and this SDK's class", async (c) => {
    const error = await errorOf(c);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error).toBeInstanceOf(c.sdkClass);
    expect(categoriesOf(error)).toEqual(c.categories);
    expect((error as PhalaCloudError).status).toBe(c.status);
  });

  it("every error is exactly one of ValidationError, AuthError, BusinessError, ServerError, UnknownError", async () => {
    for (const c of CASES) {
      const error = await errorOf(c);
      const exclusive = categoriesOf(error).filter(
        (name) => name !== "RequestError" && name !== "ResourceError",
      );
      expect(exclusive, c.name).toHaveLength(1);
    }
  });

  it("ResourceError is a BusinessError; the categories are abstract (never constructed)", () => {
    expect(Object.getPrototypeOf(ResourceError.prototype)).toBe(BusinessError.prototype);
    const plain = new PhalaCloudError("not from a request");
    expect(categoriesOf(plain)).toEqual(["UnknownError"]);
  });
});

describe("Catching Errors > Using instanceof (the page's order)", () => {
  function describeError(error: unknown): string {
    if (error instanceof ResourceError)
      return `resource ${error.errorCode} ${error.suggestions.length}`;
    if (error instanceof ValidationError) {
      return `validation ${error.validationErrors.map((e) => e.field).join(",")}`;
    }
    if (error instanceof AuthError) return "auth";
    if (error instanceof BusinessError) return "business";
    if (error instanceof ServerError) return "server";
    return "other";
  }

  it("a provision refused in each way lands in its branch", async () => {
    const c = client();
    expect(describeError(await rejectionOf(c.provisionCvm(payload(SEED.exampleCvm.name))))).toBe(
      "resource ERR-01-004 1",
    );
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 422, body: FIELD_ERRORS }] }]);
    expect(describeError(await rejectionOf(c.provisionCvm(payload("errors-a"))))).toBe(
      "validation name,compose_file.disk_size",
    );
    expect(
      describeError(
        await rejectionOf(createClient({ apiKey: "" }).provisionCvm(payload("errors-b"))),
      ),
    ).toBe("auth");
    mock.api.setFaults([
      { path: "/cvms/provision", steps: [{ status: 400, body: { detail: "Nope" } }] },
    ]);
    expect(describeError(await rejectionOf(c.provisionCvm(payload("errors-c"))))).toBe("business");
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 502 }] }]);
    expect(describeError(await rejectionOf(c.provisionCvm(payload("errors-d"))))).toBe("server");
  });

  it("the categories narrow the type", () => {
    const error: unknown = new Error("x");
    if (error instanceof ValidationError) {
      expectTypeOf(error.validationErrors[0]!.field).toEqualTypeOf<string>();
    }
    if (error instanceof ResourceError) expectTypeOf(error.errorCode).toEqualTypeOf<string>();
  });
});

// Documented: boolean properties (`error.isValidationError`...). This SDK has
// functions of the same names (`isValidationError(error)`...), which narrow.
describe("Catching Errors > Discriminators (differs: functions, not properties)", () => {
  it("each is* function answers as the matching instanceof", async () => {
    const checks = {
      isValidationError,
      isAuthError,
      isResourceError,
      isBusinessError,
      isServerError,
      isUnknownError,
      isRequestError,
    };
    for (const c of CASES) {
      const error = await errorOf(c);
      const found = Object.entries(checks)
        .filter(([, check]) => check(error))
        .map(([name]) => name.slice(2));
      expect(found.sort(), c.name).toEqual([...c.categories].sort());
    }
  });

  it("they narrow the type", () => {
    const error: unknown = undefined;
    if (isValidationError(error)) expectTypeOf(error).toEqualTypeOf<ValidationError>();
    if (isResourceError(error)) expectTypeOf(error.errorCode).toEqualTypeOf<string>();
  });
});

describe("Error Classes > PhalaCloudError", () => {
  it("message and status", async () => {
    const error = (await rejectionOf(client().getCvmInfo({ id: "errors-missing" }))) as APIError;
    expect(error.message).toMatch(/^404 ERR-03-001: CVM not found/);
    expect(error.message).toContain("GET /cvms/errors-missing");
    expect(error.status).toBe(404);
    expectTypeOf(error.status).toEqualTypeOf<number>();
  });

  it("statusText: the HTTP reason phrase of the answer", async () => {
    const notFound = (await rejectionOf(client().getCvmInfo({ id: "errors-missing" }))) as APIError;
    expect(notFound.statusText).toBe("Not Found");
    expectTypeOf(notFound.statusText).toEqualTypeOf<string | undefined>();
    const offline = (await rejectionOf(
      createClient({ baseURL: "http://127.0.0.1:9/api/v1", maxRetries: 0 }).getCvmList(),
    )) as PhalaCloudError;
    expect(offline.statusText).toBeUndefined();
  });

  // Documented: `detail` as the API's raw detail (a string, an object or a list).
  // Here `detail` is the structured error (an object, or undefined) on an
  // APIError, and the raw body is `body`.
  it("detail (differs): the structured error; the raw answer is body", async () => {
    const structured = (await rejectionOf(
      client().getCvmInfo({ id: "errors-missing" }),
    )) as APIError;
    expect(structured.detail).toMatchObject({ error_code: "ERR-03-001", message: "CVM not found" });
    expect(structured.body).toEqual({ detail: structured.detail });

    const plain = (await rejectionOf(client().getWorkspace({ teamSlug: "nope-team" }))) as APIError;
    expect(plain.detail).toBeUndefined();
    expect(plain.body).toEqual({ detail: "Workspace not found" });

    const list = (await rejectionOf(
      client().createSshKey({ name: "x", public_key: "ssh-rsa nope" }),
    )) as APIError;
    expect(list.detail).toBeUndefined();
    expect(Array.isArray((list.body as { detail: unknown }).detail)).toBe(true);
  });

  it("beside them: requestId, method, path, apiVersion, endpoint; JSON without the body", async () => {
    const error = (await rejectionOf(client().getCvmInfo({ id: "errors-missing" }))) as APIError;
    expect(error.requestId).toMatch(/^req_/);
    expect(error).toMatchObject({
      method: "GET",
      path: "/cvms/errors-missing",
      apiVersion: "2026-01-21",
      endpoint: "getCvmInfo",
      errorCode: "ERR-03-001",
    });
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty("body");
  });
});

describe("Error Classes > ValidationError (422)", () => {
  // The docs' ValidationErrorItem has `context?`; this SDK's has `location?` and `input?`.
  it("validationErrors: { field, message, type, location, input }", async () => {
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 422, body: FIELD_ERRORS }] }]);
    const error = await rejectionOf(client().provisionCvm(payload("errors-422")));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).validationErrors).toEqual([
      {
        field: "name",
        message: "String should have at least 5 characters",
        type: "string_too_short",
        location: "body",
        input: "abc",
      },
      {
        field: "compose_file.disk_size",
        message: "Input should be greater than or equal to 20",
        type: "greater_than_equal",
        location: "body",
        input: 8,
      },
    ]);
    expect((error as ValidationError).message).toContain("name: String should have at least 5");
  });

  it("a 422 carrying a structured error is a ResourceError, not a ValidationError", async () => {
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 422, body: STRUCTURED }] }]);
    const error = await rejectionOf(client().provisionCvm(payload("errors-422s")));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });
});

describe("Error Classes > AuthError (401, 403)", () => {
  it("401 and 403 without a structured error", async () => {
    const unauthenticated = await rejectionOf(createClient({ apiKey: "" }).getCvmList());
    const forbidden = await rejectionOf(
      createClient({ apiKey: SEED.apiKeys.otherWorkspace }).getWorkspaceQuotas({
        teamSlug: SEED.workspaces.main.slug,
      }),
    );
    expect(unauthenticated).toBeInstanceOf(AuthError);
    expect(forbidden).toBeInstanceOf(AuthError);
    expect([(unauthenticated as APIError).status, (forbidden as APIError).status]).toEqual([
      401, 403,
    ]);
  });

  it("a 403 with an ERR code is a ResourceError instead (the quota refusal)", async () => {
    mock.api.setFaults([
      {
        path: "/auth/me",
        steps: [
          { status: 403, body: { detail: { error_code: "ERR-04-002", message: "Over quota" } } },
        ],
      },
    ]);
    const error = await rejectionOf(client().getCurrentUser());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError", "ResourceError"]);
  });
});

describe("Error Classes > BusinessError (400, 409, other 4xx)", () => {
  it("a 409 of another operation in progress (no code) is a BusinessError", async () => {
    const c = client();
    // Long enough that the second call always meets the first one's restart.
    const { settings } = mock.api.state;
    const before = settings.transitionMs;
    settings.transitionMs = 60_000;
    try {
      await c.restartCvm({ id: "oracle-us-west" });
    } finally {
      settings.transitionMs = before;
    }
    const error = await rejectionOf(c.restartCvm({ id: "oracle-us-west" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).operationInProgress).toBe(true);
    expect(categoriesOf(error)).toEqual(["RequestError", "BusinessError"]);
  });

  it("a 429 keeps Retry-After", async () => {
    mock.api.setFaults([{ path: "/cvms/paginated", steps: [{ status: 429, retryAfter: 7 }] }]);
    const error = await rejectionOf(client().getCvmList());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(BusinessError);
    expect((error as RateLimitError).retryAfter).toBe(7);
  });
});

describe("Error Classes > ResourceError (ERR-xxxx)", () => {
  it("errorCode, structuredDetails, suggestions, links", async () => {
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 409, body: STRUCTURED }] }]);
    const error = await rejectionOf(client().provisionCvm(payload("errors-structured")));
    expect(error).toBeInstanceOf(ResourceError);
    const resource = error as ResourceError;
    expect(resource.errorCode).toBe("ERR-02-001");
    expect(resource.suggestions).toEqual(STRUCTURED.detail.suggestions);
    expect(resource.links).toEqual(STRUCTURED.detail.links);
    expect(resource.structuredDetails).toEqual(STRUCTURED.detail.details);
    expect(resource.detail.details).toEqual(STRUCTURED.detail.details);
    expect(resource.message).toBe(
      "409 ERR-02-001: The node has no capacity for this instance type (POST /cvms/provision, API version 2026-01-21)",
    );
  });
});

describe("Error Classes > ServerError (500+) and UnknownError", () => {
  it("500, 502, 503 and 504 are ServerErrors", async () => {
    for (const status of [500, 502, 503, 504]) {
      mock.api.setFaults([{ method: "POST", path: "/cvms/provision", steps: [{ status }] }]);
      const error = await rejectionOf(client().provisionCvm(payload(`errors-${status}`)));
      expect(error, String(status)).toBeInstanceOf(ServerError);
      expect(error).toBeInstanceOf(InternalServerError);
    }
  });

  it("an HTML error page from a proxy is still a ServerError, its excerpt kept", async () => {
    mock.api.setFaults([{ path: "/auth/me", steps: [{ html: true, status: 502 }] }]);
    const error = await rejectionOf(client().getCurrentUser());
    expect(error).toBeInstanceOf(ServerError);
    expect((error as APIError).bodyExcerpt).toMatch(/<html/i);
  });

  it("no answer at all (network): UnknownError and RequestError", async () => {
    const error = await rejectionOf(
      createClient({ baseURL: "http://127.0.0.1:9/api/v1", maxRetries: 0 }).getCvmList(),
    );
    expect(error).toBeInstanceOf(UnknownError);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).not.toBeInstanceOf(APIError);
  });
});

describe("Safe Methods", () => {
  it("result.error is a PhalaCloudError; a ValidationError keeps its validationErrors", async () => {
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 422, body: FIELD_ERRORS }] }]);
    const result = await client().safeProvisionCvm(payload("errors-safe"));
    expect(result.success).toBe(false);
    if (result.success) return;
    expectTypeOf(result.error).toEqualTypeOf<PhalaCloudError>();
    expect(result.error).toBeInstanceOf(ValidationError);
    if (result.error instanceof ValidationError) {
      expect(result.error.validationErrors.map((e) => `${e.field}: ${e.message}`)).toEqual([
        "name: String should have at least 5 characters",
        "compose_file.disk_size: Input should be greater than or equal to 20",
      ]);
    }
  });

  it("safe<ActionName>: safeGetCurrentUser, safeGetCvmInfo, safeProvisionCvm, safeDeleteCvm", async () => {
    const c = client();
    const user = await c.safeGetCurrentUser();
    expect(user.success).toBe(true);
    const cvm = await c.safeGetCvmInfo({ id: SEED.exampleCvm.name });
    expect(cvm.success && cvm.data.name).toBe(SEED.exampleCvm.name);
    const provision = await c.safeProvisionCvm(payload("errors-safe-ok"));
    expect(provision.success).toBe(true);
    const deleted = await c.safeDeleteCvm({ id: "errors-no-such-cvm" });
    expect(deleted.success).toBe(false);
    expect(deleted.error).toBeInstanceOf(ResourceError);
  });

  it("nothing a safe method meets is thrown: refused arguments and network failures too", async () => {
    // @ts-expect-error no id
    const refused = await client().safeGetCvmInfo({});
    expect(refused.error).toBeInstanceOf(RequestValidationError);
    const offline = await createClient({
      baseURL: "http://127.0.0.1:9/api/v1",
      maxRetries: 0,
    }).safeGetCurrentUser();
    expect(offline.error).toBeInstanceOf(APIConnectionError);
  });
});

describe("Formatting Utilities", () => {
  const errors = [
    { field: "name", message: "String should have at least 5 characters" },
    { field: "compose_file.disk_size", message: "Input should be greater than or equal to 20" },
  ];

  it("formatValidationErrors: numbered, indent 2 and field names by default", () => {
    expect(formatValidationErrors(errors)).toBe(
      "  1. name: String should have at least 5 characters\n" +
        "  2. compose_file.disk_size: Input should be greater than or equal to 20",
    );
    expect(formatValidationErrors(errors, { numbered: true, indent: 2, showFields: true })).toBe(
      formatValidationErrors(errors),
    );
  });

  it("formatValidationErrors options: numbered, indent, showFields", () => {
    expect(formatValidationErrors(errors, { numbered: false, indent: 0, showFields: false })).toBe(
      "• String should have at least 5 characters\n• Input should be greater than or equal to 20",
    );
    expect(formatValidationErrors(errors.slice(0, 1), { indent: 4 })).toBe(
      "    1. name: String should have at least 5 characters",
    );
  });

  it("formatValidationErrors on a ValidationError's validationErrors", async () => {
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 422, body: FIELD_ERRORS }] }]);
    const error = (await rejectionOf(
      client().provisionCvm(payload("errors-fmt")),
    )) as ValidationError;
    expect(formatValidationErrors(error.validationErrors)).toBe(formatValidationErrors(errors));
  });

  it("formatErrorMessage: the message, then the validation list; showFields and showType", async () => {
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 422, body: FIELD_ERRORS }] }]);
    const error = (await rejectionOf(
      client().provisionCvm(payload("errors-fmt2")),
    )) as ValidationError;
    expect(formatErrorMessage(error)).toBe(`${error.message}\n\n${formatValidationErrors(errors)}`);
    const typed = formatErrorMessage(error, { showType: true, showFields: false });
    expect(typed.split("\n")[0]).toBe("[UNPROCESSABLEENTITYERROR]");
    expect(typed).toContain("  1. String should have at least 5 characters");
    const notFound = (await rejectionOf(client().getCvmInfo({ id: "errors-missing" }))) as APIError;
    expect(formatErrorMessage(notFound)).toBe(notFound.message);
  });

  it("formatStructuredError: code and message, request id, details, suggestions, links", async () => {
    mock.api.setFaults([{ path: "/cvms/provision", steps: [{ status: 409, body: STRUCTURED }] }]);
    const error = (await rejectionOf(
      client().provisionCvm(payload("errors-fmt3")),
    )) as ResourceError;
    expect(formatStructuredError(error)).toBe(
      [
        "Error [ERR-02-001]: The node has no capacity for this instance type",
        `Request ID: ${error.requestId}`,
        "",
        "Details:",
        "  - No node can host it",
        "",
        "Suggestions:",
        "  - Pick a smaller instance type",
        "  - Try another region",
        "",
        "Learn more:",
        "  - Capacity planning: https://docs.example.test/capacity",
      ].join("\n"),
    );
    expect(
      formatStructuredError(error, {
        showErrorCode: false,
        showSuggestions: false,
        showLinks: false,
      }),
    ).toBe(
      [
        "The node has no capacity for this instance type",
        `Request ID: ${error.requestId}`,
        "",
        "Details:",
        "  - No node can host it",
      ].join("\n"),
    );
  });
});

describe("Event-Based Error Handling", () => {
  it("client.on('error') sees every API error, safe methods included; instanceof works there", async () => {
    const c = createClient({ apiKey: "", maxRetries: 0 });
    const seen: string[] = [];
    c.on("error", (error) => {
      seen.push(`${error.status}:${error instanceof AuthError ? "auth" : "other"}`);
    });
    await rejectionOf(c.getCurrentUser());
    await c.safeGetCvmList();
    const withKey = createClient({ maxRetries: 0 });
    withKey.on("error", (error) => {
      seen.push(`${error.status}:${categoriesOf(error).join("+")}`);
    });
    await withKey.safeGetCvmInfo({ id: "errors-missing" });
    expect(seen).toEqual(["401:auth", "401:auth", "404:RequestError+BusinessError+ResourceError"]);
  });

  it("arguments refused before sending are not emitted (no request was made)", async () => {
    const c = createClient();
    const seen: unknown[] = [];
    c.on("error", (error) => void seen.push(error));
    // @ts-expect-error no id
    await c.safeGetCvmInfo({});
    expect(seen).toEqual([]);
    expect(mock.sent).toHaveLength(0);
  });
});
