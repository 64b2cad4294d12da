// GET /apps/{app_id}/attestations: the attestation of each of an app's instances.
import type { Hono, MiddlewareHandler } from "hono";
import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { appCvms } from "../../internal/lookup";
import { getKms, getNode, type MockApp, type MockState } from "../../model";
import { contractAddress } from "./allowlist";
import { ownApp } from "./shared";

/** What the guest agent of a KMS or gateway app reports about itself (mock figures). */
function guestAgentInfo(appId: string, label: string) {
  return {
    device_id: deterministicHex(`guest-device:${label}`, 64),
    mr_aggregated: deterministicHex(`mr-aggregated:${label}`, 64),
    os_image_hash: deterministicHex(`guest-os:${label}`, 64),
    instance_id: deterministicHex(`guest-instance:${label}`, 40),
    app_id: appId,
    mr_key_provider: deterministicHex(`mr-key-provider:${label}`, 64),
    compose_hash: deterministicHex(`guest-compose:${label}`, 64),
  };
}

export function renderAttestation(state: MockState, app: MockApp) {
  const kms = getKms(state, app.kmsId);
  const instances = appCvms(state, app.appId).map((cvm) => {
    const node = getNode(state, cvm.nodeId);
    const common = {
      vm_uuid: cvm.vmUuid,
      name: cvm.name,
      instance_id: cvm.instanceId,
      status: cvm.status,
      image_version: cvm.os.name,
      device_id: node.deviceId,
      ppid: node.ppid,
    };
    if (cvm.status !== "running") {
      return {
        ...common,
        quote: null,
        tcb_info: null,
        app_certificates: null,
        error: "CVM is not running",
      };
    }
    const measurement = (register: string) => deterministicHex(`${register}:${cvm.id}`, 96);
    return {
      ...common,
      quote: deterministicHex(`quote:${cvm.id}`, 256),
      ppid_sha256: deterministicHex(`ppid-sha256:${node.ppid}`, 64),
      fmspc: "00806f050000",
      tee_tcb_svn: deterministicHex(`svn:${node.name}`, 32),
      cpusvn: deterministicHex(`cpusvn:${node.name}`, 32),
      pcesvn: 13,
      tcb_info: {
        mrtd: measurement("mrtd"),
        rootfs_hash: null,
        rtmr0: measurement("rtmr0"),
        rtmr1: measurement("rtmr1"),
        rtmr2: measurement("rtmr2"),
        rtmr3: measurement("rtmr3"),
        event_log: [
          {
            imr: 3,
            event_type: 134217729,
            digest: measurement("compose-hash-event"),
            event: "compose-hash",
            event_payload: cvm.composeHash,
          },
        ],
        app_compose: cvm.composeFile,
      },
      app_certificates: [],
      compose_file: cvm.composeFile,
      error: null,
    };
  });
  return {
    app_id: app.appId,
    contract_address: contractAddress(app),
    kms_info: {
      contract_address: kms.contractAddress ?? "",
      chain_id: kms.chainId,
      version: kms.version,
      url: kms.url,
      gateway_app_id: kms.gatewayAppId,
      gateway_app_url: `https://gateway.${kms.slug}.phala.network`,
      kms_type: kms.kind,
    },
    instances,
    kms_guest_agent_info: guestAgentInfo(deterministicHex(`kms-app:${kms.id}`, 40), kms.slug),
    gateway_guest_agent_info: guestAgentInfo(kms.gatewayAppId, `${kms.slug}-gateway`),
    qemu_version: "9.2.1",
  };
}

export function registerAttestationRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/apps/:app_id/attestations", requireApiKey, (c) => {
    return c.json(renderAttestation(c.get("render").state, ownApp(c)), 200);
  });
}
