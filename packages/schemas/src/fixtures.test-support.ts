// Realistic bodies of the six version-aware endpoints in both versions: test data,
// not built into the package. The one copy that schemas, core and adapter tests share.

export const APP_HEX = "e5a0c70bb6503de2d31c11d85914fe3776ed5b33";
export const INSTANCE_HEX = "9c4f1e2a7b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e";
export const VM_UUID = "bf1b6f57-1470-4531-9ad9-22013366635b";

export function currentUserV20260121() {
  return {
    user: {
      username: "alice",
      email: "alice@example.com",
      role: "admin",
      avatar: "https://avatars.example.com/alice.png",
      email_verified: true,
      totp_enabled: false,
      has_backup_codes: false,
      flag_has_password: true,
    },
    workspace: {
      id: "ws_3f9a",
      name: "Acme",
      slug: "acme",
      tier: "pro",
      role: "owner",
      avatar: null,
    },
    credits: {
      balance: "12.50",
      granted_balance: 5,
      is_post_paid: false,
      outstanding_amount: null,
    },
  };
}

export function currentUserV20251028() {
  return {
    username: "alice",
    email: "alice@example.com",
    credits: 12.5,
    granted_credits: 5,
    avatar: "https://avatars.example.com/alice.png",
    team_name: "Acme",
    team_tier: "pro",
  };
}

export function cvmV20260121() {
  return {
    id: "cvm_9xK2mQ7tLp",
    name: "price-oracle",
    app_id: APP_HEX,
    vm_uuid: VM_UUID,
    instance_id: INSTANCE_HEX,
    resource: {
      instance_type: "tdx.medium",
      vcpu: 2,
      memory_in_gb: 4,
      disk_in_gb: 40,
      gpus: 0,
      compute_billing_price: "0.058",
      billing_period: "hourly",
    },
    node_info: {
      object_type: "node",
      id: 12,
      name: "prod7",
      region: "us-west",
      device_id: null,
      ppid: null,
      status: "online",
      version: "0.5.3",
    },
    os: { name: "dstack", version: "0.5.3", is_dev: false, os_image_hash: "0xabc123" },
    kms_type: "phala",
    kms_info: {
      chain_id: 8453,
      dstack_kms_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
      dstack_app_address: `0x${APP_HEX}`,
      deployer_address: "0x1111111111111111111111111111111111111111",
      rpc_endpoint: "https://mainnet.base.org",
      encrypted_env_pubkey: "0x04abcdef",
    },
    status: "running",
    in_progress: false,
    progress: null,
    compose_hash: "f06dfda6dce1cf904d4e2bab1dc370634cf95cefa2ceb2de2eee127c9382698",
    docker_compose_hash: null,
    pre_launch_script_hash: null,
    gateway: {
      base_domain: "dstack-prod7.phala.network",
      cname: `${APP_HEX}.dstack-prod7.phala.network`,
    },
    logs: {
      serial: "https://logs.example/serial",
      stdout: "https://logs.example/stdout",
      stderr: "https://logs.example/stderr",
      container_log_base: "https://logs.example/containers",
    },
    services: [{ name: "oracle", image: "ghcr.io/acme/oracle:1.4.0", status: "running" }],
    endpoints: [
      {
        app: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
        instance: `https://${INSTANCE_HEX}-8080.dstack-prod7.phala.network`,
      },
    ],
    public_logs: true,
    public_sysinfo: true,
    public_tcbinfo: false,
    gateway_enabled: true,
    secure_time: false,
    listed: false,
    storage_fs: "ext4",
    workspace: {
      object_type: "workspace",
      id: "ws_3f9a",
      name: "Acme",
      slug: "acme",
      avatar_url: null,
    },
    creator: { object_type: "user", id: "u_1", username: "alice", avatar_url: null },
    created_at: "2026-01-22T10:00:00Z",
    updated_at: "2026-01-23T08:30:00Z",
    deleted_at: null,
    project_type: "webdev",
    app_url: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
    base_image: "dstack-0.5.3",
    features: ["kms", "tproxy-net"],
    runner: "docker-compose",
    manifest_version: "2",
  };
}

export function cvmDetailV20260121() {
  return {
    ...cvmV20260121(),
    compose_file: {
      name: "price-oracle",
      docker_compose_file: "services:\n  oracle:\n    image: ghcr.io/acme/oracle:1.4.0\n",
    },
  };
}

export function cvmListV20260121() {
  return { items: [cvmV20260121()], total: 1, page: 1, page_size: 20, pages: 1 };
}

export function appV20260121() {
  return {
    id: "dapp_5c1e",
    name: "price-oracle",
    app_id: APP_HEX,
    app_provision_type: "phala_cloud",
    app_icon_url: null,
    created_at: "2026-01-22T10:00:00Z",
    kms_type: "phala",
    profile: {
      display_name: "Price oracle",
      avatar_url: null,
      description: "Signs prices inside a TEE",
      custom_domain: null,
    },
    current_cvm: cvmV20260121(),
    cvms: [cvmV20260121()],
    cvm_count: 1,
  };
}

/** An app of another workspace: only its id is visible. */
export function minimalAppV20260121() {
  return { app_id: INSTANCE_HEX, id: null, name: null };
}

export function appListV20260121() {
  return {
    dstack_apps: [appV20260121(), minimalAppV20260121()],
    page: 1,
    page_size: 20,
    total: 2,
    total_pages: 1,
  };
}

export function cvmV20251028() {
  return {
    hosted: {
      id: VM_UUID,
      name: "price-oracle",
      status: "running",
      uptime: "3d 4h",
      app_url: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
      app_id: APP_HEX,
      instance_id: INSTANCE_HEX,
      configuration: {
        name: "price-oracle",
        image: "dstack-0.3.6",
        vcpu: 2,
        memory: 4096,
        disk_size: 40,
        ports: [{ protocol: "tcp", host_port: 18080, vm_port: 8080, host_address: null }],
        kms_urls: ["https://kms.phala.network"],
      },
      exited_at: null,
      boot_progress: "done",
      boot_error: null,
      shutdown_progress: null,
      image_version: "dstack-0.3.6",
    },
    name: "price-oracle",
    managed_user: { id: 7, username: "alice" },
    node: { id: 12, name: "prod7", region_identifier: "us-west" },
    listed: false,
    status: "running",
    in_progress: false,
    dapp_dashboard_url: null,
    syslog_endpoint: "https://logs.example/syslog",
    allow_upgrade: true,
    project_id: null,
    project_type: null,
    billing_period: "hourly",
    kms_info: {
      id: "kms_1",
      slug: "phala-prod",
      url: "https://kms.dstack-prod7.phala.network",
      version: "v0.3.6",
      chain_id: null,
      kms_contract_address: null,
      gateway_app_id: null,
      k256_pubkey: null,
    },
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    gateway_domain: "dstack-prod7.phala.network",
    public_urls: [
      {
        app: `https://${APP_HEX}-8080.dstack-prod7.phala.network`,
        instance: `https://${INSTANCE_HEX}-8080.dstack-prod7.phala.network`,
      },
    ],
    machine_info: { vcpu: 2, memory: 4096, disk_size: 40, gpu_count: 0 },
    updated_at: "2025-10-29T08:30:00Z",
  };
}

export function cvmDetailV20251028() {
  return {
    id: 4821,
    name: "price-oracle",
    status: "running",
    in_progress: false,
    teepod_id: 12,
    teepod: { id: 12, name: "prod7", region_identifier: "us-west" },
    app_id: APP_HEX,
    vm_uuid: VM_UUID,
    instance_id: INSTANCE_HEX,
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    base_image: "dstack-0.3.6",
    encrypted_env_pubkey: "0x04abcdef",
    listed: false,
    project_id: null,
    project_type: null,
    instance_type: "tdx.medium",
    public_sysinfo: true,
    public_logs: true,
    dapp_dashboard_url: null,
    syslog_endpoint: null,
    kms_info: null,
    contract_address: null,
    deployer_address: null,
    scheduled_delete_at: null,
    public_urls: [],
    gateway_domain: "dstack-prod7.phala.network",
    machine_info: null,
    updated_at: "2025-10-29T08:30:00Z",
  };
}

export function cvmListV20251028() {
  return { items: [cvmV20251028()], total: 1, page: 1, page_size: 20, pages: 1 };
}

export function cvmBasicV20251028() {
  return {
    vm_uuid: VM_UUID,
    app_id: APP_HEX,
    name: "price-oracle",
    status: "running",
    vcpu: 2,
    memory: 4096,
    disk_size: 40,
    teepod_id: 12,
    teepod_name: "prod7",
    region_identifier: "us-west",
    kms_type: "phala",
    instance_type: "tdx.medium",
    listed: false,
    base_image: "dstack-0.3.6",
    kms_slug: "phala-prod",
    kms_id: null,
    kms_contract_id: null,
    instance_id: INSTANCE_HEX,
    machine_info: { vcpu: 2, memory: 4096, disk_size: 40, gpu_count: 0 },
    updated_at: "2025-10-29T08:30:00Z",
  };
}

export function appV20251028() {
  return {
    id: "dapp_5c1e",
    name: "price-oracle",
    app_id: APP_HEX,
    app_provision_type: "phala_cloud",
    app_icon_url: null,
    created_at: "2025-10-29T08:00:00Z",
    kms_type: "phala",
    profile: null,
    current_cvm: cvmBasicV20251028(),
    cvms: [cvmBasicV20251028()],
    cvm_count: 1,
  };
}

export function appListV20251028() {
  return { dstack_apps: [appV20251028()], page: 1, page_size: 20, total: 1, total_pages: 1 };
}

/** A valid body of each version-aware endpoint, per version. */
export const validBodies = {
  "2026-01-21": {
    getCurrentUser: currentUserV20260121,
    getCvmList: cvmListV20260121,
    getCvmInfo: cvmDetailV20260121,
    getAppList: appListV20260121,
    getAppInfo: appV20260121,
    getAppCvms: () => [cvmV20260121()],
  },
  "2025-10-28": {
    getCurrentUser: currentUserV20251028,
    getCvmList: cvmListV20251028,
    getCvmInfo: cvmDetailV20251028,
    getAppList: appListV20251028,
    getAppInfo: appV20251028,
    getAppCvms: () => [cvmV20251028()],
  },
} as const;
