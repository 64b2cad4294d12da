// One entry per SDK action: the calls whose requests are checked against the
// contract (a minimal one and one with every optional field the action takes),
// the operation they must reach, and the statuses whose generated bodies the
// SDK must accept. A test fails when an action has no entry, so a new action
// cannot skip the contract.

interface ActionCase {
  /** `METHOD /path` of the contract (or of an exception) this action calls. */
  operation: string;
  /** Each is one call; the first also answers the generated responses. */
  calls: unknown[];
  /** Statuses whose bodies are results (default: the operation's 2xx). */
  statuses?: string[];
  /**
   * Why a result does not carry every field of the body it came from: the
   * action turns the answer into something else (a 465 into its typed result).
   */
  reshapes?: string;
  /**
   * A document the caller writes back (the app compose, whose hash is the
   * compose hash): the result must equal the body as sent, unknown fields kept,
   * nothing added.
   */
  document?: true;
}

const HASH = `0x${"ab".repeat(32)}`;
const TX = `0x${"cd".repeat(32)}`;
const APP = "a".repeat(40);
const CVM = { id: "cvm_3kBf9XwQ" };
const VM_UUID = "8c6f1a2e5b3d4e7f9a1b2c3d4e5f6a7b";
const CHECKSUM = "9540fda5e6416c9d02bae726b146be58bee3caccfe7f874dbc68c808a13b1139";
const WEBHOOK = { webhookId: "wh_8Jq2mXc4" };

export const ACTION_CASES: Record<string, ActionCase> = {
  // Account and workspaces
  getCurrentUser: { operation: "GET /auth/me", calls: [undefined] },
  revokeCurrentApiToken: {
    operation: "DELETE /tokens/self",
    calls: [undefined],
    statuses: ["204"],
  },
  listWorkspaces: {
    operation: "GET /workspaces",
    calls: [undefined, { cursor: "c_1", limit: 50 }],
  },
  getWorkspace: { operation: "GET /workspaces/{team_slug}", calls: [{ teamSlug: "acme" }] },
  getWorkspaceNodes: {
    operation: "GET /workspaces/{team_slug}/nodes",
    calls: [{ teamSlug: "acme" }, { teamSlug: "acme", page: 2, pageSize: 100 }],
  },
  getWorkspaceQuotas: {
    operation: "GET /workspaces/{team_slug}/quotas",
    calls: [{ teamSlug: "acme" }],
  },

  // SSH keys
  listSshKeys: { operation: "GET /user/ssh-keys", calls: [undefined] },
  createSshKey: {
    operation: "POST /user/ssh-keys",
    calls: [{ name: "laptop", public_key: "ssh-ed25519 AAAAC3Nza laptop" }],
  },
  importGithubProfileSshKeys: {
    operation: "POST /user/ssh-keys/github-profile",
    calls: [{ github_username: "octocat" }],
  },
  syncGithubSshKeys: { operation: "POST /user/ssh-keys/github-sync", calls: [undefined] },
  deleteSshKey: { operation: "DELETE /user/ssh-keys/{key_id}", calls: [{ keyId: "sshk_1" }] },

  // Workspace webhooks
  listWebhooks: { operation: "GET /workspace/webhooks", calls: [undefined] },
  createWebhook: {
    operation: "POST /workspace/webhooks",
    calls: [
      { url: "https://hooks.example.com/phala", events: ["cvm.created"] },
      {
        url: "https://hooks.example.com/phala",
        events: ["cvm.created", "cvm.stopped"],
        name: "deploys",
        secret: "whsec_mine",
      },
    ],
  },
  getWebhook: { operation: "GET /workspace/webhooks/{webhook_id}", calls: [WEBHOOK] },
  updateWebhook: {
    operation: "PUT /workspace/webhooks/{webhook_id}",
    calls: [
      { ...WEBHOOK, enabled: false },
      {
        ...WEBHOOK,
        url: "https://hooks.example.com/v2",
        events: ["cvm.deleted"],
        name: "deploys",
        enabled: true,
      },
    ],
  },
  deleteWebhook: { operation: "DELETE /workspace/webhooks/{webhook_id}", calls: [WEBHOOK] },
  revealWebhookSecret: {
    operation: "POST /workspace/webhooks/{webhook_id}/reveal-secret",
    calls: [WEBHOOK],
  },
  rotateWebhookSecret: {
    operation: "POST /workspace/webhooks/{webhook_id}/rotate-secret",
    calls: [WEBHOOK],
  },
  testWebhook: { operation: "POST /workspace/webhooks/{webhook_id}/test", calls: [WEBHOOK] },
  listWebhookDeliveries: {
    operation: "GET /workspace/webhooks/{webhook_id}/deliveries",
    calls: [WEBHOOK, { ...WEBHOOK, limit: 20, offset: 40 }],
  },
  resendWebhookDelivery: {
    operation: "POST /workspace/webhooks/{webhook_id}/deliveries/{event_id}/resend",
    calls: [{ ...WEBHOOK, eventId: "evt_a1b2c3d4e5f67890" }],
  },
  getWebhookStats: { operation: "GET /workspace/webhooks/{webhook_id}/stats", calls: [WEBHOOK] },

  // Capacity
  getAvailableNodes: { operation: "GET /teepods/available", calls: [undefined] },
  listAllInstanceTypeFamilies: { operation: "GET /instance-types", calls: [undefined] },
  listFamilyInstanceTypes: {
    operation: "GET /instance-types/{family}",
    calls: [{ family: "cpu" }],
  },
  getOsImages: {
    operation: "GET /os-images",
    calls: [undefined, { page: 2, page_size: 50, is_dev: true }],
  },
  getCvmCreateResources: { operation: "GET /teepods/cvm-create-resources", calls: [undefined] },
  getAvailableOsImages: {
    operation: "GET /cvms/{cvm_id}/available-os-images",
    calls: [CVM],
  },

  // KMS
  getKmsList: {
    operation: "GET /kms",
    calls: [undefined, { page: 2, page_size: 50, is_onchain: true }],
  },
  getKmsInfo: { operation: "GET /kms/{kms_id}", calls: [{ kms_id: "kms_1" }] },
  getKmsOnChainDetail: { operation: "GET /kms/on-chain/{chain}", calls: [{ chain: "base" }] },
  nextAppIds: { operation: "GET /kms/phala/next_app_id", calls: [undefined, { counts: 3 }] },
  listKmsContracts: {
    operation: "GET /kms",
    calls: [undefined, { page: 2, page_size: 50, is_onchain: true }],
  },
  getKmsContract: { operation: "GET /kms/{kms_id}", calls: [{ slug: "phala" }] },
  listKmsContractNodes: { operation: "GET /kms/{kms_slug}/nodes", calls: [{ slug: "phala" }] },
  getAppEnvEncryptPubKey: {
    operation: "GET /kms/{kms_id}/pubkey/{app_id}",
    calls: [{ kms: "kms_1", app_id: APP }],
  },

  // CVM reads
  getCvmList: {
    operation: "GET /cvms/paginated",
    calls: [undefined, { page: 2, page_size: 100, node_id: 7 }],
  },
  getCvmInfo: {
    operation: "GET /cvms/{cvm_id}",
    calls: [CVM, { uuid: "8c6f1a2e-5b3d-4e7f-9a1b-2c3d4e5f6a7b" }, { app_id: APP }],
  },
  getCvmComposeFile: {
    operation: "GET /cvms/{cvm_id}/compose_file",
    calls: [CVM],
    document: true,
  },
  getCvmDockerCompose: { operation: "GET /cvms/{cvm_id}/docker-compose.yml", calls: [CVM] },
  getCvmPreLaunchScript: { operation: "GET /cvms/{cvm_id}/pre-launch-script", calls: [CVM] },
  getCvmNetwork: { operation: "GET /cvms/{cvm_id}/network", calls: [CVM] },
  getCvmNetworkConfig: { operation: "GET /cvms/{cvm_id}/network-config", calls: [CVM] },
  getCvmPorts: { operation: "GET /cvms/{cvm_id}/ports", calls: [CVM] },
  getCvmFirewallStatus: { operation: "GET /cvms/{cvm_id}/firewall-status", calls: [CVM] },
  getCvmSshKeys: { operation: "GET /cvms/{cvm_id}/ssh-keys", calls: [CVM] },
  getPreLaunchScriptUpgradeStatus: {
    operation: "GET /cvms/{cvm_id}/pre-launch-script/upgrade-status",
    calls: [CVM],
  },
  getCvmStats: { operation: "GET /cvms/{cvm_id}/stats", calls: [CVM] },
  getCvmContainersStats: { operation: "GET /cvms/{cvm_id}/composition", calls: [CVM] },
  getCvmUserConfig: { operation: "GET /cvms/{cvm_id}/user_config", calls: [CVM] },
  getCvmAttestation: { operation: "GET /cvms/{cvm_id}/attestation", calls: [CVM] },
  getCvmState: { operation: "GET /cvms/{cvm_id}/state", calls: [CVM] },
  getCvmStatusBatch: {
    operation: "POST /status/batch",
    calls: [{ vmUuids: ["8c6f1a2e5b3d4e7f9a1b2c3d4e5f6a7b"] }],
  },

  // CVM lifecycle
  provisionCvm: {
    operation: "POST /cvms/provision",
    calls: [
      { name: "my-app", compose_file: { docker_compose_file: "services: {}" } },
      {
        name: "my-app",
        instance_type: "tdx.small",
        node_id: 7,
        region: "us-west",
        image: "dstack-0.5.3",
        kms: "PHALA",
        listed: true,
        env_keys: ["A"],
        compose_file: {
          name: "my-app",
          docker_compose_file: "services: {}",
          pre_launch_script: "#!/bin/sh",
          gateway_enabled: true,
          public_logs: true,
          public_sysinfo: true,
          allowed_envs: ["A"],
        },
      },
    ],
  },
  commitCvmProvision: {
    operation: "POST /cvms",
    calls: [
      { app_id: APP, compose_hash: HASH.slice(2) },
      {
        app_id: APP,
        compose_hash: HASH.slice(2),
        encrypted_env: "00ff",
        env_keys: ["A"],
        kms_id: "kms_1",
        contract_address: "0x1111111111111111111111111111111111111111",
        deployer_address: "0x2222222222222222222222222222222222222222",
      },
    ],
  },
  startCvm: { operation: "POST /cvms/{cvm_id}/start", calls: [CVM] },
  stopCvm: { operation: "POST /cvms/{cvm_id}/stop", calls: [CVM] },
  shutdownCvm: { operation: "POST /cvms/{cvm_id}/shutdown", calls: [CVM] },
  restartCvm: { operation: "POST /cvms/{cvm_id}/restart", calls: [CVM, { ...CVM, force: true }] },
  deleteCvm: { operation: "DELETE /cvms/{cvm_id}", calls: [CVM] },
  renameCvm: { operation: "PATCH /cvms/{cvm_id}/name", calls: [{ ...CVM, name: "web-2" }] },
  replicateCvm: {
    operation: "POST /cvms/{cvm_id}/replicas",
    calls: [
      CVM,
      { ...CVM, node_id: 7 },
      { ...CVM, teepod_id: 3, encrypted_env: "00ff", compose_hash: HASH, prepareOnly: true },
    ],
    statuses: ["200", "465"],
    reshapes: "answers the typed 465 result",
  },
  commitCvmReplica: {
    operation: "POST /cvms/{cvm_id}/commit-replica",
    calls: [
      { ...CVM, token: "tok_1", composeHash: HASH, transactionHash: TX },
      { ...CVM, token: "tok_1", composeHash: HASH, transactionHash: "already-registered" },
    ],
  },
  refreshCvmInstanceId: {
    operation: "PATCH /cvms/{cvm_id}/instance-id",
    calls: [CVM, { ...CVM, overwrite: true, dry_run: true }],
  },
  refreshCvmInstanceIds: {
    operation: "PATCH /cvms/instance-ids",
    calls: [
      undefined,
      {
        cvm_ids: ["cvm_1"],
        running_only: false,
        missing_only: false,
        overwrite: true,
        limit: 50,
        dry_run: true,
      },
    ],
  },
  updateCvmResources: {
    operation: "PATCH /cvms/{cvm_id}",
    calls: [
      { ...CVM, vcpu: 2 },
      {
        ...CVM,
        vcpu: 2,
        memory: 4096,
        disk_size: 40,
        instance_type: "tdx.medium",
        allow_restart: true,
      },
    ],
    statuses: ["202"],
  },
  updateCvmVisibility: {
    operation: "PATCH /cvms/{cvm_id}",
    calls: [
      { ...CVM, public_sysinfo: true, public_logs: true },
      { ...CVM, public_sysinfo: false, public_logs: true, public_tcbinfo: true },
    ],
    statuses: ["202", "465"],
    reshapes:
      "answers `{ status, correlation_id }` with the values just set, or the typed 465 result",
  },
  updateOsImage: {
    operation: "PATCH /cvms/{cvm_id}/os-image",
    calls: [{ ...CVM, os_image_name: "dstack-0.5.3" }],
  },

  // CVM updates
  patchCvm: {
    operation: "PATCH /cvms/{cvm_id}",
    calls: [
      { ...CVM, docker_compose_file: "services: {}" },
      {
        ...CVM,
        docker_compose_file: "services: {}",
        pre_launch_script: "#!/bin/sh",
        allowed_envs: ["A"],
        public_logs: true,
        public_sysinfo: true,
        public_tcbinfo: true,
        encrypted_env: "00ff",
        vcpu: 2,
        memory: 4096,
        disk_size: 40,
        image: "dstack-0.5.3",
        prepareOnly: true,
      },
    ],
    statuses: ["202", "465"],
    reshapes: "answers `{ status, correlation_id }` (202) or the typed 465 result",
  },
  confirmCvmPatch: {
    operation: "PATCH /cvms/{cvm_id}",
    calls: [{ ...CVM, composeHash: HASH, transactionHash: TX }],
    statuses: ["202", "465"],
    reshapes: "answers `{ status, correlation_id }` (202) or the typed 465 result",
  },
  updateCvmEnvs: {
    operation: "PATCH /cvms/{cvm_id}/envs",
    calls: [
      { ...CVM, encrypted_env: "00ff" },
      { ...CVM, encrypted_env: "00ff", env_keys: ["A"], compose_hash: HASH, transaction_hash: TX },
    ],
    statuses: ["202", "465"],
    reshapes: "answers the typed 465 result",
  },
  updateDockerCompose: {
    operation: "PATCH /cvms/{cvm_id}/docker-compose",
    calls: [
      { ...CVM, docker_compose_file: "services: {}" },
      { ...CVM, docker_compose_file: "services: {}", compose_hash: HASH, transaction_hash: TX },
    ],
    statuses: ["202", "465"],
    reshapes: "answers the typed 465 result",
  },
  updatePreLaunchScript: {
    operation: "PATCH /cvms/{cvm_id}/pre-launch-script",
    calls: [{ ...CVM, pre_launch_script: "#!/bin/sh" }],
    statuses: ["202", "465"],
    reshapes: "answers the typed 465 result",
  },
  upgradePreLaunchScript: {
    operation: "POST /cvms/{cvm_id}/pre-launch-script/upgrade-to-latest-official",
    calls: [CVM, { ...CVM, compose_hash: HASH, transaction_hash: TX }],
    statuses: ["202", "465"],
    reshapes: "answers the typed 465 result",
  },

  // CVM networking and SSH keys
  updateCvmNetworkConfig: {
    operation: "PATCH /cvms/{cvm_id}/network-config",
    calls: [
      { ...CVM, kms_urls: ["https://kms.example.com"] },
      {
        ...CVM,
        kms_urls: ["https://kms.example.com"],
        gateway_urls: ["https://gateway.example.com"],
        restart: true,
      },
    ],
  },
  updateCvmPorts: {
    operation: "PUT /cvms/{cvm_id}/ports",
    calls: [
      { ...CVM, ports: [] },
      { ...CVM, ports: [{ vm_port: 22 }, { vm_port: 53, protocol: "udp" }] },
    ],
  },
  updateCvmSshKeys: {
    operation: "PUT /cvms/{cvm_id}/ssh-keys",
    calls: [
      { ...CVM, ssh_key_ids: ["sshkey_1a2b3c"] },
      { ...CVM, ssh_key_ids: ["sshkey_1a2b3c"], usernames: ["bob"], apply_now: true },
    ],
  },
  provisionCvmComposeFileUpdate: {
    operation: "POST /cvms/{cvm_id}/compose_file/provision",
    calls: [
      { ...CVM, app_compose: { docker_compose_file: "services: {}", name: "my-app" } },
      {
        ...CVM,
        app_compose: { docker_compose_file: "services: {}", name: "my-app" },
        update_env_vars: true,
      },
    ],
  },
  commitCvmComposeFileUpdate: {
    operation: "PATCH /cvms/{cvm_id}/compose_file",
    calls: [
      { ...CVM, compose_hash: HASH },
      {
        ...CVM,
        compose_hash: HASH,
        encrypted_env: "00ff",
        env_keys: ["A"],
        update_env_vars: true,
        transaction_hash: TX,
      },
    ],
    statuses: ["202", "465"],
    reshapes: "answers `{ status, correlation_id }` (202) or the typed 465 result",
  },
  commitCvmUpdate: {
    operation: "POST /cvms/{cvm_id}/commit-update",
    calls: [{ ...CVM, token: "tok_1", composeHash: HASH, transactionHash: TX }],
  },

  // CVM operations: the unpaginated list, workloads, batch stop, the operation
  // log, metadata, commits and redeploys, custom domains
  listCvms: { operation: "GET /cvms", calls: [undefined, { user_id: "usr_1a2b", teepod_id: 3 }] },
  createWorkloadCvm: {
    operation: "POST /cvms/workload",
    calls: [
      { name: "llama-server", instance_type: "h200.small", model_id: "meta/llama-3-8b" },
      {
        name: "llama-server",
        instance_type: "h200.small",
        model_id: "meta/llama-3-8b",
        scheduled_delete_at: "2026-07-01T00:00:00Z",
      },
    ],
  },
  stopCvmsBatch: {
    operation: "POST /cvms/batch-stop",
    calls: [{ cvm_ids: ["cvm_3kBf9XwQ", "cvm_7pQr2sTu"] }],
  },
  listCvmOperations: {
    operation: "GET /cvms/{cvm_id}/operations",
    calls: [
      CVM,
      {
        ...CVM,
        cursor: "c_1",
        limit: 100,
        start_time: "2026-03-01T00:00:00Z",
        end_time: "2026-03-31T23:59:59Z",
        operation_types: ["stop", "restart"],
      },
    ],
  },
  cancelCvmOperation: { operation: "POST /cvms/{cvm_id}/operations/cancel", calls: [CVM] },
  getCvmOperationStatus: { operation: "GET /cvms/{cvm_id}/operation-status", calls: [CVM] },
  updateCvmListed: {
    operation: "PATCH /cvms/{cvm_id}/listed",
    calls: [{ ...CVM, listed: true }],
  },
  scheduleCvmDelete: {
    operation: "PATCH /cvms/{cvm_id}/scheduled-delete",
    calls: [
      { ...CVM, scheduled_delete_at: "2026-07-01T00:00:00Z" },
      { ...CVM, scheduled_delete_at: null },
    ],
  },
  getCvmCommitUpdateInfo: {
    operation: "GET /cvms/{cvm_id}/commit-update",
    calls: [{ ...CVM, token: "tok_1" }],
  },
  redeployCvmRevision: {
    operation: "POST /cvms/{cvm_id}/revisions/{revision_id}/redeploy",
    calls: [
      { ...CVM, revision_id: "rev_0a1b2c3d" },
      { ...CVM, revision_id: "rev_0a1b2c3d", transaction_hash: TX },
    ],
    statuses: ["202", "465"],
    reshapes: "answers `{ status, correlation_id }` (202) or the typed 465 result",
  },
  submitCvmComposeFile: {
    operation: "POST /cvms/{cvm_id}/compose_file",
    calls: [
      { ...CVM, compose_file: { name: "my-app" }, compose_hash: HASH },
      {
        ...CVM,
        compose_file: { name: "my-app", docker_compose_file: "services: {}" },
        compose_hash: HASH,
        encrypted_env: "00ff",
        env_keys: ["A"],
        transaction_hash: TX,
      },
    ],
    statuses: ["202", "465"],
    reshapes: "answers `{ status, correlation_id }` (202) or the typed 465 result",
  },
  diagnoseCvmCustomDomains: {
    operation: "POST /cvms/{cvm_id}/customize-domain-diagnose",
    calls: [{ ...CVM, domains: [{ domain: "app.example.com", port: 443 }] }],
  },

  // Apps
  getAppList: {
    operation: "GET /apps",
    calls: [
      undefined,
      {
        page: 2,
        page_size: 50,
        search: "web",
        status: ["running", "stopped"],
        listed: true,
        base_image: "dstack-0.5.3",
        instance_type: "tdx.small",
        kms_slug: "phala",
        kms_type: "phala",
        node: "prod7",
        region: "us-west",
      },
    ],
  },
  getAppInfo: { operation: "GET /apps/{app_id}", calls: [{ appId: APP }] },
  getAppCvms: { operation: "GET /apps/{app_id}/cvms", calls: [{ appId: APP }] },
  getAppFilterOptions: { operation: "GET /apps/filter-options", calls: [undefined] },
  getAppRevisions: {
    operation: "GET /apps/{app_id}/revisions",
    calls: [{ appId: APP }, { appId: APP, page: 2, page_size: 50 }],
  },
  getAppRevisionDetail: {
    operation: "GET /apps/{app_id}/revisions/{revision_id}",
    calls: [
      { appId: APP, revisionId: "rev_1" },
      { appId: APP, revisionId: "rev_1", rawComposeFile: true },
    ],
  },
  getAppAttestation: { operation: "GET /apps/{app_id}/attestations", calls: [{ appId: APP }] },
  getAppDeviceAllowlist: {
    operation: "GET /apps/{app_id}/device-allowlist",
    calls: [{ appId: APP }],
  },
  checkAppIsAllowed: {
    operation: "POST /apps/{app_id}/is-allowed",
    calls: [
      { appId: APP, compose_hash: HASH },
      { appId: APP, compose_hash: HASH, node_id: 7, device_id: "dev_1", chain_id: 8453 },
    ],
  },
  checkAppCvmsIsAllowed: {
    operation: "POST /apps/{app_id}/cvms/is-allowed",
    calls: [{ appId: APP }],
  },
  checkCvmIsAllowed: {
    operation: "POST /cvms/{cvm_id}/is-allowed",
    calls: [CVM, { ...CVM, compose_hash: HASH, node_id: 7, device_id: "dev_1" }],
  },
  createAppInstance: {
    operation: "POST /apps/{app_id}/instances",
    calls: [
      { appId: APP },
      {
        appId: APP,
        node_id: 7,
        teepod_id: 3,
        docker_compose_file: "services: {}",
        pre_launch_script: "#!/bin/sh",
        encrypted_env: "00ff",
        compose_hash: HASH,
        transaction_hash: TX,
      },
    ],
    statuses: ["200", "465"],
    reshapes: "answers the typed 465 result",
  },
  replicateAppCvm: {
    operation: "POST /apps/{app_id}/cvms/{vm_uuid}/replicas",
    calls: [
      { appId: APP, vmUuid: VM_UUID },
      {
        appId: APP,
        vmUuid: VM_UUID,
        node_id: 7,
        teepod_id: 3,
        encrypted_env: "00ff",
        compose_hash: HASH,
        prepareOnly: true,
      },
    ],
    statuses: ["200", "465"],
    reshapes: "answers the typed 465 result",
  },
  redeployAppRevision: {
    operation: "POST /apps/{app_id}/revisions/{revision_id}/redeploy",
    calls: [
      { appId: APP, revisionId: "rev_1" },
      { appId: APP, revisionId: "rev_1", vm_uuids: [VM_UUID], transactionHash: TX },
    ],
    statuses: ["202", "465"],
    reshapes: "answers `{ status, correlation_id }` (202) or the typed 465 result",
  },
  getAppTcbEvaluation: {
    operation: "GET /apps/{app_id}/attestations/tcb-evaluation",
    calls: [{ appId: APP }],
  },
  getAppUsage: {
    operation: "GET /apps/{app_id}/usage",
    calls: [
      { appId: APP },
      {
        appId: APP,
        start_date: "2026-01-01T00:00:00Z",
        end_date: new Date("2026-02-01T00:00:00Z"),
        limit: 5000,
        offset: 100,
      },
    ],
  },
  getAppKmsInfo: { operation: "GET /apps/{app_id}/kms-info", calls: [{ appId: APP }] },
  getAppPendingUpdates: {
    operation: "GET /apps/{app_id}/pending-updates",
    calls: [{ appId: APP }],
  },
  getAppPendingUpdatePreview: {
    operation: "GET /apps/{app_id}/pending-updates/{vm_uuid}/{compose_hash}/preview",
    calls: [{ appId: APP, vmUuid: VM_UUID, composeHash: HASH }],
  },

  // KMS, inspected live
  inspectKms: { operation: "GET /kms/{kms_id}/info", calls: [{ kms_id: "kms_1" }] },

  // Attestations
  verifyAttestation: {
    operation: "POST /attestations/verify",
    calls: [{ hex: "0x0400" }, { quote: new Uint8Array([4, 0, 2, 0]) }],
  },
  listRecentAttestations: {
    operation: "GET /attestations/recent",
    calls: [undefined, { skip: 20, limit: 100 }],
  },
  getAttestation: {
    operation: "GET /attestations/view/{checksum}",
    calls: [{ checksum: CHECKSUM }],
  },
  getAttestationCollateral: {
    operation: "GET /attestations/collateral/{checksum}",
    calls: [{ checksum: CHECKSUM }],
  },
  getRawAttestation: {
    operation: "GET /attestations/raw/{checksum}",
    calls: [{ checksum: CHECKSUM }],
    reshapes: "answers the body's bytes (a Uint8Array)",
  },
  listAttestationPpids: { operation: "GET /attestations/ppids", calls: [undefined] },
  listAttestationDeviceIds: { operation: "GET /attestations/device_ids", calls: [undefined] },
  listAttestationNodes: { operation: "GET /attestations/nodes", calls: [undefined] },
};
