// Which shapes of the API contract the SDK exports, under which names, in
// which generated module (src/wire/<file>.ts and src/valibot/wire/<file>.ts).
// scripts/gen-wire.mjs turns this into zod and valibot code.
//
// An entry is one of:
//   { name, contractName }            the contract's schema (contract/phala-cloud-api.json,
//                                     or contract/exceptions.json for what the reference leaves open)
//   { name, contractName, add }       ... with fields the official SDKs know and the reference
//                                     omits (each says so); they are optional and nullable
//   { name, schema }                  a JSON Schema of its own (it may `$ref` contract schemas)
//   { name, alias }                   another entry under a second name (kept for callers)
// `doc` becomes the export's doc comment; `precompile` marks valibot schemas of
// large lists (see src/valibot/precompile.ts).

const nullable = (schema) => ({ anyOf: [schema, { type: "null" }] });
const str = { type: "string" };
const int = { type: "integer" };
const bool = { type: "boolean" };
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });

/** Adds optional, nullable properties (absent: null) to a contract object. */
function add(properties) {
  return (schema) => ({
    ...schema,
    properties: { ...schema.properties, ...properties },
  });
}

/** Gives fields of a contract object a default the reference leaves out (each with its reason). */
function withDefaults(defaults) {
  return (schema) => ({
    ...schema,
    properties: Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) =>
        key in defaults ? [key, { ...value, default: defaults[key] }] : [key, value],
      ),
    ),
  });
}

const pipe =
  (...steps) =>
  (schema) =>
    steps.reduce((current, step) => step(current), schema);

// An absent list is an empty one: the official JS SDK defaults these to [].
const cvmListDefaults = withDefaults({ services: [] });

const cvmInfoV20260121Extras = {
  // Sent by the API and typed by the official JS SDK (cvm_info_v20260121), not in the reference.
  updated_at: nullable(str),
  app_url: nullable(str),
  base_image: nullable(str),
  features: nullable({ type: "array", items: str }),
  runner: nullable(str),
  manifest_version: nullable(str),
  // Added to the official JS SDK's CVM v20260121 (changelog: "add hourly_rate,
  // billing_interval, gpu_rental_order to CVM v20260121").
  hourly_rate: nullable({ anyOf: [str, { type: "number" }] }),
  billing_interval: nullable(str),
  gpu_rental_order: {},
};

export const WIRE_FILES = {
  shared: [
    { name: "KmsType", contractName: "KmsType", doc: "Where an app's keys come from." },
    { name: "BillingPeriod", contractName: "BillingPeriod" },
    { name: "NodeStatus", contractName: "TeepodStatus" },
    {
      name: "CvmNetworkUrls",
      contractName: "CvmNetworkUrls",
      doc: "An app and an instance URL; both versions publish endpoints in this shape.",
    },
    { name: "AppProfile", contractName: "ProfileGetResponse" },
    {
      name: "UserRef",
      contractName: "UserRef",
      doc: "A user as other records point at it (2026-01-21).",
    },
    { name: "WorkspaceRef", contractName: "WorkspaceRef" },
    { name: "DeviceIdEntry", contractName: "DeviceIdEntry" },
    {
      name: "NodeRef",
      contractName: "NodeRef",
      patch: add({
        // Every device id of the node (official JS SDK, cvm_info_v20260121); absent: none.
        device_ids: { type: "array", items: ref("DeviceIdEntry"), default: [] },
      }),
    },
    {
      name: "KmsInfo",
      contractName: "KMSInfo",
      doc: "One KMS node: the Phala KMS (no chain) or an on-chain KMS with its contract.",
      patch: add({
        // The KMS's secp256k1 public key, sent by the API and typed by the official SDKs.
        k256_pubkey: nullable(str),
      }),
    },
    { name: "KmsInfoV20251028", alias: "KmsInfo" },
  ],

  "v2026-01-21": [
    { name: "CvmResourceInfoV20260121", contractName: "CVMResourceInfo" },
    { name: "CvmOsInfoV20260121", contractName: "CVMOSInfo" },
    {
      name: "CvmKmsInfoV20260121",
      contractName: "CVMKmsInfo",
      patch: add({ k256_pubkey: nullable(str) }),
    },
    { name: "CvmProgressInfoV20260121", contractName: "CVMProgressInfo" },
    { name: "CvmGatewayInfoV20260121", contractName: "CVMGatewayInfo" },
    { name: "CvmLogUrlsV20260121", contractName: "CVMLogUrls" },
    {
      name: "CvmInfoV20260121",
      contractName: "teehouse__api__routes__cvms__v20260121__schemas__CVMInfo",
      doc: "One CVM in 2026-01-21: nested resource, node, OS, KMS, gateway, workspace and creator.",
      patch: pipe(add(cvmInfoV20260121Extras), cvmListDefaults),
    },
    {
      name: "CvmInfoDetailV20260121",
      contractName: "CVMInfoDetail",
      doc: "`GET /cvms/{id}` in 2026-01-21: the list shape plus the compose file.",
      patch: pipe(add(cvmInfoV20260121Extras), cvmListDefaults),
    },
    {
      name: "PaginatedCvmInfosV20260121",
      contractName: "PaginatedCvmInfos",
      doc: "`GET /cvms/paginated` in 2026-01-21.",
      precompile: true,
    },
    {
      name: "DstackAppFullResponseV20260121",
      contractName: "teehouse__api__routes__apps__v20260121__schemas__DstackAppFullResponse",
    },
    {
      name: "DstackAppMinimalResponse",
      contractName: "DstackAppMinimalResponse",
      doc: "An app the caller may only see by id (another workspace's app): every other field null.",
    },
    { name: "DstackAppMinimalResponseV20260121", alias: "DstackAppMinimalResponse" },
    {
      name: "DstackAppWithCvmResponseV20260121",
      schema: {
        anyOf: [
          ref("teehouse__api__routes__apps__v20260121__schemas__DstackAppFullResponse"),
          ref("DstackAppMinimalResponse"),
        ],
      },
      doc: "`GET /apps/{app_id}` in 2026-01-21: the full app, or its minimal form.",
    },
    {
      name: "DstackAppListResponseV20260121",
      contractName: "teehouse__api__routes__apps__v20260121__schemas__DstackAppListResponse",
      doc: "`GET /apps` in 2026-01-21.",
      precompile: true,
    },
    { name: "CurrentUserV20260121", contractName: "CurrentUserV20260121" },
    { name: "UserInfo", contractName: "UserInfo" },
    { name: "WorkspaceInfo", contractName: "WorkspaceInfo" },
    { name: "CreditsInfo", contractName: "CreditsInfo" },
    { name: "FeatureFlag", contractName: "FeatureFlag" },
  ],

  "v2025-10-28": [
    { name: "VmConfiguration", contractName: "VmConfiguration" },
    { name: "AppComposeV2", contractName: "AppComposeV2" },
    { name: "PortMapping", contractName: "PortMapping" },
    { name: "GpuConfig", contractName: "GpuConfig" },
    { name: "GpuSpec", contractName: "GpuSpec" },
    { name: "GuestEvent", contractName: "GuestEvent" },
    { name: "VmInfoV20251028", contractName: "VmInfo" },
    { name: "ManagedUserV20251028", contractName: "ManagedUser" },
    { name: "CvmNodeV20251028", contractName: "CvmNode" },
    { name: "MachineInfoV20251028", contractName: "MachineInfo" },
    {
      name: "CvmInfoV20251028",
      contractName: "HostedCvm",
      doc: "One CVM of `GET /cvms/paginated` in 2025-10-28: flat sizes, `hosted` VM, `node`.",
      patch: add({
        // Sent by the API and typed by the official JS SDK (cvm_info_v20251028).
        machine_info: nullable(ref("MachineInfo")),
        updated_at: nullable(str),
      }),
    },
    {
      name: "CvmDetailV20251028",
      contractName: "teehouse__api__routes__cvms__management__CvmBasicInfo",
      doc: "`GET /cvms/{id}` in 2025-10-28 (also the VM record `PATCH /cvms/{id}/visibility` answers).",
      patch: add({
        machine_info: nullable(ref("MachineInfo")),
        updated_at: nullable(str),
      }),
    },
    {
      name: "PaginatedCvmInfosV20251028",
      contractName: "PaginatedHostedCvms",
      doc: "`GET /cvms/paginated` in 2025-10-28.",
      precompile: true,
    },
    {
      name: "CvmBasicInfoV20251028",
      contractName: "teehouse__api__routes__apps__v20251028__schemas__CvmBasicInfo",
      patch: add({ kms_contract_id: nullable(str) }),
    },
    {
      name: "DstackAppFullResponseV20251028",
      contractName: "teehouse__api__routes__apps__v20251028__schemas__DstackAppFullResponse",
    },
    {
      name: "DstackAppWithCvmResponseV20251028",
      schema: {
        anyOf: [
          ref("teehouse__api__routes__apps__v20251028__schemas__DstackAppFullResponse"),
          ref("DstackAppMinimalResponse"),
        ],
      },
      doc: "`GET /apps/{app_id}` in 2025-10-28: the full app, or its minimal form.",
    },
    {
      name: "DstackAppListResponseV20251028",
      contractName: "teehouse__api__routes__apps__v20251028__schemas__DstackAppListResponse",
      doc: "`GET /apps` in 2025-10-28.",
      precompile: true,
    },
    { name: "CurrentUserV20251028", contractName: "CurrentUserV20251028" },
  ],

  cvms: [
    {
      name: "CvmVmNode",
      contractName: "TeepodMeta",
      patch: add({ region_identifier: nullable(str) }),
    },
    {
      name: "CvmVm",
      contractName: "VM",
      doc: "The VM record the lifecycle endpoints answer with (start, stop, shutdown, restart, replicas, instances, the commit of a provision). 2026-01-21 sends `0` as `id`: it no longer exposes table ids.",
      patch: add({
        // On-chain KMS: the app contract and the wallet that deployed it (official SDKs).
        app_auth_contract_address: nullable(str),
        deployer_address: nullable(str),
      }),
    },
    { name: "CommitCvmProvision", alias: "CvmVm" },
    { name: "AppInstance", alias: "CvmVm" },
    {
      name: "UpdateCvmVisibility",
      alias: "CvmVm",
      doc: "`PATCH /cvms/{id}/visibility` (deprecated): the VM record.",
    },
    { name: "GuestEventDetail", contractName: "OperationEventDetail" },
    {
      name: "CvmBatchStatus",
      contractName: "CvmStatus",
      doc: "One CVM's status as `POST /status/batch` reports it, made for polling.",
    },
    {
      name: "GetCvmStatusBatch",
      schema: { type: "object", additionalProperties: ref("CvmStatus") },
      doc: "Keyed by VM UUID as sent; UUIDs the caller may not see are left out.",
    },
    {
      name: "InstanceIdRefreshResult",
      contractName: "InstanceIdRefreshResult",
      // The official JS SDK reads `cvm_id` as number | null (a CVM the API could not resolve).
      patch: (schema) => ({
        ...schema,
        properties: {
          ...schema.properties,
          cvm_id: { anyOf: [schema.properties.cvm_id, { type: "null" }] },
        },
      }),
      doc: "`PATCH /cvms/{id}/instance-id`: what refreshing one CVM's instance id found.",
    },
    {
      name: "RefreshCvmInstanceIds",
      contractName: "BatchInstanceIdRefreshResponse",
      doc: "`PATCH /cvms/instance-ids`: the batch refresh, with counts and one result per CVM.",
    },
    { name: "CvmDiskInfo", contractName: "DiskInfo" },
    {
      name: "CvmSysinfo",
      contractName: "SystemInfo",
      doc: "Guest OS figures; memory and disk sizes in bytes, uptime in seconds.",
    },
    { name: "CvmSystemInfo", contractName: "CvmSystemInfo", doc: "`GET /cvms/{id}/stats`." },
    { name: "CvmNetwork", contractName: "CvmNetwork", doc: "`GET /cvms/{id}/network`." },
    { name: "CvmContainerInfo", contractName: "ExtendedContainer" },
    {
      name: "CvmContainersStats",
      contractName: "CvmComposition",
      doc: "`GET /cvms/{id}/composition`: the compose file and the containers it runs.",
    },
    { name: "CvmCertificateSubject", contractName: "CertificateSubject" },
    { name: "CvmCertificateIssuer", contractName: "CertificateIssuer" },
    { name: "CvmCertificate", contractName: "Certificate" },
    { name: "CvmEventLogEntry", contractName: "EventLog" },
    { name: "CvmTcbInfo", contractName: "TcbInfo" },
    {
      name: "CvmAttestation",
      contractName: "CvmAttestation",
      doc: "`GET /cvms/{id}/attestation`.",
    },
    {
      name: "CvmUserConfig",
      contractName: "CvmUserConfig",
      doc: "`GET /cvms/{id}/user_config`: what the VM is given at boot besides the compose file.",
    },
    { name: "DockerConfig", contractName: "DockerConfig" },
    { name: "CvmPortPolicy", contractName: "PortPolicy" },
    {
      name: "CvmAppCompose",
      contractName: "AppCompose",
      doc: "The app compose (app-compose.json) of a CVM: `GET /cvms/{id}/compose_file`. Its hash is the compose hash, so every field it holds is kept as sent, known or not.",
    },
    { name: "CvmCurrentState", contractName: "CvmCurrentState" },
    {
      name: "OsImageVariant",
      contractName: "OSImageVariant",
      patch: add({ requires_gpu: nullable(bool), enabled: nullable(bool) }),
    },
    {
      name: "AvailableOsImage",
      contractName: "teehouse__api__routes__cvms__patch_compose_file__AvailableOSImage",
      doc: "One OS version a CVM can move to, with its production and dev builds.",
    },
    {
      name: "GetAvailableOsImagesResponse",
      schema: {
        type: "array",
        items: ref("teehouse__api__routes__cvms__patch_compose_file__AvailableOSImage"),
      },
      doc: "`GET /cvms/{id}/available-os-images`.",
    },
    {
      name: "ProvisionCvm",
      contractName: "ProvisionCvmResponse",
      doc: "`POST /cvms/provision`: what the platform prepared for a CVM before it exists.",
    },
    {
      name: "ProvisionCvmComposeFileUpdateResult",
      contractName: "ComposeFileProvisionResponse",
      doc: "`POST /cvms/{id}/compose_file/provision`: the hash to commit (and, on-chain, to register).",
      patch: add({ compose_unchanged: nullable(bool) }),
    },
    {
      name: "StopCvmsBatchError",
      contractName: "BatchStopErrorEntry",
      doc: "A CVM of a batch stop that could not be stopped, and why.",
    },
    {
      name: "StopCvmsBatchResult",
      contractName: "BatchStopResponse",
      doc: "`POST /cvms/batch-stop`: how many CVMs were stopped, skipped (already stopped) or failed.",
    },
    {
      name: "CvmOperation",
      contractName: "CvmOperationResponse",
      doc: "One operation run on a CVM (start, stop, update...): who triggered it, its status and events.",
    },
    {
      name: "CvmOperationPage",
      contractName: "PaginatedCvmOperationsResponse",
      doc: "`GET /cvms/{id}/operations`: one page, newest first; pass `next_cursor` back as `cursor`.",
    },
    {
      name: "CancelCvmOperationResult",
      contractName: "CancelOperationRequest",
      doc: "`POST /cvms/{id}/operations/cancel`: whether the running operation was cancelled.",
    },
    {
      name: "CvmOperationStatus",
      contractName: "CvmOperationStatus",
      doc: "`GET /cvms/{id}/operation-status`: the reference leaves it open; every field is kept.",
    },
    {
      name: "CvmCommitUpdateInfo",
      contractName: "CvmCommitUpdateInfo",
      doc: "`GET /cvms/{id}/commit-update?token=`: what a prepared update commits; the reference leaves it open, every field is kept.",
    },
    { name: "DomainDnsRecord", contractName: "DnsRecordResult" },
    { name: "DomainAcmeFetch", contractName: "AcmeFetchResult" },
    { name: "DomainCaaCheck", contractName: "CaaCheckResult" },
    { name: "DomainDiagnosis", contractName: "DomainDiagnosisResult" },
    {
      name: "CvmDomainDiagnosis",
      contractName: "DiagnosisResponse",
      doc: "`POST /cvms/{id}/customize-domain-diagnose`: the DNS records each custom domain needs, and whether it has them.",
    },
    { name: "CvmOperationAccepted", contractName: "CvmOperationAccepted" },
    { name: "CvmNetworkConfigPort", contractName: "NetworkConfigPortMappingEntry" },
    {
      name: "CvmNetworkConfig",
      contractName: "NetworkConfigResponse",
      doc: "`GET`/`PATCH /cvms/{id}/network-config`: the KMS and gateway URLs a CVM boots with, and its port mappings.",
    },
    {
      name: "CvmPortMapping",
      contractName: "PortMappingResponse",
      doc: "One published port: the node's `host_port` forwarded to the CVM's `vm_port`.",
    },
    {
      name: "CvmPortMappings",
      schema: { type: "array", items: ref("PortMappingResponse") },
      doc: "`GET`/`PUT /cvms/{id}/ports`.",
    },
    {
      name: "CvmFirewallStatus",
      contractName: "FirewallStatusResponse",
      doc: "`GET /cvms/{id}/firewall-status`: whether the CVM's firewall can be configured, and why not.",
    },
    { name: "CvmSshKey", contractName: "CvmSshKey" },
    {
      name: "CvmSshKeys",
      contractName: "CvmSshKeys",
      doc: "`GET`/`PUT /cvms/{id}/ssh-keys`: the keys the CVM authorizes, applied at its next power-on.",
    },
    {
      name: "PreLaunchScriptUpgradeStatus",
      contractName: "PreLaunchScriptUpgradeStatus",
      doc: "`GET /cvms/{id}/pre-launch-script/upgrade-status`: whether the CVM runs an official pre-launch script and can move to the latest one.",
    },
  ],

  apps: [
    { name: "AppRevisionCvmRef", contractName: "CvmRef" },
    { name: "AppRevision", contractName: "AppRevisionResponse" },
    {
      name: "AppRevisionsResponse",
      contractName: "AppRevisionsResponse",
      doc: "`GET /apps/{app_id}/revisions`: newest first, page-numbered.",
    },
    {
      name: "AppRevisionDetail",
      contractName: "AppRevisionDetailResponse",
      doc: "`GET /apps/{app_id}/revisions/{revision_id}`.",
    },
    {
      name: "AppFilterOptions",
      contractName: "FilterOptionsResponse",
      doc: "`GET /apps/filter-options`: the distinct values each `getAppList` filter can take.",
    },
    { name: "DeviceAllowlistItem", contractName: "DeviceAllowlistItem" },
    {
      name: "DeviceAllowlistResponse",
      contractName: "DeviceAllowlistResponse",
      doc: "`GET /apps/{app_id}/device-allowlist`: empty `devices` for an app without on-chain KMS.",
    },
    {
      name: "IsAllowedResult",
      contractName: "AppIsAllowedResponse",
      doc: "Whether an app contract allows a compose hash on a device.",
    },
    { name: "CvmIsAllowedItem", contractName: "CvmIsAllowedItem" },
    {
      name: "AppCvmsIsAllowedResponse",
      contractName: "AppCvmsBatchIsAllowedResponse",
      // An absent list is an empty one (the official JS SDK defaults both to []).
      patch: withDefaults({ results: [], skipped_cvm_ids: [] }),
      doc: "`POST /apps/{app_id}/cvms/is-allowed`: one result per CVM of the app.",
    },
    { name: "CvmIsAllowedResult", contractName: "CvmIsAllowedResponse" },
    {
      name: "GuestAgentInfo",
      contractName: "GuestAgentInfo",
      patch: add({ app_name: nullable(str) }),
    },
    { name: "AppAttestationKmsInfo", contractName: "AppAttestationKmsInfo" },
    { name: "AppAttestationInstance", contractName: "AppAttestationInstance" },
    {
      name: "AppAttestationResponse",
      contractName: "AppAttestationResponse",
      doc: "`GET /apps/{app_id}/attestations`.",
    },
    { name: "TcbEvaluationInstance", contractName: "TcbEvaluationInstance" },
    {
      name: "TcbEvaluationResponse",
      contractName: "TcbEvaluationResponse",
      doc: "`GET /apps/{app_id}/attestations/tcb-evaluation`: how Intel's TCB evaluation rates each instance's platform.",
    },
    {
      name: "MeteredUsage",
      contractName: "MeteredUsageResponse",
      doc: "One billed stretch of one instance: its kind, period and cost.",
    },
    {
      name: "AppUsageResponse",
      contractName: "AppUsageResponse",
      doc: "`GET /apps/{app_id}/usage`: one page of the app's metered usage, with the count and the cost of the whole range.",
    },
    {
      name: "AppKmsInfoResponse",
      contractName: "AppKmsInfoResponse",
      doc: "`GET /apps/{app_id}/kms-info`: the app's KMS and, on-chain, its contracts and who deployed them.",
    },
    { name: "PendingUpdateItem", contractName: "PendingUpdateItem" },
    {
      name: "PendingUpdatesResponse",
      contractName: "PendingUpdatesResponse",
      doc: "`GET /apps/{app_id}/pending-updates`: the updates waiting for their compose hash to be registered on-chain, one per instance.",
    },
    {
      name: "PendingUpdatePreview",
      contractName: "PendingUpdatePreview",
      doc: "`GET /apps/{app_id}/pending-updates/{vm_uuid}/{compose_hash}/preview`: the compose file and pre-launch script now and once the update applies.",
    },
  ],

  kms: [
    {
      name: "GetKmsListResponse",
      contractName: "KmsListResponse",
      doc: "`GET /kms`: one page of KMS nodes.",
    },
    {
      name: "GetAppEnvEncryptPubKey",
      contractName: "AppEnvEncryptPubKey",
      doc: "`GET /kms/{kms}/pubkey/{app_id}`: the X25519 public key (hex) that env vars of the app are encrypted to, and the KMS's signature over it.",
    },
    { name: "NextAppId", contractName: "NextAppId" },
    {
      name: "NextAppIds",
      contractName: "NextAppIds",
      doc: "`GET /kms/phala/next_app_id`: app ids the Phala KMS will hand out next, in order.",
    },
    { name: "OnChainDevice", contractName: "OnChainDeviceOut" },
    { name: "OnChainOsImage", contractName: "OnChainOsImageOut" },
    { name: "OnChainKmsContract", contractName: "OnChainKmsContractOut" },
    {
      name: "KmsContract",
      contractName: "KmsContract",
      doc: "A KMS contract (2026-06-23): KMS node replicas sharing one root key; `contract_address` is `phala` for the off-chain Phala KMS.",
    },
    { name: "KmsContractList", contractName: "KmsContractList", doc: "`GET /kms` in 2026-06-23." },
    { name: "KmsContractNode", contractName: "KmsContractNode" },
    {
      name: "KmsContractNodes",
      contractName: "KmsContractNodes",
      doc: "`GET /kms/{slug}/nodes` (2026-06-23): a KMS contract's nodes.",
    },
    {
      name: "GetKmsOnChainDetailResponse",
      contractName: "OnChainKmsResponse",
      doc: "`GET /kms/on-chain/{chain}`: the KMS contracts of one chain, with what each allows.",
    },
    { name: "KmsBootstrapInfo", contractName: "BootstrapInfoOut" },
    { name: "KmsRpcInfo", contractName: "KmsRpcInfo" },
    { name: "KmsTeepodImage", contractName: "TeepodImageInfo" },
    { name: "KmsTeepodInfo", contractName: "TeepodInfo" },
    { name: "KmsOnChainKeys", contractName: "OnChainKmsInfo" },
    { name: "KmsOnChainVerification", contractName: "OnChainVerification" },
    { name: "KmsOnChainInfo", contractName: "OnChainInfo" },
    {
      name: "KmsInspectResponse",
      contractName: "KmsInspectResponse",
      doc: "`GET /kms/{kms_id}/info`: a KMS node inspected live: its RPC and guest agent, the nodes using it and, on-chain, its contract checked against it.",
    },
  ],

  attestations: [
    { name: "AttestationQuoteHeader", contractName: "QuoteHeader" },
    { name: "AttestationQuoteBody", contractName: "QuoteBody" },
    {
      name: "AttestationQuote",
      contractName: "Quote",
      doc: "A parsed SGX or TDX quote: its header, its body (the measurements) and its certificate chain.",
    },
    {
      name: "QuoteCollateralV3",
      contractName: "QuoteCollateralV3",
      doc: "The Intel collateral a quote is verified with (`GET /attestations/collateral/{checksum}`): CRLs, TCB info and QE identity, with their chains and signatures.",
    },
    { name: "AttestationNodeProvider", contractName: "NodeProvider" },
    {
      name: "AttestationVerification",
      contractName: "VerificationResponse",
      doc: "`POST /attestations/verify`: the verdict on an uploaded quote, and the `checksum` the other reads take.",
    },
    { name: "RecentAttestation", contractName: "RecentAttestation" },
    {
      name: "RecentAttestations",
      schema: { type: "array", items: ref("RecentAttestation") },
      doc: "`GET /attestations/recent`: the quotes stored last, newest first.",
    },
    {
      name: "AttestationView",
      contractName: "AttestationView",
      doc: "`GET /attestations/view/{checksum}`: a stored quote, parsed, with when it was uploaded.",
    },
    {
      name: "AttestationPpids",
      schema: { type: "array", items: str },
      doc: "`GET /attestations/ppids`: the PPIDs (platform ids) of the machines Phala Cloud runs on.",
    },
    {
      name: "AttestationDeviceIds",
      schema: { type: "array", items: str },
      doc: "`GET /attestations/device_ids`: the device ids of the machines Phala Cloud runs on.",
    },
    {
      name: "AttestationNodes",
      schema: { type: "array", items: ref("NodeRef") },
      doc: "`GET /attestations/nodes`: Phala Cloud's nodes, with their device id and PPID.",
    },
  ],

  "ssh-keys": [
    {
      name: "SshKey",
      contractName: "SshKeyResponse",
      doc: "One SSH public key of the signed-in user (`GET /user/ssh-keys` lists them).",
    },
    { name: "ListSshKeysResponse", schema: { type: "array", items: ref("SshKeyResponse") } },
    { name: "ImportGithubProfileResponse", contractName: "GithubProfileImportResponse" },
    { name: "SyncGithubSshKeysResponse", contractName: "GithubSyncResponse" },
  ],

  webhooks: [
    {
      name: "Webhook",
      contractName: "WebhookResponse",
      doc: "A webhook endpoint of the workspace; `secret` is carried by the answer of its creation.",
    },
    { name: "ListWebhooksResponse", schema: { type: "array", items: ref("WebhookResponse") } },
    {
      name: "WebhookDelivery",
      contractName: "WebhookDeliveryResponse",
      doc: "One delivery of an event to a webhook: its outcome, attempts and timing.",
    },
    {
      name: "ListWebhookDeliveriesResponse",
      schema: { type: "array", items: ref("WebhookDeliveryResponse") },
    },
    { name: "WebhookStats", contractName: "WebhookStatsResponse" },
    {
      name: "WebhookSecret",
      contractName: "WebhookSecret",
      doc: "A webhook's signing secret (`whsec_...`), revealed or just rotated.",
    },
    {
      name: "WebhookEventSent",
      contractName: "WebhookEventSent",
      doc: "An event sent to a webhook (a test, a resend); `event_id` names its delivery where the API says.",
    },
  ],

  workspaces: [
    {
      name: "WorkspaceResponse",
      contractName: "WorkspaceResponse",
      doc: "A workspace (team) the caller belongs to, with the caller's role in it.",
      patch: add({
        // Typed by the official JS SDK (workspaces), not in the reference.
        avatar_url: nullable(str),
        description: nullable(str),
        billing_status: nullable(str),
        suspended_at: nullable(str),
      }),
    },
    {
      name: "PaginationMetadata",
      contractName: "teehouse__api__routes__workspace__PaginationMetadata",
      doc: "Cursor pagination: pass `next_cursor` back as `cursor` while `has_more`.",
    },
    { name: "ListWorkspaces", contractName: "WorkspacesListResponse", doc: "`GET /workspaces`." },
    { name: "WorkspaceNode", alias: "NodeRef" },
    {
      name: "GetWorkspaceNodes",
      contractName: "PaginatedWorkspaceNodesResponse",
      doc: "`GET /workspaces/{slug}/nodes`: one page of nodes.",
    },
    {
      name: "QuotaMetric",
      contractName: "QuotaMetric",
      doc: "A limit and what is left of it; `-1` as a limit means unlimited.",
    },
    { name: "WorkspaceQuotas", contractName: "WorkspaceQuotas" },
    { name: "WorkspaceReservedGpuQuota", contractName: "WorkspaceReservedGpuQuota" },
    {
      name: "GetWorkspaceQuotas",
      contractName: "WorkspaceQuotasResponse",
      doc: "`GET /workspaces/{slug}/quotas`.",
    },
  ],

  "instance-types": [
    {
      name: "InstanceType",
      contractName: "InstanceTypePublic",
      patch: add({
        // Typed by the official SDKs (GPU instance types), not in the reference.
        requires_gpu_count: nullable(int),
        requires_gpu_product_id: nullable(str),
      }),
    },
    { name: "FamilyGroup", contractName: "FamilyGroup" },
    {
      name: "AllFamiliesResponse",
      contractName: "AllFamiliesResponse",
      doc: "`GET /instance-types`: every public instance type, grouped by family.",
    },
    {
      name: "FamilyInstanceTypesResponse",
      contractName: "FamilyInstanceTypesResponse",
      doc: "`GET /instance-types/{family}`.",
    },
  ],

  nodes: [
    { name: "OsImageVersion", contractName: "OsImageVersion" },
    { name: "NodeOsImage", contractName: "NodeOsImage", doc: "An OS image deployed on a node." },
    {
      name: "TeepodCapacity",
      contractName: "TeepodCapacity",
      doc: "A node (teepod) with what it can still host.",
    },
    { name: "ResourceThreshold", contractName: "ResourceThreshold" },
    { name: "GpuAvailability", contractName: "GpuAvailability" },
    { name: "AvailableNodes", contractName: "AvailableNodes", doc: "`GET /teepods/available`." },
    { name: "OsImage", contractName: "OsImage", doc: "One OS image of the public catalogue." },
    { name: "CvmCreateResourcesImage", contractName: "CvmCreateResourcesImage" },
    { name: "CvmCreateResourcesNode", contractName: "CvmCreateResourcesNode" },
    { name: "CvmCreateResourcesKmsNode", contractName: "CvmCreateResourcesKmsNode" },
    { name: "CvmCreateResourcesNodeKms", contractName: "CvmCreateResourcesNodeKms" },
    { name: "CvmCreateResourcesGateway", contractName: "CvmCreateResourcesGateway" },
    { name: "CvmCreateResourcesInstanceType", contractName: "CvmCreateResourcesInstanceType" },
    {
      name: "CvmCreateResources",
      contractName: "CvmCreateResources",
      doc: "`GET /teepods/cvm-create-resources`: what a new CVM can use (nodes, KMS nodes, gateways, instance types).",
    },
    {
      name: "GetOsImagesResponse",
      contractName: "OsImagePage",
      doc: "`GET /os-images`: one page of the catalogue.",
    },
  ],
};
