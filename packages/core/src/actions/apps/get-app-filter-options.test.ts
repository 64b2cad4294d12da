import { describe, expect, it } from "vitest";
import { TEST_BASE_URL } from "../../test-utils";
import { setup } from "./apps.test-support";
import { getAppFilterOptions } from "./get-app-filter-options";

describe("getAppFilterOptions", () => {
  it("GET /apps/filter-options", async () => {
    const options = {
      statuses: [],
      image_versions: [],
      instance_types: [],
      kms_slugs: [],
      kms_types: [],
      regions: [],
      nodes: ["prod5"],
    };
    const { client, call } = setup(options);
    expect(await getAppFilterOptions(client)).toEqual(options);
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/filter-options`);
  });
});
