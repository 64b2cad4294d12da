import { deterministicHex } from "../../internal/deterministic-hex";
import { type MockState, resourceState } from "../../model";

export type SshKeySource = "manual" | "github_profile" | "github_sync";

export interface MockSshKey {
  id: string;
  userId: number;
  name: string;
  publicKey: string;
  fingerprint: string;
  keyType: string;
  source: SshKeySource;
  /** The GitHub user the key came from, for imported and synced keys. */
  githubUsername: string | null;
  lastSyncedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One key as GitHub lists it: its title and the OpenSSH line. */
export interface FakeGithubKey {
  title: string;
  key: string;
}

export interface SshKeyState {
  keys: MockSshKey[];
  /** Mock data: the mock cannot reach GitHub, so it answers from this table. */
  github: Map<string, FakeGithubKey[]>;
  /** The GitHub account each user linked (user id -> GitHub user name). */
  linkedGithub: Map<number, string>;
  counter: number;
}

function sshString(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** A well-formed ed25519 public key line whose key bytes come from a label. */
export function fakeEd25519Key(label: string, comment: string): string {
  const type = new TextEncoder().encode("ssh-ed25519");
  const key = hexBytes(deterministicHex(`ssh-ed25519:${label}`, 64));
  const a = sshString(type);
  const b = sshString(key);
  const blob = new Uint8Array(a.length + b.length);
  blob.set(a);
  blob.set(b, a.length);
  return `ssh-ed25519 ${toBase64(blob)} ${comment}`;
}

function initialState(): SshKeyState {
  return {
    keys: [],
    github: new Map([
      [
        "octocat",
        [
          { title: "laptop", key: fakeEd25519Key("octocat:laptop", "octocat@laptop") },
          { title: "desktop", key: fakeEd25519Key("octocat:desktop", "octocat@desktop") },
          // GitHub serves keys the platform cannot parse now and then.
          { title: "broken", key: "ssh-ed25519 not-base64!" },
        ],
      ],
      [
        "alice-acme",
        [
          { title: "work", key: fakeEd25519Key("alice-acme:work", "alice@work") },
          { title: "yubikey", key: fakeEd25519Key("alice-acme:yubikey", "alice@yubikey") },
        ],
      ],
      ["no-keys", []],
    ]),
    // Alice linked her GitHub account; Bob and Carol did not.
    linkedGithub: new Map([[1001, "alice-acme"]]),
    counter: 0,
  };
}

/** The SSH key data of this server, created on first use. */
export function sshKeyState(state: MockState): SshKeyState {
  return resourceState(state, "ssh-keys", initialState);
}

export function newSshKeyId(keys: SshKeyState, userId: number): string {
  keys.counter += 1;
  return `sshkey_${deterministicHex(`sshkey:${userId}:${keys.counter}`, 16)}`;
}

const KEY_TYPES = new Set([
  "ssh-ed25519",
  "ssh-rsa",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "sk-ssh-ed25519@openssh.com",
  "sk-ecdsa-sha2-nistp256@openssh.com",
]);

export interface ParsedPublicKey {
  keyType: string;
  blob: Uint8Array<ArrayBuffer>;
  /** `type base64`, without the comment: what the fingerprint is over. */
  canonical: string;
}

/** Parses an OpenSSH public key line; a string saying what is wrong when it is not one. */
export function parsePublicKey(line: string): ParsedPublicKey | string {
  const parts = line.trim().split(/\s+/);
  const [keyType, data] = parts;
  if (!keyType || !data) return "expected '<type> <base64 key> [comment]'";
  if (!KEY_TYPES.has(keyType)) return `unsupported key type '${keyType}'`;
  let blob: Uint8Array<ArrayBuffer>;
  try {
    blob = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  } catch {
    return "the key is not valid base64";
  }
  // The blob starts with its own type as an SSH string; a mismatch means a pasted fragment.
  if (blob.length < 4) return "the key data is too short";
  const length = new DataView(blob.buffer).getUint32(0);
  const embedded = new TextDecoder().decode(blob.subarray(4, 4 + length));
  if (embedded !== keyType) return `the key data is not a ${keyType} key`;
  return { keyType, blob, canonical: `${keyType} ${data}` };
}

/** `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it. */
export async function sshFingerprint(blob: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", blob));
  return `SHA256:${toBase64(digest).replace(/=+$/, "")}`;
}
