import { APP_AUTH_ABI } from "./abi";
import { failureContext, type TransactionContext } from "./context";
import { OnchainPrerequisiteError } from "./errors";
import { errorOptions, failureText, onchainFailure } from "./failures";
import type { Hex } from "./types";

/**
 * The checks `skipPrerequisiteChecks` skips: the wallet is on the chain the
 * transaction is for, and the sender has at least `minBalance` ETH.
 */
export async function checkWalletPrerequisites(context: TransactionContext): Promise<void> {
  const { connection, settings, viem } = context;
  const where = failureContext(context);
  let walletChainId: number;
  let balance: bigint;
  try {
    walletChainId = await connection.walletClient.getChainId();
    balance = await connection.publicClient.getBalance({ address: connection.sender });
  } catch (error) {
    throw onchainFailure(error, "Reading the wallet's chain and balance", where);
  }
  if (walletChainId !== connection.chainId) {
    throw new OnchainPrerequisiteError(
      "chain",
      `The wallet is on chain ${walletChainId}, not on chain ${connection.chainId} the transaction is for`,
      errorOptions(where),
    );
  }
  const minimum = viem.parseEther(settings.minBalance);
  if (balance < minimum) {
    throw new OnchainPrerequisiteError(
      "balance",
      `The sender ${connection.sender} has ${viem.formatEther(balance)} ETH, less than minBalance ${settings.minBalance} ETH`,
      errorOptions(where),
    );
  }
}

/** There is a contract at `address` (the KMS contract), or nothing is sent. */
export async function requireContract(
  context: TransactionContext,
  address: Hex,
  what: string,
): Promise<void> {
  const where = failureContext(context, { contractAddress: address });
  let code: Hex | undefined;
  try {
    code = await context.connection.publicClient.getCode({ address });
  } catch (error) {
    throw onchainFailure(error, `Reading the code at ${what} ${address}`, where);
  }
  if (!code || code === "0x") {
    throw new OnchainPrerequisiteError(
      "contract",
      `No contract at ${what} ${address} on chain ${context.connection.chainId}`,
      errorOptions(where),
    );
  }
}

/**
 * The sender owns the app contract at `appAddress` (its `owner()`): checked
 * before sending, so a call the contract would refuse costs no gas.
 */
export async function requireAppOwner(context: TransactionContext, appAddress: Hex): Promise<void> {
  const { connection } = context;
  const where = failureContext(context, { contractAddress: appAddress });
  let owner: unknown;
  try {
    owner = await connection.publicClient.readContract({
      address: appAddress,
      abi: APP_AUTH_ABI,
      functionName: "owner",
    });
  } catch (error) {
    throw new OnchainPrerequisiteError(
      "contract",
      `Could not read owner() of the app contract ${appAddress} on chain ${connection.chainId}: ${failureText(error, where)}`,
      errorOptions(where, error),
    );
  }
  if (typeof owner !== "string" || owner.toLowerCase() !== connection.sender.toLowerCase()) {
    throw new OnchainPrerequisiteError(
      "owner",
      `The sender ${connection.sender} is not the owner of the app contract ${appAddress} (its owner is ${String(owner)})`,
      errorOptions(where),
    );
  }
}
