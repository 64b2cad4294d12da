import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { revision, setup } from "./apps.test-support";
import { getAppRevisionDetail } from "./get-app-revision-detail";

describe("getAppRevisionDetail", () => {
  it("GET /apps/{id}/revisions/{revision_id}?raw_compose_file", async () => {
    const { client, call } = setup({
      ...revision,
      compose_file: "{}",
      encrypted_env: "",
      user_config: "",
    });
    const result = await getAppRevisionDetail(client, {
      appId: APP_HEX,
      revisionId: "rev_1",
      rawComposeFile: true,
    });
    expect(call().url).toBe(
      `${TEST_BASE_URL}/apps/${APP_HEX}/revisions/rev_1?raw_compose_file=true`,
    );
    expect(result.compose_file).toBe("{}");
  });
});
