import { describe, expect, it, vi } from "vitest";
import { APIUserAbortError, PhalaCloudError, RequestValidationError } from "../errors";
import { addComposeHash, safeAddComposeHash } from "./add-compose-hash";
import {
  OnchainError,
  OnchainEventMissingError,
  OnchainPrerequisiteError,
  OnchainRevertError,
  OnchainTimeoutError,
} from "./errors";
import {
  APP,
  CHAIN,
  composeHashAddedLog,
  fakeChain,
  HASH,
  KMS,
  receiptOf,
  SENDER,
  TX,
} from "./onchain.test-support";
import type { OnchainTransactionStatus } from "./types";

const base = (clients: ReturnType<typeof fakeChain>) => ({
  kmsContractAddress: KMS,
  appId: APP,
  composeHash: HASH,
  ...clients,
});

describe("addComposeHash through the caller's clients", () => {
  it("checks the owner, sends addComposeHash(bytes32) to the app contract, reads the event", async () => {
    const clients = fakeChain();
    const result = await addComposeHash(base(clients));
    expect(result).toEqual({
      composeHash: HASH,
      appId: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
      appAuthAddress: result.appId,
      transactionHash: TX,
      blockNumber: 7n,
      gasUsed: 21_000n,
    });
    expect(result.appId.toLowerCase()).toBe(APP);
    expect(clients.publicClient.readContract).toHaveBeenCalledWith(
      expect.objectContaining({ address: APP, functionName: "owner" }),
    );
    expect(clients.walletClient.writeContract).toHaveBeenCalledWith(
      expect.objectContaining({
        address: APP,
        functionName: "addComposeHash",
        args: [HASH],
        chain: null,
      }),
    );
    expect(clients.publicClient.waitForTransactionReceipt).toHaveBeenCalledWith({
      hash: TX,
      confirmations: 1,
      timeout: 120_000,
    });
  });

  it("takes the app id and hash without 0x, in any case", async () => {
    const clients = fakeChain();
    const result = await addComposeHash({
      ...base(clients),
      appId: APP.slice(2).toUpperCase(),
      composeHash: HASH.slice(2).toUpperCase(),
    });
    expect(result.composeHash).toBe(HASH);
    expect(clients.walletClient.writeContract.mock.calls[0]![0]).toMatchObject({
      address: APP,
      args: [HASH],
    });
  });

  it("passes the chain given to the wallet, and checks the wallet is on it", async () => {
    const clients = fakeChain({ walletChainId: 8453 });
    const error = await addComposeHash({ ...base(clients), chain: CHAIN }).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainPrerequisiteError);
    expect(error).toMatchObject({ check: "chain", endpoint: "addComposeHash", chainId: 31337 });
    expect(error.message).toContain("chain 8453");
    expect(clients.walletClient.writeContract).not.toHaveBeenCalled();

    const ok = fakeChain();
    await addComposeHash({ ...base(ok), chain: CHAIN });
    expect(ok.walletClient.writeContract.mock.calls[0]![0]).toMatchObject({
      chain: expect.objectContaining({ id: 31337 }),
    });
  });

  it("refuses a sender that does not own the app contract, before sending", async () => {
    const clients = fakeChain({ owner: `0x${"99".repeat(20)}` });
    const error = await addComposeHash(base(clients)).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainPrerequisiteError);
    expect(error.check).toBe("owner");
    expect(error.message).toMatch(/is not the owner of the app contract/);
    expect(error.contractAddress).toBe(APP);
    expect(clients.walletClient.writeContract).not.toHaveBeenCalled();
  });

  it("names an app id where no contract answers owner()", async () => {
    const clients = fakeChain();
    clients.publicClient.readContract.mockRejectedValueOnce(
      Object.assign(new Error('The contract function "owner" returned no data ("0x").'), {
        name: "ContractFunctionZeroDataError",
      }),
    );
    const error = await addComposeHash(base(clients)).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainPrerequisiteError);
    expect(error.check).toBe("contract");
    expect(error.message).toContain("returned no data");
  });

  it("checks the balance against minBalance (0.001 ETH by default), unless skipped", async () => {
    const poor = fakeChain({ balance: 10n ** 14n });
    const error = await addComposeHash(base(poor)).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainPrerequisiteError);
    expect(error.check).toBe("balance");
    expect(error.message).toContain("0.0001 ETH, less than minBalance 0.001 ETH");

    await expect(addComposeHash({ ...base(poor), minBalance: "0.0001" })).resolves.toBeDefined();
    const skipped = fakeChain({ balance: 0n, walletChainId: 1 });
    await expect(
      addComposeHash({ ...base(skipped), skipPrerequisiteChecks: true }),
    ).resolves.toBeDefined();
    expect(skipped.publicClient.getBalance).not.toHaveBeenCalled();
    expect(skipped.walletClient.getChainId).toHaveBeenCalledTimes(1); // the chain id, not a check
  });

  it("reports each state, the hash and the receipt to the callbacks", async () => {
    const clients = fakeChain();
    const states: OnchainTransactionStatus[] = [];
    const submitted = vi.fn();
    const confirmed = vi.fn(() => {
      throw new Error("a callback's own failure");
    });
    await addComposeHash({
      ...base(clients),
      onTransactionStateChange: (status) => states.push(status),
      onTransactionSubmitted: submitted,
      onTransactionConfirmed: confirmed,
    });
    expect(states.map((s) => s.state)).toEqual(["submitting", "pending", "success"]);
    expect(states[1]).toMatchObject({ hash: TX, startTime: expect.any(Number) });
    expect(states[2]?.receipt?.transactionHash).toBe(TX);
    expect(submitted).toHaveBeenCalledWith(TX);
    expect(confirmed).toHaveBeenCalledWith(expect.objectContaining({ transactionHash: TX }));
  });

  it("is a revert error when the contract refuses, sent or simulated", async () => {
    const simulated = fakeChain();
    simulated.walletClient.writeContract.mockRejectedValueOnce(
      Object.assign(new Error("Missing or invalid parameters."), {
        name: "ContractFunctionExecutionError",
        cause: Object.assign(new Error("RPC Request failed."), {
          data: { reason: "compose hash already allowed", message: "revert" },
        }),
      }),
    );
    const refused = await addComposeHash(base(simulated)).catch((e) => e);
    expect(refused).toBeInstanceOf(OnchainRevertError);
    expect(refused.reason).toBe("compose hash already allowed");
    expect(refused.transactionHash).toBeUndefined();

    const mined = fakeChain({ receipt: receiptOf([], "reverted") });
    const reverted = await addComposeHash(base(mined)).catch((e) => e);
    expect(reverted).toBeInstanceOf(OnchainRevertError);
    expect(reverted.transactionHash).toBe(TX);
    expect(reverted.message).toContain("reverted on-chain");
  });

  it("accepts a receipt without the event only when the contract allows the hash", async () => {
    const silent = fakeChain({ receipt: receiptOf([]) });
    const error = await addComposeHash(base(silent)).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainEventMissingError);
    expect(error).toMatchObject({ event: "ComposeHashAdded", transactionHash: TX });

    const otherHash = fakeChain({
      receipt: receiptOf([composeHashAddedLog(`0x${"00".repeat(32)}`)]),
    });
    await expect(addComposeHash(base(otherHash))).rejects.toBeInstanceOf(OnchainEventMissingError);
    const fromElsewhere = fakeChain({ receipt: receiptOf([composeHashAddedLog(HASH, KMS)]) });
    await expect(addComposeHash(base(fromElsewhere))).rejects.toBeInstanceOf(
      OnchainEventMissingError,
    );

    const allowed = fakeChain({ receipt: receiptOf([]), allowed: true });
    await expect(addComposeHash(base(allowed))).resolves.toMatchObject({ transactionHash: TX });
  });

  it("gives up waiting after timeout ms: the hash is known, the state is timeout", async () => {
    const clients = fakeChain();
    clients.publicClient.waitForTransactionReceipt.mockImplementation(() => new Promise(() => {}));
    const states: string[] = [];
    const error = await addComposeHash({
      ...base(clients),
      timeout: 30,
      onTransactionStateChange: (status) => states.push(status.state),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainTimeoutError);
    expect(error).toMatchObject({ timeout: 30, transactionHash: TX });
    expect(states.at(-1)).toBe("timeout");
    // viem's own timeout error says the same.
    const viemTimeout = fakeChain();
    viemTimeout.publicClient.waitForTransactionReceipt.mockRejectedValueOnce(
      Object.assign(new Error("Timed out"), { name: "WaitForTransactionReceiptTimeoutError" }),
    );
    await expect(addComposeHash(base(viemTimeout))).rejects.toBeInstanceOf(OnchainTimeoutError);
  });

  it("stops at the caller's abort, before sending or while waiting", async () => {
    const before = fakeChain();
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      addComposeHash({ ...base(before), signal: aborted.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(before.walletClient.writeContract).not.toHaveBeenCalled();

    const waiting = fakeChain();
    waiting.publicClient.waitForTransactionReceipt.mockImplementation(() => new Promise(() => {}));
    const controller = new AbortController();
    const states: OnchainTransactionStatus[] = [];
    const call = addComposeHash({
      ...base(waiting),
      signal: controller.signal,
      onTransactionSubmitted: () => setTimeout(() => controller.abort(), 5),
      onTransactionStateChange: (status) => states.push(status),
    });
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    expect(states.at(-1)).toMatchObject({ state: "error", aborted: true, hash: TX });
  });

  it("retries a failed submission only when retryOptions asks, never a revert", async () => {
    const flaky = () => {
      const clients = fakeChain();
      clients.walletClient.writeContract
        .mockRejectedValueOnce(new Error("fetch failed"))
        .mockRejectedValueOnce(new Error("fetch failed"));
      return clients;
    };
    const once = flaky();
    const error = await addComposeHash(base(once)).catch((e) => e);
    expect(error).toBeInstanceOf(OnchainError);
    expect(error.message).toContain("Sending addComposeHash failed: fetch failed");
    expect(once.walletClient.writeContract).toHaveBeenCalledTimes(1);

    const retried = flaky();
    await expect(
      addComposeHash({ ...base(retried), retryOptions: { initialDelay: 1, maxDelay: 2 } }),
    ).resolves.toMatchObject({ transactionHash: TX });
    expect(retried.walletClient.writeContract).toHaveBeenCalledTimes(3);

    const refused = fakeChain();
    refused.walletClient.writeContract.mockRejectedValue(
      Object.assign(new Error("execution reverted"), { name: "ContractFunctionRevertedError" }),
    );
    await expect(
      addComposeHash({ ...base(refused), retryOptions: { initialDelay: 1 } }),
    ).rejects.toBeInstanceOf(OnchainRevertError);
    expect(refused.walletClient.writeContract).toHaveBeenCalledTimes(1);

    const bounded = flaky();
    const condition = vi.fn(() => true);
    await expect(
      addComposeHash({
        ...base(bounded),
        retryOptions: { maxRetries: 1, initialDelay: 0, retryCondition: condition },
      }),
    ).rejects.toBeInstanceOf(OnchainError);
    expect(bounded.walletClient.writeContract).toHaveBeenCalledTimes(2);
    expect(condition).toHaveBeenCalledWith(expect.objectContaining({ message: "fetch failed" }));
  });

  it("safeAddComposeHash resolves the data or the SDK's error", async () => {
    const ok = await safeAddComposeHash(base(fakeChain()));
    expect(ok).toMatchObject({ success: true, data: { transactionHash: TX } });
    const failed = await safeAddComposeHash(base(fakeChain({ owner: KMS })));
    expect(failed.success).toBe(false);
    expect(failed.error).toBeInstanceOf(PhalaCloudError);
    expect(failed.error).toBeInstanceOf(OnchainPrerequisiteError);
    const invalid = await safeAddComposeHash({ ...base(fakeChain()), appId: "0x12" });
    expect(invalid.error).toBeInstanceOf(RequestValidationError);
  });

  it("uses the wallet's account as the sender", async () => {
    const clients = fakeChain({ owner: SENDER });
    await expect(addComposeHash(base(clients))).resolves.toBeDefined();
    expect(clients.publicClient.getBalance).toHaveBeenCalledWith({
      address: expect.stringMatching(new RegExp(SENDER.slice(2), "i")),
    });
  });
});
