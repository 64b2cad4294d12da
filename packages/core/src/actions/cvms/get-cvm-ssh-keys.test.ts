import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import { getCvmSshKeys, safeGetCvmSshKeys } from "./get-cvm-ssh-keys";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead("getCvmSshKeys", getCvmSshKeys, safeGetCvmSshKeys, "/ssh-keys", () => ({
  keys: [
    {
      id: "sshkey_1",
      owner_user_id: "usr_alice",
      owner_username: "alice",
      added_by_user_id: "usr_bob",
      name: "laptop",
      public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA laptop",
      fingerprint: "SHA256:abc",
      key_type: "ssh-ed25519",
    },
  ],
  restart_required: true,
}));
