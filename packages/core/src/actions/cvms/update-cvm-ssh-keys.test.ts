import { afterEach, beforeEach, describe, it, vi } from "vitest";
import { bad, describeActionCall, refused } from "./cvms.test-support";
import { safeUpdateCvmSshKeys, updateCvmSshKeys } from "./update-cvm-ssh-keys";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const answer = {
  keys: [
    {
      id: "sshkey_1",
      owner_user_id: "usr_alice",
      owner_username: "alice",
      added_by_user_id: "usr_alice",
      name: "laptop",
      public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA laptop",
      fingerprint: "SHA256:abc",
      key_type: "ssh-ed25519",
    },
  ],
  restart_required: false,
};
const args = { id: "cvm_1", ssh_key_ids: ["sshkey_1"], usernames: ["bob"], apply_now: true };

describeActionCall({
  name: "updateCvmSshKeys",
  method: "PUT",
  path: "/cvms/cvm_1/ssh-keys",
  body: { ssh_key_ids: ["sshkey_1"], usernames: ["bob"], apply_now: true },
  reply: { body: answer },
  call: (c) => updateCvmSshKeys(c, args),
  safeCall: (c) => safeUpdateCvmSshKeys(c, args),
  expected: answer,
});

describe("argument checks (nothing sent)", () => {
  it.each([
    ["ssh_key_ids", { usernames: ["bob"] }],
    ["ssh_key_ids", { ssh_key_ids: "sshkey_1" }],
    ["ssh_key_ids", { ssh_key_ids: [" "] }],
    ["usernames", { ssh_key_ids: [], usernames: [7] }],
    ["apply_now", { ssh_key_ids: [], apply_now: 1 }],
    ["applyNow", { ssh_key_ids: [], applyNow: true }],
  ])("refuses a bad %s", async (field, extra) => {
    await refused((c) => updateCvmSshKeys(c, bad({ id: "cvm_1", ...extra })), field);
  });
});
