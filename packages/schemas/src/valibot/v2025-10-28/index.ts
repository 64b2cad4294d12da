import type { DstackAppListResponseV20251028, DstackAppWithCvmResponseV20251028 } from "./app";
import type { CvmDetailV20251028, CvmInfoV20251028, PaginatedCvmInfosV20251028 } from "./cvm";
import type { CurrentUserV20251028 } from "./user";

export * from "./app";
export * from "./cvm";
export * from "./user";

/** What each version-aware endpoint returns in 2025-10-28. */
export interface ResponsesV20251028 {
  getCurrentUser: CurrentUserV20251028;
  getCvmList: PaginatedCvmInfosV20251028;
  getCvmInfo: CvmDetailV20251028;
  getAppList: DstackAppListResponseV20251028;
  getAppInfo: DstackAppWithCvmResponseV20251028;
  getAppCvms: CvmInfoV20251028[];
}
