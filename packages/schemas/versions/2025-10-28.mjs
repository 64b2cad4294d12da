import { hand, shape } from "./ops.mjs";

// The oldest version the SDK knows: every endpoint and the shape it answers.
// The versions after it are changes against this (see index.mjs). An endpoint's
// name is the SDK action that calls it; the SDK's own results (the typed 465
// result, a 204 as `undefined`) are hand-written schemas of src/resources.

/** The action's result: the VM record, or the typed 465 result of src/resources/cvms/updates. */
const registrationOr = (resultName, name) => ({
  anyOf: [hand("cvms/updates", "ComposeHashRegistrationRequired"), shape(name)],
  "x-name": resultName,
});

export const BASE_VERSION = "2025-10-28";

export const BASE_SUMMARY = "Flat user, flat CVM (`hosted` VM, `node`, sizes at the top level).";

export const BASE_ENDPOINTS = {
  // Account, workspaces, SSH keys
  getCurrentUser: shape("CurrentUserV20251028"),
  listWorkspaces: shape("ListWorkspaces"),
  getWorkspace: shape("WorkspaceResponse"),
  getWorkspaceNodes: shape("GetWorkspaceNodes"),
  getWorkspaceQuotas: shape("GetWorkspaceQuotas"),
  listSshKeys: shape("ListSshKeysResponse"),
  createSshKey: shape("SshKey"),
  importGithubProfileSshKeys: shape("ImportGithubProfileResponse"),
  syncGithubSshKeys: shape("SyncGithubSshKeysResponse"),
  deleteSshKey: hand("ssh-keys", "DeleteSshKeyResponse"),
  // Capacity
  getAvailableNodes: shape("AvailableNodes"),
  listAllInstanceTypeFamilies: shape("AllFamiliesResponse"),
  listFamilyInstanceTypes: shape("FamilyInstanceTypesResponse"),
  getOsImages: shape("GetOsImagesResponse"),
  getAvailableOsImages: shape("GetAvailableOsImagesResponse"),
  // KMS
  getKmsList: shape("GetKmsListResponse"),
  getKmsInfo: shape("KmsInfo"),
  getKmsOnChainDetail: shape("GetKmsOnChainDetailResponse"),
  nextAppIds: shape("NextAppIds"),
  getAppEnvEncryptPubKey: shape("GetAppEnvEncryptPubKey"),
  // CVMs
  getCvmList: shape("PaginatedCvmInfosV20251028"),
  getCvmInfo: shape("CvmDetailV20251028"),
  getCvmComposeFile: shape("CvmAppCompose"),
  getCvmDockerCompose: hand("cvms/reads", "CvmTextFile"),
  getCvmPreLaunchScript: hand("cvms/reads", "CvmTextFile"),
  getCvmNetwork: shape("CvmNetwork"),
  getCvmStats: shape("CvmSystemInfo"),
  getCvmContainersStats: shape("CvmContainersStats"),
  getCvmUserConfig: shape("CvmUserConfig"),
  getCvmAttestation: shape("CvmAttestation"),
  getCvmState: shape("CvmCurrentState"),
  getCvmStatusBatch: shape("GetCvmStatusBatch"),
  provisionCvm: shape("ProvisionCvm"),
  commitCvmProvision: shape("CvmVm"),
  startCvm: shape("CvmVm"),
  stopCvm: shape("CvmVm"),
  shutdownCvm: shape("CvmVm"),
  restartCvm: shape("CvmVm"),
  deleteCvm: hand("cvms/lifecycle", "NoContent"),
  replicateCvm: registrationOr("ReplicateCvmResult", "CvmVm"),
  commitCvmReplica: shape("CvmVm"),
  refreshCvmInstanceId: shape("InstanceIdRefreshResult"),
  refreshCvmInstanceIds: shape("RefreshCvmInstanceIds"),
  updateCvmResources: shape("CvmOperationAccepted"),
  updateCvmVisibility: hand("cvms/updates", "CvmPatchResult"),
  updateOsImage: shape("CvmOperationAccepted"),
  patchCvm: hand("cvms/updates", "CvmPatchResult"),
  confirmCvmPatch: hand("cvms/updates", "CvmPatchResult"),
  updateCvmEnvs: hand("cvms/updates", "CvmUpdateResult"),
  updateDockerCompose: hand("cvms/updates", "CvmUpdateResult"),
  updatePreLaunchScript: hand("cvms/updates", "CvmUpdateResult"),
  provisionCvmComposeFileUpdate: shape("ProvisionCvmComposeFileUpdateResult"),
  commitCvmComposeFileUpdate: hand("cvms/updates", "CvmPatchResult"),
  commitCvmUpdate: hand("cvms/updates", "CommitCvmUpdateResult"),
  // Apps
  getAppList: shape("DstackAppListResponseV20251028"),
  getAppInfo: shape("DstackAppWithCvmResponseV20251028"),
  getAppCvms: {
    type: "array",
    items: shape("CvmInfoV20251028"),
    "x-precompile": true,
    "x-name": "GetAppCvmsResponseV20251028",
  },
  getCvmCreateResources: shape("CvmCreateResources"),
  renameCvm: hand("cvms/lifecycle", "NoContent"),
  getAppFilterOptions: shape("AppFilterOptions"),
  getAppRevisions: shape("AppRevisionsResponse"),
  getAppRevisionDetail: shape("AppRevisionDetail"),
  getAppAttestation: shape("AppAttestationResponse"),
  getAppDeviceAllowlist: shape("DeviceAllowlistResponse"),
  checkAppIsAllowed: shape("IsAllowedResult"),
  checkAppCvmsIsAllowed: shape("AppCvmsIsAllowedResponse"),
  checkCvmIsAllowed: shape("CvmIsAllowedResult"),
  createAppInstance: registrationOr("CreateAppInstanceResult", "CvmVm"),
};
