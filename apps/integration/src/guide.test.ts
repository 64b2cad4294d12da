import { describe, expect, it } from "vitest";
import {
  step1After,
  step1Before,
  step2After,
  step2Before,
  step3After,
  step3Before,
} from "./guide/migration";
import { defaultVersion, explicitVersion, legacyVersion } from "./guide/selecting-a-version";
import { standaloneFunctions } from "./guide/standalone-functions";
import { switchingAtRuntime } from "./guide/switching-at-runtime";
import { useMockApi } from "./harness";

const mock = useMockApi();

function versionsSent() {
  return mock.sent.map((r) => r.headers.get("x-phala-version"));
}

describe("Selecting a Version > At Client Creation", () => {
  it("the default client sends and reads 2026-01-21", async () => {
    const client = defaultVersion();
    expect(client.version).toBe("2026-01-21");
    const user = await client.getCurrentUser();
    expect(versionsSent()).toEqual(["2026-01-21"]);
    expect(mock.sent[0]!.url).toBe(`${mock.url}/auth/me`);
    expect(mock.sent[0]!.headers.get("x-api-key")).toBe("your-api-key");
    expect(Object.keys(user).sort()).toEqual(["credits", "features", "user", "workspace"]);
  });

  it("an explicit 2026-01-21 client does the same", async () => {
    const user = await explicitVersion().getCurrentUser();
    expect(versionsSent()).toEqual(["2026-01-21"]);
    expect(typeof user.user.email).toBe("string");
  });

  it("the legacy client sends and reads 2025-10-28", async () => {
    const legacyClient = legacyVersion();
    expect(legacyClient.version).toBe("2025-10-28");
    const user = await legacyClient.getCurrentUser();
    expect(versionsSent()).toEqual(["2025-10-28"]);
    expect(typeof user.team_name).toBe("string");
    expect(user).not.toHaveProperty("user");
  });
});

describe("Switching Versions at Runtime", () => {
  it("withVersion gives a second client; each reads its own shape", async () => {
    const { client, legacyClient, user, legacyUser } = await switchingAtRuntime();
    expect(versionsSent()).toEqual(["2026-01-21", "2025-10-28"]);
    expect(client.version).toBe("2026-01-21");
    expect(legacyClient.version).toBe("2025-10-28");
    expect(Object.keys(user.user).sort()).toEqual(
      [
        "avatar",
        "email",
        "email_verified",
        "flag_has_password",
        "has_backup_codes",
        "role",
        "totp_enabled",
        "username",
      ].sort(),
    );
    expect(Object.keys(legacyUser).sort()).toEqual(
      [
        "avatar",
        "credits",
        "email",
        "granted_credits",
        "team_name",
        "team_tier",
        "username",
      ].sort(),
    );
    // Same account, two renderings.
    expect(legacyUser.username).toBe(user.user.username);
    expect(legacyUser.team_name).toBe(user.workspace.name);
    expect(legacyUser.credits).toBeCloseTo(Number(user.credits.balance));
    // Both clients share the credentials.
    expect(new Set(mock.sent.map((r) => r.headers.get("x-api-key")))).toEqual(
      new Set(["your-api-key"]),
    );
  });
});

describe("Using with Standalone Functions", () => {
  it("getCvmInfo is typed and validated by the base client's version", async () => {
    const { cvm, legacyCvm } = await standaloneFunctions();
    expect(versionsSent()).toEqual(["2026-01-21", "2025-10-28"]);
    expect(mock.sent.map((r) => r.url)).toEqual([
      `${mock.url}/cvms/cvm-abc123`,
      `${mock.url}/cvms/cvm-abc123`,
    ]);
    expect(cvm.name).toBe("cvm-abc123");
    expect(cvm).not.toHaveProperty("vcpu");
    expect(typeof cvm.resource.vcpu).toBe("number");
    expect(legacyCvm.name).toBe("cvm-abc123");
    expect(legacyCvm).not.toHaveProperty("resource");
    expect(legacyCvm.vcpu).toBe(cvm.resource.vcpu);
    expect(legacyCvm.app_id).toBe(cvm.app_id);
  });
});

describe("Migration Guide", () => {
  it("step 1: the client before and after", () => {
    expect(step1Before().version).toBe("2025-10-28");
    expect(step1After().version).toBe("2026-01-21");
  });

  it("step 2: user fields read the same values before and after", async () => {
    const before = step2Before(await step1Before().getCurrentUser());
    const after = step2After(await step1After().getCurrentUser());
    expect(before.username).toBe(after.username);
    expect(before.credits).toBeCloseTo(Number(after.credits));
  });

  it("step 3: CVM fields read the same values before and after", async () => {
    const legacyPage = await step1Before().getCvmList({ page_size: 100 });
    const page = await step1After().getCvmList({ page_size: 100 });
    expect(legacyPage.total).toBe(page.total);
    expect(page.items.length).toBeGreaterThan(0);
    for (const [i, cvm] of page.items.entries()) {
      const before = step3Before(legacyPage.items[i]!);
      const after = step3After(cvm);
      expect(before.vcpu).toBe(after.vcpu);
      expect(before.memory).toBe(Math.round((after.memory ?? 0) * 1024));
      expect(before.region).toBe(after.region);
    }
  });
});
