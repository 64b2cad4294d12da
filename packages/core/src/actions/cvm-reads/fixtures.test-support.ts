// Realistic bodies of the CVM read endpoints, shared by this folder's tests.
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
