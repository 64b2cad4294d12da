// Shared by the tests of this folder's actions: a client answering one reply, and
// the SSH key the list and the create answer with.
import { createBaseClient } from "../../client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";

export const PUBLIC_KEY =
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@laptop";

export function sshKeyBody() {
  return {
    id: "sshkey_1a2b",
    user_id: "u_9f",
    name: "laptop",
    public_key: PUBLIC_KEY,
    fingerprint: "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
    key_type: "ssh-ed25519",
    source: "manual",
    key_metadata: null,
    last_synced_at: null,
    created_at: "2026-03-05T10:00:00Z",
    updated_at: "2026-03-05T10:00:00Z",
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
