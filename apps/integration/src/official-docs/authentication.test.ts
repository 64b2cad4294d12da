// The official reference's authentication page (`cloud-js-sdk/authentication.mdx`):
// getCurrentUser, GET /auth/me, its user / workspace / credits, and the flat
// legacy shape the page's note mentions.
import {
  AuthenticationError,
  type CurrentUserV20251028,
  type CurrentUserV20260121,
  createBaseClient,
  createClient,
  getCurrentUser,
  safeGetCurrentUser,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { categoriesOf, pathOf, rejectionOf, SEED, useDocsMock } from "./docs.test-support";

// Only the seeded keys are accepted, so a wrong key is answered 401 as by the API.
const mock = useDocsMock({
  apiKeys: {
    [SEED.apiKeys.demo]: undefined,
    [SEED.apiKeys.member]: undefined,
    [SEED.apiKeys.otherWorkspace]: undefined,
  },
});

describe("getCurrentUser: GET /auth/me, no parameters", () => {
  it("sends GET /auth/me with the key and no body", async () => {
    await createClient().getCurrentUser();
    expect(mock.sent).toHaveLength(1);
    expect(mock.sent[0]?.method).toBe("GET");
    expect(pathOf(mock.sent[0])).toBe("/auth/me");
    expect(mock.sent[0]?.headers.get("x-api-key")).toBe(SEED.apiKeys.demo);
  });

  it("user: username, email, avatar", async () => {
    const me = await createClient().getCurrentUser();
    expect(me.user.username).toBe("alice");
    expect(me.user.email).toBe(SEED.users.alice.email);
    expect(me.user.avatar).toMatch(/^https:\/\//);
    expectTypeOf(me.user.username).toEqualTypeOf<string>();
  });

  it("workspace: name, slug, tier (the caller's active workspace)", async () => {
    const me = await createClient({ apiKey: SEED.apiKeys.otherWorkspace }).getCurrentUser();
    expect(me.workspace).toMatchObject({
      name: SEED.workspaces.other.name,
      slug: SEED.workspaces.other.slug,
      tier: SEED.workspaces.other.tier,
    });
    expect(me.user.username).toBe("carol");
  });

  // Documented: credits "(remaining, total, used)". The API sends balance,
  // granted_balance, is_post_paid and outstanding_amount (as the api-versioning
  // page itself shows).
  it("credits: balance, granted_balance, is_post_paid, outstanding_amount", async () => {
    const { credits } = await createClient().getCurrentUser();
    expect(credits).toEqual({
      balance: "125.50",
      granted_balance: "10.00",
      is_post_paid: false,
      outstanding_amount: null,
    });
  });

  it("the page's example: me.user.username and me.workspace.slug", async () => {
    const me = await createClient().getCurrentUser();
    expect(`${me.user.username}@${me.workspace.slug}`).toBe("alice@acme-research");
  });

  it("typed CurrentUser of the client's version", async () => {
    const me = await createClient().getCurrentUser();
    expectTypeOf(me).toEqualTypeOf<CurrentUserV20260121>();
    const legacy = await createClient({ version: "2025-10-28" }).getCurrentUser();
    expectTypeOf(legacy).toEqualTypeOf<CurrentUserV20251028>();
  });
});

describe("Note: the response shape varies by API version", () => {
  it("2026-01-21 nests user, workspace and credits; 2025-10-28 is flat", async () => {
    const client = createClient();
    const nested = await client.getCurrentUser();
    const flat = await client.withVersion("2025-10-28").getCurrentUser();
    expect(mock.sent.map((r) => r.headers.get("x-phala-version"))).toEqual([
      "2026-01-21",
      "2025-10-28",
    ]);
    expect(flat).not.toHaveProperty("user");
    expect(flat.username).toBe(nested.user.username);
    expect(flat.email).toBe(nested.user.email);
    expect(flat.team_name).toBe(nested.workspace.name);
    expect(flat.team_tier).toBe(nested.workspace.tier);
    expect(flat.credits).toBeCloseTo(Number(nested.credits.balance));
    expect(flat.granted_credits).toBeCloseTo(Number(nested.credits.granted_balance));
  });
});

describe("the same call standalone and safe", () => {
  it("getCurrentUser(baseClient) and safeGetCurrentUser(baseClient)", async () => {
    const base = createBaseClient();
    const me = await getCurrentUser(base);
    expect(me.user.username).toBe("alice");
    const result = await safeGetCurrentUser(base);
    expect(result).toEqual({ success: true, data: me });
  });
});

describe("errors", () => {
  it("a wrong key: 401, AuthError and AuthenticationError", async () => {
    const error = await rejectionOf(createClient({ apiKey: "phak_wrong_key" }).getCurrentUser());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(categoriesOf(error)).toEqual(["RequestError", "AuthError"]);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).message).toMatch(/Invalid or missing API key/);
    // The key is never quoted back.
    expect(JSON.stringify(error)).not.toContain("phak_wrong_key");
  });

  it("safeGetCurrentUser with a wrong key resolves the 401 as a result", async () => {
    const result = await createClient({ apiKey: "phak_wrong_key" }).safeGetCurrentUser();
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(AuthenticationError);
    expect(result.error?.status).toBe(401);
  });
});
