// biome-ignore-all lint/correctness/noUnusedVariables: README examples name the results they show
// Generated from README.md by apps/integration/src/readme/generate.mjs: do not edit.
// README.md ## Every resource (line 298, 309, 316, 326, 354, 411, 429, 438, 501, 510)
import {
  createClient,
  encryptEnvVars,
  getAppList,
  getCvmList,
  listWorkspaces,
  paginate,
} from "@phala/cloud";

export async function run(): Promise<void> {
  // README.md:298 ### SSH keys
  const client = createClient({ apiKey: "your-api-key" });
  const imported = await client.importGithubProfileSshKeys({ github_username: "octocat" });
  const keys = await client.listSshKeys();
  await client.deleteSshKey({ keyId: keys[0]!.id });

  // README.md:309 ### Workspaces
  const { data, pagination } = await client.listWorkspaces({ limit: 20 }); // cursor pages
  const quotas = await client.getWorkspaceQuotas({ teamSlug: data[0]!.slug! });

  // README.md:316 ### Capacity
  const available = await client.getAvailableNodes();
  const families = await client.listAllInstanceTypeFamilies();
  const images = await client.getAvailableOsImages({ name: "oracle-us-west" }); // what this CVM can move to
  // nodes with free resources, OS images, KMS, gateways, instance types: one answer
  const resources = await client.getCvmCreateResources();

  // README.md:326 ### KMS and encrypted environment variables
  const kmsList = await client.getKmsList({ is_onchain: false });
  const [next] = (await client.nextAppIds()).app_ids;
  const { public_key } = await client.getAppEnvEncryptPubKey({
    kms: kmsList.items[0]!.slug!,
    app_id: next!.app_id,
  });
  const encrypted_env = await encryptEnvVars([{ key: "API_TOKEN", value: "s3cr3t" }], public_key);

  // KMS contracts (API version 2026-06-23): sent as 2026-06-23 from any client
  const contracts = await client.listKmsContracts({ is_onchain: false });
  const phala = await client.getKmsContract({ slug: contracts.items[0]!.id }); // kc_... id or slug
  const { items: replicas } = await client.listKmsContractNodes({ slug: phala.id });

  // README.md:354 ### Creating a CVM (two phases)
  const provision = await client.provisionCvm({
    name: "hello-tee",
    instance_type: "tdx.small",
    compose_file: {
      docker_compose_file: "services:\n  web:\n    image: nginx:1.27-alpine\n",
      allowed_envs: ["API_TOKEN"],
    },
    env_keys: ["API_TOKEN"],
  });
  const vm = await client.commitCvmProvision({
    app_id: provision.app_id!,
    compose_hash: provision.compose_hash,
    encrypted_env: await encryptEnvVars(
      [{ key: "API_TOKEN", value: "s3cr3t" }],
      provision.app_env_encrypt_pubkey!,
    ),
    env_keys: ["API_TOKEN"],
  });
  const state = await client.watchCvmState({
    name: "hello-tee",
    target: "running",
    interval: 5,
    timeout: 300,
  });

  // README.md:411 ### CVM lifecycle
  const id = { name: "hello-tee" };
  // PATCH /cvms/{id}; 202 with the operation's correlation id
  const { correlation_id } = await client.updateCvmResources({
    ...id,
    instance_type: "tdx.medium",
    allow_restart: true,
  });
  await client.stopCvm(id);
  const again = await client.safeStopCvm(id); // { success: false, error: ConflictError (409) }
  // PATCH /cvms/{id}/name renames by the cvm_... hashid only; 204, 400 if the name is taken
  const { id: hashid } = await client.getCvmInfo(id);
  await client.renameCvm({ id: hashid, name: "hello-tee-2" });
  await client.deleteCvm({ id: hashid }); // 204; getCvmInfo({ id: hashid }) now throws NotFoundError

  // README.md:429 ### CVM reads
  const cvmState = await client.getCvmState({ name: "cvm-abc123" });
  const stats = await client.getCvmStats({ name: "cvm-abc123" });
  const yaml = await client.getCvmDockerCompose({ name: "cvm-abc123" }); // a string
  const attestation = await client.getCvmAttestation({ name: "cvm-abc123" });

  // README.md:438 ### CVM updates and the on-chain (HTTP 465) path
  const yaml2 = "services:\n  web:\n    image: nginx:1.28-alpine\n";
  const result = await client.patchCvm({ name: "oracle-us-west", docker_compose_file: yaml2 });
  if (result.status === "precondition_required") {
    // register result.compose_hash in the app contract (result.kms_info.chain_id), then:
    await client.confirmCvmPatch({
      name: "oracle-us-west",
      composeHash: result.compose_hash,
      transactionHash: "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", // the registering transaction
    });
  }

  // README.md:501 ### Apps
  const appId = "d9c80774fdfb97076c7d21cac0c4b8e8acebf384";
  const { revisions } = await client.getAppRevisions({ appId, page_size: 10 });
  const filters = await client.getAppFilterOptions();
  const allowed = await client.checkCvmIsAllowed({ name: "oracle-ap" });

  // README.md:510 ### Pagination
  for await (const cvm of paginate(getCvmList, client, { page_size: 50 })) console.log(cvm.name);
  const apps = await paginate(getAppList, client).toArray({ limit: 100 });
  const workspaces = await paginate(listWorkspaces, client, { limit: 20 }).toArray(); // cursor
}
