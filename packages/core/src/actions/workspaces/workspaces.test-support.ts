// Shared by the tests of this folder's actions: a client answering one reply, and
// the workspace body more than one of them receives.
import { createBaseClient } from "../../client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import type { ApiVersion } from "../../versions";

/** A client (on `version`, the default one when omitted) whose fetch answers `reply`. */
export function setup(reply: Parameters<typeof fakeFetch>[0], version?: ApiVersion) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client };
}

export const workspace = {
  id: "ws_3f9a",
  name: "Acme",
  slug: "acme",
  avatar_url: null,
  description: null,
  tier: "pro",
  role: "owner",
  is_default: true,
  created_at: "2025-10-30T08:00:00Z",
  confidential_models_enabled: true,
  billing_status: "active",
  suspended_at: null,
};
