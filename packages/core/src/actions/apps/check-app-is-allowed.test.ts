import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../errors";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { isAllowed, setup } from "./apps.test-support";
import { checkAppIsAllowed } from "./check-app-is-allowed";

describe("checkAppIsAllowed", () => {
  it("its POST path and body", async () => {
    const app = setup(isAllowed);
    await checkAppIsAllowed(app.client, {
      appId: APP_HEX,
      compose_hash: "ab".repeat(32),
      chain_id: 1,
    });
    expect(app.call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/is-allowed`);
    expect(app.call().body).toEqual({ compose_hash: "ab".repeat(32), chain_id: 1 });
  });

  it("refuses a missing compose_hash and sends nothing", async () => {
    const { client, fake } = setup({});
    await expect(checkAppIsAllowed(client, { appId: APP_HEX } as never)).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(fake.calls).toHaveLength(0);
  });
});
