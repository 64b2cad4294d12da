import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { currentUserV20260121 } from "../../test-utils";
import { setup, validationError } from "../apps/apps.test-support";
import { getCurrentUser } from "./get-current-user";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getCurrentUser: the response", () => {
  it("an unknown user role is accepted and returned", async () => {
    const body = currentUserV20260121();
    body.user.role = "owner";
    const { client } = setup(body);
    const me = await getCurrentUser(client);
    expect(me.user.role).toBe("owner");
  });

  it("a 2026 user body sent to a 2025-10-28 client is rejected, naming that version", async () => {
    const { client } = setup(currentUserV20260121(), "2025-10-28");
    const error = await validationError(getCurrentUser(client));
    expect(error.apiVersion).toBe("2025-10-28");
    expect(error.endpoint).toBe("getCurrentUser");
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["username", "team_name"]),
    );
  });
});
