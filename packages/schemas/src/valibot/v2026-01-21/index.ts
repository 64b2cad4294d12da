import type { DstackAppListResponseV20260121, DstackAppWithCvmResponseV20260121 } from "./app";
import type { CvmInfoDetailV20260121, CvmInfoV20260121, PaginatedCvmInfosV20260121 } from "./cvm";
import type { CurrentUserV20260121 } from "./user";

export * from "./app";
export * from "./cvm";
export * from "./user";

/** What each version-aware endpoint returns in 2026-01-21. */
export interface ResponsesV20260121 {
  getCurrentUser: CurrentUserV20260121;
  getCvmList: PaginatedCvmInfosV20260121;
  getCvmInfo: CvmInfoDetailV20260121;
  getAppList: DstackAppListResponseV20260121;
  getAppInfo: DstackAppWithCvmResponseV20260121;
  getAppCvms: CvmInfoV20260121[];
}
