import type {
  CurrentUserV20251028,
  CvmDetailV20251028,
  CvmInfoV20251028,
  DstackAppListResponseV20251028,
  DstackAppWithCvmResponseV20251028,
  PaginatedCvmInfosV20251028,
} from "../wire/v2025-10-28";

export * from "../wire/v2025-10-28";
/** What each version-aware endpoint returns in 2025-10-28. */
export interface ResponsesV20251028 {
  getCurrentUser: CurrentUserV20251028;
  getCvmList: PaginatedCvmInfosV20251028;
  getCvmInfo: CvmDetailV20251028;
  getAppList: DstackAppListResponseV20251028;
  getAppInfo: DstackAppWithCvmResponseV20251028;
  getAppCvms: CvmInfoV20251028[];
}
