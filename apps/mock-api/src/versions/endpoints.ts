import type { CvmVmV20260522Schema } from "@phala/cloud-schemas";
import type { SdkEndpoint, SdkVersion, WireBody, WireInput } from "./sdk-types";

/**
 * The version the mock's renderers write, straight from the model. Every other
 * version is derived from its bodies by the version changes: older ones taken
 * back one change at a time, newer ones (a test's extra version) brought forward.
 */
export const RENDER_VERSION = "2026-06-23" satisfies SdkVersion;
export type RenderVersion = typeof RENDER_VERSION;

/**
 * The endpoints whose answers go through the version chain (`respond`), by the
 * SDK action that calls them. A change of the SDK reaching an endpoint that is
 * not here cannot be rendered, and the mock refuses to start.
 */
export const RENDERED_ENDPOINTS = [
  "getCurrentUser",
  "getCvmList",
  "getCvmInfo",
  "getAppList",
  "getAppInfo",
  "getAppCvms",
  "listCvms",
  "createWorkloadCvm",
  "updateCvmListed",
  "scheduleCvmDelete",
  "commitCvmProvision",
  "startCvm",
  "stopCvm",
  "shutdownCvm",
  "restartCvm",
  "replicateCvm",
  "commitCvmReplica",
  "createAppInstance",
  "replicateAppCvm",
  "checkCvmIsAllowed",
  "checkAppCvmsIsAllowed",
  "getAppDeviceAllowlist",
  "refreshCvmInstanceId",
  "refreshCvmInstanceIds",
  "getCvmCreateResources",
  "getKmsList",
  "getKmsInfo",
  "getAppEnvEncryptPubKey",
  "listKmsContracts",
  "getKmsContract",
  "listKmsContractNodes",
  // `PATCH /cvms/{id}/visibility`, which no SDK action calls any more
  // (updateCvmVisibility sends PATCH /cvms/{id}); it answers the VM record.
  "patchCvmVisibility",
] as const satisfies readonly (SdkEndpoint | "patchCvmVisibility")[];

export type MockEndpoint = (typeof RENDERED_ENDPOINTS)[number];

export function isRenderedEndpoint(name: string): name is MockEndpoint {
  return (RENDERED_ENDPOINTS as readonly string[]).includes(name);
}

/**
 * What a route hands to `respond`: the SDK's own type of the endpoint's answer
 * in the render version (its input side: a field the schema defaults may be left out).
 */
export type CanonicalBody<E extends MockEndpoint> = E extends SdkEndpoint
  ? WireBody<E, RenderVersion>
  : WireInput<typeof CvmVmV20260522Schema>;

/** A path into a body: keys, and `*` for every item of an array. */
export type BodyPath = readonly string[];

/**
 * Where each shape the SDK's field changes name sits in the bodies of the
 * endpoints that carry it. A field change (added, removed, renamed, retyped) is
 * applied to the shape wherever it is listed here; a change reaching an endpoint
 * that does not locate its shape cannot be rendered.
 */
export const SHAPE_LOCATIONS: Readonly<
  Record<string, Readonly<Partial<Record<MockEndpoint, readonly BodyPath[]>>>>
> = {
  CvmVm: {
    commitCvmProvision: [[]],
    startCvm: [[]],
    stopCvm: [[]],
    shutdownCvm: [[]],
    restartCvm: [[]],
    replicateCvm: [[]],
    commitCvmReplica: [[]],
    createAppInstance: [[]],
    replicateAppCvm: [[]],
    patchCvmVisibility: [[]],
    createWorkloadCvm: [[]],
    updateCvmListed: [[]],
    scheduleCvmDelete: [[]],
  },
  CvmIsAllowedResult: { checkCvmIsAllowed: [[]] },
  CvmIsAllowedItem: { checkAppCvmsIsAllowed: [["results", "*"]] },
  AppCvmsIsAllowedResponse: { checkAppCvmsIsAllowed: [[]] },
  DeviceAllowlistResponse: { getAppDeviceAllowlist: [[]] },
  DeviceAllowlistItem: { getAppDeviceAllowlist: [["devices", "*"]] },
  InstanceIdRefreshResult: {
    refreshCvmInstanceId: [[]],
    refreshCvmInstanceIds: [["items", "*"]],
  },
  RefreshCvmInstanceIds: { refreshCvmInstanceIds: [[]] },
  CvmCreateResources: { getCvmCreateResources: [[]] },
  CvmCreateResourcesNode: { getCvmCreateResources: [["nodes", "*"]] },
  CvmCreateResourcesKmsNode: { getCvmCreateResources: [["kms_nodes", "*"]] },
  CvmCreateResourcesNodeKms: { getCvmCreateResources: [["node_kms_relations", "*"]] },
  CvmCreateResourcesGateway: { getCvmCreateResources: [["gateway_nodes", "*"]] },
  CvmCreateResourcesInstanceType: { getCvmCreateResources: [["instance_types", "*"]] },
  KmsInfo: { getKmsList: [["items", "*"]], getKmsInfo: [[]] },
  KmsContract: { listKmsContracts: [["items", "*"]], getKmsContract: [[]] },
  KmsContractNode: { listKmsContractNodes: [["items", "*"]] },
};
