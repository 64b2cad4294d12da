// @ts-check
// A realistic 2026-01-21 page of CVMs, generated deterministically.

const REGIONS = ["us-west-1", "eu-central-1", "ap-southeast-1"];
const STATUSES = ["running", "running", "running", "stopped", "starting"];

/** @param {number} n */
function hex(n, length) {
  let out = "";
  let x = (n * 2654435761) >>> 0;
  while (out.length < length) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += x.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}

/** @param {number} i */
export function cvmV20260121(i) {
  const appId = hex(i + 1, 40);
  const node = i % 3;
  return {
    id: hex(i + 7, 12),
    name: `service-${i}`,
    app_id: appId,
    vm_uuid: `${hex(i, 8)}-${hex(i + 1, 4)}-4${hex(i + 2, 3)}-8${hex(i + 3, 3)}-${hex(i + 4, 12)}`,
    instance_id: hex(i + 5, 40),
    resource: {
      instance_type: i % 4 === 0 ? "tdx.medium" : "tdx.small",
      vcpu: i % 4 === 0 ? 4 : 2,
      memory_in_gb: i % 4 === 0 ? 8 : 4,
      disk_in_gb: 40,
      gpus: 0,
      compute_billing_price: "0.058",
      billing_period: "hourly",
    },
    node_info: {
      object_type: "node",
      id: node + 1,
      name: `prod-node-${node + 1}`,
      region: REGIONS[node],
      device_id: hex(node + 100, 64),
      ppid: hex(node + 200, 32),
      status: "online",
      version: "0.5.3",
    },
    os: { name: "dstack", version: "0.5.3", is_dev: false, os_image_hash: hex(i + 9, 64) },
    kms_type: "phala",
    kms_info: {
      chain_id: null,
      dstack_kms_address: null,
      dstack_app_address: null,
      deployer_address: null,
      rpc_endpoint: null,
      encrypted_env_pubkey: hex(i + 11, 64),
    },
    status: STATUSES[i % STATUSES.length],
    in_progress: false,
    progress: null,
    compose_hash: hex(i + 13, 64),
    docker_compose_hash: hex(i + 14, 64),
    pre_launch_script_hash: null,
    gateway: { base_domain: "dstack-prod5.phala.network", cname: null },
    logs: {
      serial: `https://${appId}-8090.dstack-prod5.phala.network/logs/serial`,
      stdout: null,
      stderr: null,
      container_log_base: null,
    },
    services: [],
    endpoints: [
      {
        app: `https://${appId}-80.dstack-prod5.phala.network`,
        instance: `https://${hex(i + 5, 40)}-80.dstack-prod5.phala.network`,
      },
    ],
    public_logs: true,
    public_sysinfo: true,
    public_tcbinfo: true,
    gateway_enabled: true,
    secure_time: false,
    listed: false,
    storage_fs: "ext4",
    workspace: {
      object_type: "workspace",
      id: "ws_8k2m",
      name: "Acme Research",
      slug: "acme",
      avatar_url: null,
    },
    creator: { object_type: "user", id: "u_1", username: "ada", avatar_url: null },
    created_at: "2026-02-01T10:00:00Z",
    updated_at: "2026-02-03T12:30:00Z",
    deleted_at: null,
    project_type: "webdemo",
    app_url: null,
    base_image: "dstack-0.5.3",
    features: ["kms", "tproxy-net"],
    runner: null,
    manifest_version: "2",
  };
}

/** @param {number} count */
export function cvmPageV20260121(count) {
  const items = Array.from({ length: count }, (_, i) => cvmV20260121(i));
  return { items, total: count, page: 1, page_size: count, pages: 1 };
}
