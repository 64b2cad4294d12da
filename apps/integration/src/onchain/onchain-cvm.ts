// A running CVM of an on-chain-KMS app whose auth contract is on the local
// chain: provisioned on the mock's Base KMS, its contract deployed with
// deployAppAuth (the owner key), committed, and watched until it runs.
import { type DeployAppAuth, deployAppAuth, type PhalaCloudClient } from "@phala/cloud";
import { SEED } from "@phala/cloud-mock-api";
import { KEYS, type LocalChain } from "./local-chain";

/** A compose file of one service. */
export const composeFile = (image: string) =>
  `services:\n  oracle:\n    image: ${image}\n    ports:\n      - "8080:8080"\n`;

/** The same hash, with or without `0x`, in any case. */
export const sameHash = (a: string, b: string) =>
  a.replace(/^0x/i, "").toLowerCase() === b.replace(/^0x/i, "").toLowerCase();

export interface OnchainCvm {
  id: { name: string };
  deployed: DeployAppAuth;
}

export async function startOnchainCvm(
  client: PhalaCloudClient,
  local: LocalChain,
  name: string,
): Promise<OnchainCvm> {
  const id = { name };
  const provision = await client.provisionCvm({
    name,
    instance_type: "tdx.small",
    kms_id: SEED.kms.base.id,
    compose_file: { docker_compose_file: composeFile("oracle:1") },
  });
  const deployed = await deployAppAuth({
    chain: local.chain,
    rpcUrl: local.url,
    privateKey: KEYS.owner,
    kmsContractAddress: local.kms,
    deviceId: provision.device_id,
    composeHash: provision.compose_hash,
  });
  await client.commitCvmProvision({
    app_id: deployed.appId,
    compose_hash: provision.compose_hash,
    kms_id: provision.kms_id!,
    contract_address: deployed.appAuthAddress,
    deployer_address: deployed.deployer,
  });
  await client.watchCvmState({ ...id, target: "running", interval: 5, timeout: 600 });
  return { id, deployed };
}
