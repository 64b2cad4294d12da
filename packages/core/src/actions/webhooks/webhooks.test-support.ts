// Shared by the tests of this folder's actions: a client answering one reply, and
// the bodies the API answers with.
import { createBaseClient } from "../../client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";

export const WEBHOOK_ID = "wh_8Jq2mXc4";
export const SECRET = `whsec_${"3f".repeat(32)}`;

export function webhookBody(overrides: Record<string, unknown> = {}) {
  return {
    id: WEBHOOK_ID,
    url: "https://hooks.example.com/phala",
    secret: null,
    events: ["cvm.created", "cvm.stopped"],
    name: "deploys",
    enabled: true,
    created_at: "2026-03-19T10:30:00Z",
    updated_at: "2026-03-19T10:30:00Z",
    ...overrides,
  };
}

export function deliveryBody(overrides: Record<string, unknown> = {}) {
  return {
    snowflake_id: 7301234567890,
    event_id: "evt_a1b2c3d4e5f67890",
    event_type: "cvm.created",
    status: "success",
    attempts: 1,
    request_url: "https://hooks.example.com/phala",
    response_status: 200,
    error_message: "",
    duration_ms: 42,
    created_at: "2026-03-19T10:30:00Z",
    delivered_at: "2026-03-19T10:30:00Z",
    original_event_id: "",
    ...overrides,
  };
}

/** A client whose fetch answers `reply`. */
export function setup(reply: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
  });
  return { fake, client };
}

/** The API's 428: the account must confirm a second factor first. */
export const STEP_UP_REPLY = {
  status: 428,
  body: {
    detail: {
      message: "Step-up authentication required for this operation",
      details: [],
      suggestions: ["Verify your identity again (two-factor step-up), then repeat the request"],
      links: [],
    },
  },
};
