// Shared by the tests of this folder's actions: a client answering one reply, and
// the instance type both instance-type lists return.
import { createBaseClient } from "../../client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";

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

export const instanceType = {
  id: "tdx.small",
  name: "tdx.small",
  description: "1 vCPU, 2 GB",
  vcpu: 1,
  memory_mb: 2048,
  hourly_rate: "0.058",
  requires_gpu: false,
  family: "cpu",
};
