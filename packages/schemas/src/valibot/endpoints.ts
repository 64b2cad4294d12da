import * as v from "valibot";
import type { ResponseSchemasFor } from "../response-map";
import { precompile } from "./precompile";
import {
  CurrentUserV20251028Schema,
  CvmDetailV20251028Schema,
  CvmInfoV20251028Schema,
  DstackAppListResponseV20251028Schema,
  DstackAppWithCvmResponseV20251028Schema,
  PaginatedCvmInfosV20251028Schema,
} from "./v2025-10-28";
import {
  CurrentUserV20260121Schema,
  CvmInfoDetailV20260121Schema,
  CvmInfoV20260121Schema,
  DstackAppListResponseV20260121Schema,
  DstackAppWithCvmResponseV20260121Schema,
  PaginatedCvmInfosV20260121Schema,
} from "./v2026-01-21";

// One table per endpoint (not one object of all of them) so that a bundle using
// one action keeps only that action's schemas. The list endpoints' schemas are
// precompiled (./precompile.ts): their pages run to 1,000 items.

export const getCurrentUserResponseSchemas = {
  "2025-10-28": CurrentUserV20251028Schema,
  "2026-01-21": CurrentUserV20260121Schema,
} satisfies ResponseSchemasFor<"getCurrentUser">;

export const getCvmListResponseSchemas = {
  "2025-10-28": PaginatedCvmInfosV20251028Schema,
  "2026-01-21": PaginatedCvmInfosV20260121Schema,
} satisfies ResponseSchemasFor<"getCvmList">;

export const getCvmInfoResponseSchemas = {
  "2025-10-28": CvmDetailV20251028Schema,
  "2026-01-21": CvmInfoDetailV20260121Schema,
} satisfies ResponseSchemasFor<"getCvmInfo">;

export const getAppListResponseSchemas = {
  "2025-10-28": DstackAppListResponseV20251028Schema,
  "2026-01-21": DstackAppListResponseV20260121Schema,
} satisfies ResponseSchemasFor<"getAppList">;

export const getAppInfoResponseSchemas = {
  "2025-10-28": DstackAppWithCvmResponseV20251028Schema,
  "2026-01-21": DstackAppWithCvmResponseV20260121Schema,
} satisfies ResponseSchemasFor<"getAppInfo">;

// Declared apart from `precompile(...)`: a bundle without the endpoint then drops both.
const AppCvmsV20251028 = v.array(CvmInfoV20251028Schema);
const AppCvmsV20260121 = v.array(CvmInfoV20260121Schema);

export const getAppCvmsResponseSchemas = {
  "2025-10-28": /* @__PURE__ */ precompile(AppCvmsV20251028),
  "2026-01-21": /* @__PURE__ */ precompile(AppCvmsV20260121),
} satisfies ResponseSchemasFor<"getAppCvms">;
