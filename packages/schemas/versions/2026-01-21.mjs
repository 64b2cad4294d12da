import { reshapeEndpoint, shape, version } from "./ops.mjs";

// 2026-01-21 nests the user (user, workspace, credits) and the CVM (resource,
// node_info, os, kms_info, gateway, workspace, creator); the apps carry the new
// CVM. Everything else answers as in 2025-10-28.

export default version(
  "2026-01-21",
  "Three-layer user, nested CVM (resource, node, OS, KMS, gateway), workspace-aware.",
  [
    reshapeEndpoint("getCurrentUser", shape("CurrentUserV20260121"), {
      note: "The user answer has three layers: `user`, `workspace` and `credits` (decimal strings), plus `features`.",
      migration:
        "Read `user.user.username` for `user.username`, `user.workspace.name` for `user.team_name`, `user.credits.balance` for `user.credits`.",
    }),
    reshapeEndpoint("getCvmList", shape("PaginatedCvmInfosV20260121"), {
      note: "Each CVM is nested: `resource`, `node_info`, `os`, `kms_info`, `gateway`, `workspace`, `creator`; `hosted` and the flat sizes are gone.",
      migration:
        "Read `cvm.resource.vcpu` for `cvm.vcpu`, `cvm.resource.memory_in_gb` (GB) for `cvm.memory` (MB), `cvm.node_info?.region` for `cvm.node?.region_identifier`, `cvm.id` (hashed) for `cvm.hosted.id`.",
    }),
    reshapeEndpoint("getCvmInfo", shape("CvmInfoDetailV20260121"), {
      note: "One CVM in the nested shape, with its `compose_file`.",
      migration: "As for `getCvmList`: sizes under `resource`, the node under `node_info`.",
    }),
    reshapeEndpoint(
      "getAppCvms",
      {
        type: "array",
        items: shape("CvmInfoV20260121"),
        "x-precompile": true,
        // The same result as 2025-10-28's, in the new shape: `GetAppCvmsResponseV20260121`.
        "x-name": "GetAppCvmsResponseV20251028",
      },
      {
        note: "An app's CVMs in the nested shape.",
        migration: "As for `getCvmList`.",
      },
    ),
    reshapeEndpoint(
      "listCvms",
      {
        type: "array",
        items: shape("CvmInfoV20260121"),
        "x-precompile": true,
        // The same result as 2025-10-28's, in the new shape: `ListCvmsResponseV20260121`.
        "x-name": "ListCvmsResponseV20251028",
      },
      {
        note: "`GET /cvms` lists CVMs in the nested shape.",
        migration: "As for `getCvmList`.",
      },
    ),
    reshapeEndpoint("getAppList", shape("DstackAppListResponseV20260121"), {
      note: "Apps carry nested CVMs (`current_cvm`, `cvms`) and no longer `team_slug`/`team_name`.",
      migration: "Read an app's CVMs as for `getCvmList`.",
    }),
    reshapeEndpoint("getAppInfo", shape("DstackAppWithCvmResponseV20260121"), {
      note: "One app with nested CVMs (or the minimal form for an app of another workspace).",
      migration: "Read an app's CVMs as for `getCvmList`.",
    }),
  ],
);
