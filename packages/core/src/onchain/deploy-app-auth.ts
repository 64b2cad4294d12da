import { KMS_AUTH_ABI } from "./abi";
import { ZERO_BYTES32 } from "./args";
import { failureContext } from "./context";
import { OnchainEventMissingError } from "./errors";
import { errorOptions } from "./failures";
import { requireContract } from "./prerequisites";
import { runTransaction, safeOnchain } from "./run-onchain";
import { sendTransaction } from "./send-transaction";
import type { OnchainSigner, OnchainTransactionOptions, OnchainTransactionResult } from "./types";

/** The arguments of `deployAppAuth`: the KMS contract, the first device and hash, who signs. */
export type DeployAppAuthArgs = OnchainTransactionOptions &
  OnchainSigner & {
    /** The KMS contract that deploys and registers the app contract (`kms_info.kms_contract_address`). */
    kmsContractAddress: string | null | undefined;
    /**
     * The one device allowed at first (a provision's `device_id`): 64 hex digits.
     * Default: none (32 zero bytes). A device given turns `allowAnyDevice` off.
     */
    deviceId?: string | null;
    /** The compose hash allowed at first (a provision's `compose_hash`). Default: none (32 zero bytes). */
    composeHash?: string | null;
    /** Allow any device (ignored, and off, when a `deviceId` is given). Default `false`. */
    allowAnyDevice?: boolean;
    /** Deploy the contract without its upgrade path. Default `false`. */
    disableUpgrades?: boolean;
  };

/** What `deployAppAuth` resolves: the app id (the new contract's address) and its deployer. */
export interface DeployAppAuth extends OnchainTransactionResult {
  /** The app id: `commitCvmProvision`'s `app_id`. */
  appId: string;
  /** The deployed app contract's address (the app id): `commitCvmProvision`'s `contract_address`. */
  appAuthAddress: string;
  /** The sender, the contract's owner: `commitCvmProvision`'s `deployer_address`. */
  deployer: string;
}

const NAME = "deployAppAuth";

/**
 * Deploys an app's auth contract through its KMS contract: the transaction
 * `deployAndRegisterApp(deployer, disableUpgrades, allowAnyDevice, deviceId,
 * composeHash)` on `kmsContractAddress`, the sender as deployer and owner. The
 * app id is the new contract's address, read from the receipt's
 * `AppDeployedViaFactory` event; commit the provision of an on-chain-KMS CVM
 * with it. Checks that the KMS address holds a contract, and the wallet's chain
 * and balance unless `skipPrerequisiteChecks`.
 *
 * Needs viem (an optional peer dependency), imported at the first call.
 */
export function deployAppAuth(args: DeployAppAuthArgs): Promise<DeployAppAuth> {
  return runTransaction(
    NAME,
    args,
    (input) => {
      const deviceId = input.bytes32("deviceId", ZERO_BYTES32);
      const allowAnyDevice = input.boolean("allowAnyDevice") ?? false;
      return {
        kms: input.address("kmsContractAddress", true),
        deviceId,
        composeHash: input.bytes32("composeHash", ZERO_BYTES32),
        // A device named is the one allowed: any device would make it moot.
        allowAnyDevice: deviceId === ZERO_BYTES32 ? allowAnyDevice : false,
        disableUpgrades: input.boolean("disableUpgrades") ?? false,
      };
    },
    async (context, own) => {
      await requireContract(context, own.kms, "the KMS contract address");
      const deployer = context.connection.sender;
      const receipt = await sendTransaction(context, {
        address: own.kms,
        abi: KMS_AUTH_ABI,
        functionName: "deployAndRegisterApp",
        args: [deployer, own.disableUpgrades, own.allowAnyDevice, own.deviceId, own.composeHash],
      });
      const event = context.viem
        .parseEventLogs({
          abi: KMS_AUTH_ABI,
          logs: receipt.logs,
          eventName: "AppDeployedViaFactory",
        })
        .find((found) => found.address.toLowerCase() === own.kms);
      const appId = event?.args.appId;
      if (typeof appId !== "string") {
        throw new OnchainEventMissingError(
          "AppDeployedViaFactory",
          `Transaction ${receipt.transactionHash} was mined, but the KMS contract ${own.kms} emitted no AppDeployedViaFactory event: no app contract was deployed`,
          errorOptions(
            failureContext(context, {
              contractAddress: own.kms,
              transactionHash: receipt.transactionHash,
            }),
          ),
        );
      }
      const address = context.viem.getAddress(appId);
      return {
        appId: address,
        appAuthAddress: address,
        deployer: context.viem.getAddress(deployer),
        transactionHash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
        gasUsed: receipt.gasUsed,
      };
    },
  );
}

/** `deployAppAuth` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeDeployAppAuth = /* @__PURE__ */ safeOnchain(NAME, deployAppAuth);
