// Realistic bodies of the CVM endpoints, shared by this folder's tests: the
// reads, the VM record and the operations' answers, the on-chain 465.
import { APP_HEX, VM_UUID } from "../../test-utils";

// --- Reads ---------------------------------------------------------------------

export const VM_UUID_HEX = "bf1b6f57147045319ad922013366635b";

export function cvmStateBody() {
  return {
    id: "bf1b6f57-1470-4531-9ad9-22013366635b",
    instance_id: "9c4f1e2a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e",
    name: "price-oracle",
    status: "running",
    uptime: "3d 4h 2m",
    exited_at: null,
    boot_progress: "done",
    boot_error: null,
    shutdown_progress: null,
  };
}

export function cvmStatsBody() {
  return {
    is_online: true,
    is_public: true,
    error: null,
    sysinfo: {
      os_name: "Linux",
      os_version: "0.5.3",
      kernel_version: "6.9.0-dstack",
      cpu_model: "INTEL(R) XEON(R)",
      num_cpus: 2,
      total_memory: 4294967296,
      available_memory: 2147483648,
      used_memory: 2147483648,
      free_memory: 2147483648,
      total_swap: 0,
      used_swap: 0,
      free_swap: 0,
      uptime: 273720,
      // Integers in the contract (the guest agent rounds them).
      loadavg_one: 1,
      loadavg_five: 0,
      loadavg_fifteen: 0,
      disks: [{ name: "/dev/vda1", mount_point: "/", total_size: 42949672960, free_size: 1e10 }],
    },
    status: "running",
    in_progress: false,
    boot_progress: "done",
    boot_error: null,
  };
}

export function cvmNetworkBody() {
  return {
    is_online: true,
    is_public: true,
    error: null,
    internal_ip: "10.0.3.7",
    latest_handshake: "2026-03-05T10:00:00Z",
    public_urls: [{ app: "https://a-8080.example", instance: "https://i-8080.example" }],
  };
}

export function cvmContainersBody() {
  return {
    is_online: true,
    is_public: true,
    error: null,
    docker_compose_file: "services:\n  web:\n    image: nginx\n",
    manifest_version: 2,
    version: "0.5.3",
    runner: "docker-compose",
    features: ["kms"],
    containers: [
      {
        id: "c1",
        names: ["/app-web-1"],
        image: "nginx",
        image_id: "sha256:abc",
        command: null,
        created: 1767225600,
        state: "running",
        status: "Up 3 days",
        log_endpoint: null,
      },
    ],
  };
}

export function cvmAttestationBody() {
  return {
    name: "price-oracle",
    is_online: true,
    is_public: true,
    error: null,
    app_certificates: [
      {
        subject: {
          common_name: "app.dstack",
          organization: "Dstack",
          country: null,
          state: null,
          locality: null,
        },
        issuer: { common_name: "Dstack KMS CA", organization: "Dstack", country: null },
        serial_number: "01",
        not_before: "2026-01-01T00:00:00Z",
        not_after: "2036-01-01T00:00:00Z",
        version: "v3",
        fingerprint: "ff",
        signature_algorithm: "ecdsa-with-SHA256",
        sans: ["app.dstack"],
        is_ca: false,
        position_in_chain: 0,
        quote: "0xquote",
        app_id: "e5a0c70bb6503de2d31c11d85914fe3776ed5b33",
        cert_usage: "app",
      },
    ],
    tcb_info: {
      mrtd: "aa",
      rootfs_hash: "bb",
      rtmr0: "00",
      rtmr1: "01",
      rtmr2: "02",
      rtmr3: "03",
      event_log: [
        { imr: 3, event_type: 1, digest: "dd", event: "compose-hash", event_payload: "ee" },
      ],
      app_compose: "{}",
    },
    compose_file: "{}",
  };
}

export function cvmComposeFileBody() {
  return {
    manifest_version: 2,
    name: "price-oracle",
    runner: "docker-compose",
    docker_compose_file: "services:\n  web:\n    image: nginx\n",
    kms_enabled: true,
    gateway_enabled: true,
    public_logs: true,
    public_sysinfo: true,
    public_tcbinfo: true,
    allowed_envs: ["API_KEY"],
    storage_fs: "zfs",
  };
}

// --- The VM record, provisioning, instance ids, batch status ---------------------

export const COMPOSE_HASH = "ab".repeat(32);
export const UUID_HEX = VM_UUID.replaceAll("-", "");

export function vm(overrides: Record<string, unknown> = {}) {
  return {
    id: 0,
    name: "price-oracle",
    status: "starting",
    teepod_id: 5,
    teepod: { id: 5, name: "prod5", region_identifier: "us-west-1" },
    app_id: APP_HEX,
    vm_uuid: VM_UUID,
    instance_id: null,
    app_url: `https://${APP_HEX}-8090.dstack-pha-prod5.phala.network`,
    base_image: "dstack-0.5.3",
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    manifest_version: 2,
    version: "0.5.3",
    runner: "docker-compose",
    docker_compose_file: "services: {}\n",
    features: ["kms", "tproxy-net"],
    created_at: "2026-03-05T10:00:00.000Z",
    encrypted_env_pubkey: "cd".repeat(32),
    user_id: null,
    app_auth_contract_address: null,
    deployer_address: null,
    ...overrides,
  };
}

export function provisionReply() {
  return {
    app_id: APP_HEX,
    app_env_encrypt_pubkey: "cd".repeat(32),
    compose_hash: COMPOSE_HASH,
    kms_info: {
      id: "kms-phala-prod",
      slug: "phala-prod",
      url: "https://kms.phala.network",
      version: "v0.5.3",
      chain_id: null,
      kms_contract_address: null,
      gateway_app_id: "ef".repeat(20),
      k256_pubkey: null,
    },
    fmspc: "00806f050000",
    device_id: "01".repeat(32),
    os_image_hash: "02".repeat(32),
    instance_type: "tdx.small",
    token: null,
    node_id: 5,
    teepod_id: 5,
    kms_id: "kms-phala-prod",
    kms_contract_id: null,
    compose_hash_registered: null,
  };
}

export function refreshResult(overrides: Record<string, unknown> = {}) {
  return {
    cvm_id: 0,
    identifier: "price-oracle",
    status: "unchanged",
    old_instance_id: "aa".repeat(20),
    new_instance_id: "aa".repeat(20),
    source: "teepod_state",
    verified_with_gateway: true,
    reason: null,
    ...overrides,
  };
}

/** The API's answer: the running operation's fields sit flat beside the status. */
export function batchStatus() {
  return {
    [VM_UUID]: {
      vm_uuid: VM_UUID,
      status: "stopping",
      uptime: "3m",
      in_progress: true,
      boot_progress: "done",
      boot_error: null,
      shutdown_progress: "stopping containers",
      events: [{ event: "shutdown", body: "graceful", timestamp: 1767225600 }],
      operation_type: "stop",
      operation_started_at: "2026-01-01T00:00:00Z",
      correlation_id: "op_7",
    },
  };
}

export const composeFile = {
  docker_compose_file: "services:\n  web:\n    image: nginx\n",
  allowed_envs: ["A"],
};

// --- Updates and the on-chain 465 ----------------------------------------------

export const HASH = "a".repeat(64);
export const TX = `0x${"b".repeat(64)}`;
export const APP = "e5a0c70bb6503de2d31c11d85914fe3776ed5b33";
export const YAML = "services:\n  web:\n    image: nginx:1.27\n";
export const KMS_INFO = {
  id: "kms-base-prod",
  slug: "base-prod",
  url: "https://kms-base.example",
  version: "v0.5.3",
  chain_id: 8453,
  kms_contract_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
  gateway_app_id: "0x1234",
  k256_pubkey: null,
};

/** The API's 465 body: its structured error under FastAPI's `detail`. */
export function registrationRequiredBody(extra: { field: string; value: unknown }[] = []) {
  return {
    detail: {
      error_code: "ERR-01-005",
      message: "Compose hash registration required on-chain",
      details: [
        { field: "compose_hash", value: HASH, message: null },
        { field: "app_id", value: `0x${APP}`, message: null },
        { field: "device_id", value: "d".repeat(64), message: null },
        { field: "kms_info", value: KMS_INFO, message: null },
        ...extra.map((item) => ({ ...item, message: null })),
      ],
      suggestions: ["Register the compose hash on-chain"],
      links: [],
    },
  };
}

export const expectedRegistration = {
  status: "precondition_required",
  message: "Compose hash registration required on-chain",
  error_code: "ERR-01-005",
  compose_hash: HASH,
  app_id: `0x${APP}`,
  device_id: "d".repeat(64),
  kms_info: KMS_INFO,
  commit_token: null,
  commit_url: null,
  api_commit_url: null,
  onchain_status: null,
};
