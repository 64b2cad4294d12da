import type {
  CurrentUserV20260121,
  CvmInfoDetailV20260121,
  CvmInfoV20260121,
  DstackAppListResponseV20260121,
  DstackAppWithCvmResponseV20260121,
  PaginatedCvmInfosV20260121,
} from "../wire/v2026-01-21";

export * from "../wire/v2026-01-21";
/** What each version-aware endpoint returns in 2026-01-21. */
export interface ResponsesV20260121 {
  getCurrentUser: CurrentUserV20260121;
  getCvmList: PaginatedCvmInfosV20260121;
  getCvmInfo: CvmInfoDetailV20260121;
  getAppList: DstackAppListResponseV20260121;
  getAppInfo: DstackAppWithCvmResponseV20260121;
  getAppCvms: CvmInfoV20260121[];
}
