import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../errors";
import { addComposeHash } from "./add-compose-hash";
import { addDevice } from "./add-device";
import { checkComposeHashAllowed } from "./check-compose-hash-allowed";
import { deployAppAuth } from "./deploy-app-auth";
import { APP, CHAIN, fakeChain, HASH, KMS, PRIVATE_KEY, SENDER } from "./onchain.test-support";
import { setAllowAnyDevice } from "./set-allow-any-device";

/** The issues of the RequestValidationError a call rejects with, by path. */
async function issuesOf(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestValidationError);
  const { issues, endpoint } = error as RequestValidationError;
  expect(endpoint).toBeTruthy();
  return Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
}

// Each call is made through clients that fail the test if touched: a wrong
// argument is refused before viem is loaded or anything is sent.
function untouchedClients() {
  const clients = fakeChain();
  for (const client of [clients.publicClient, clients.walletClient]) {
    for (const value of Object.values(client)) {
      if (typeof value === "function" && "mockImplementation" in value) {
        value.mockImplementation(() => {
          throw new Error("a client was called");
        });
      }
    }
  }
  return clients;
}

const any = (args: unknown) => args as never;

describe("the on-chain helpers refuse wrong arguments, naming each field", () => {
  it("exactly one of privateKey and walletClient", async () => {
    const clients = untouchedClients();
    expect(
      await issuesOf(
        addComposeHash(any({ appId: APP, composeHash: HASH, privateKey: PRIVATE_KEY, ...clients })),
      ),
    ).toEqual({ walletClient: "give privateKey or walletClient, not both" });
    expect(
      await issuesOf(addComposeHash(any({ appId: APP, composeHash: HASH, chain: CHAIN }))),
    ).toEqual({ privateKey: "required: give privateKey or walletClient" });
  });

  it("a compose hash of 32 bytes, an app id of 20, a KMS address of 20", async () => {
    const clients = untouchedClients();
    const issues = await issuesOf(
      addComposeHash({
        ...clients,
        kmsContractAddress: "0x1234",
        appId: `${APP}00`,
        composeHash: HASH.slice(0, -2),
      }),
    );
    expect(issues).toEqual({
      kmsContractAddress: expect.stringMatching(/^expected an address: 40 hex digits/),
      appId: expect.stringMatching(/^expected an address/),
      composeHash: "expected 32 bytes of hex: 64 hex digits, with or without 0x",
    });
    expect(
      await issuesOf(
        addComposeHash(any({ ...clients, appId: APP, composeHash: `0x${"zz".repeat(32)}` })),
      ),
    ).toHaveProperty("composeHash");
    expect(
      await issuesOf(
        deployAppAuth(any({ ...clients, kmsContractAddress: null, deviceId: "0xabc" })),
      ),
    ).toEqual({
      kmsContractAddress: expect.stringMatching(/^expected an address/),
      deviceId: expect.stringMatching(/^expected 32 bytes/),
    });
  });

  it("a private key of 32 bytes, never quoted", async () => {
    const short = PRIVATE_KEY.slice(0, -2);
    const error = await addComposeHash({
      chain: CHAIN,
      appId: APP,
      composeHash: HASH,
      privateKey: short,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.issues).toEqual([
      { path: "privateKey", message: expect.stringMatching(/^expected a private key/) },
    ]);
    expect(error.message).not.toContain(short.slice(2));
    expect(JSON.stringify(error)).not.toContain(short.slice(2));
  });

  it("a node to reach: chain or rpcUrl, unless both clients are given", async () => {
    expect(
      await issuesOf(addComposeHash({ appId: APP, composeHash: HASH, privateKey: PRIVATE_KEY })),
    ).toEqual({ chain: "required unless rpcUrl is given, or the clients are" });
    const { walletClient } = untouchedClients();
    expect(await issuesOf(addComposeHash({ appId: APP, composeHash: HASH, walletClient }))).toEqual(
      { chain: "required unless rpcUrl is given, or the clients are" },
    );
    const noRpc = { ...CHAIN, rpcUrls: { default: { http: [] } } };
    expect(
      await issuesOf(
        addComposeHash({ appId: APP, composeHash: HASH, privateKey: PRIVATE_KEY, chain: noRpc }),
      ),
    ).toEqual({ rpcUrl: expect.stringMatching(/the chain names no RPC URL/) });
    expect(
      await issuesOf(
        addComposeHash(
          any({
            appId: APP,
            composeHash: HASH,
            privateKey: PRIVATE_KEY,
            rpcUrl: "ws://x",
            chain: { id: 0 },
          }),
        ),
      ),
    ).toEqual({
      rpcUrl: "expected an http or https URL",
      chain: expect.stringMatching(/^expected a chain/),
    });
  });

  it("the options: minBalance, timeout, retryOptions, signal, callbacks, flags", async () => {
    const clients = untouchedClients();
    const issues = await issuesOf(
      addComposeHash(
        any({
          ...clients,
          appId: APP,
          composeHash: HASH,
          minBalance: "1e-3",
          timeout: 0,
          retryOptions: { maxRetries: -1, backoffFactor: 0.5, retryCondition: "yes", jitter: 1 },
          signal: {},
          onTransactionSubmitted: "log",
          skipPrerequisiteChecks: "no",
        }),
      ),
    );
    expect(issues).toEqual({
      minBalance: 'expected an amount of ETH as a decimal string, e.g. "0.001"',
      timeout: "expected a number >= 1",
      "retryOptions.maxRetries": "expected a number >= 0",
      "retryOptions.backoffFactor": "expected a number >= 1",
      "retryOptions.retryCondition": "expected a function",
      "retryOptions.jitter": "unknown option",
      signal: "expected an AbortSignal",
      onTransactionSubmitted: "expected a function",
      skipPrerequisiteChecks: "expected a boolean",
    });
  });

  it("clients that lack what the helper calls, a wallet without an account", async () => {
    const issues = await issuesOf(
      addComposeHash(
        any({
          appId: APP,
          composeHash: HASH,
          walletClient: {},
          publicClient: { readContract() {} },
        }),
      ),
    );
    expect(issues.walletClient).toMatch(
      /^expected a wallet client \(with getChainId, writeContract\)/,
    );
    expect(issues.publicClient).toMatch(/^expected a public client/);
    const { publicClient } = untouchedClients();
    const noAccount = { getChainId: async () => 1, writeContract: async () => SENDER };
    expect(
      await issuesOf(
        addComposeHash(
          any({ appId: APP, composeHash: HASH, walletClient: noAccount, publicClient }),
        ),
      ),
    ).toEqual({ walletClient: "expected a wallet client with an account (the sender)" });
  });

  it("unknown or misspelt arguments, and no object at all", async () => {
    const clients = untouchedClients();
    expect(
      await issuesOf(addComposeHash(any({ ...clients, appID: APP, composeHash: HASH }))),
    ).toEqual({ appId: expect.any(String), appID: "unknown argument" });
    expect(await issuesOf(addComposeHash(any(undefined)))).toMatchObject({
      "": "expected an object of arguments",
    });
  });

  it("the device helpers' and read helpers' own fields", async () => {
    const clients = untouchedClients();
    expect(await issuesOf(addDevice(any({ ...clients, appAddress: APP, deviceId: "x" })))).toEqual({
      deviceId: expect.stringMatching(/^expected 32 bytes/),
    });
    expect(await issuesOf(setAllowAnyDevice(any({ ...clients, appAddress: KMS })))).toEqual({
      allow: "expected a boolean",
    });
    expect(
      await issuesOf(checkComposeHashAllowed(any({ appAddress: APP, composeHash: HASH }))),
    ).toEqual({ chain: "required unless rpcUrl is given, or the clients are" });
  });
});
