import * as z from "zod";
import type { ResponseSchemasFor } from "./response-map";
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
// one action keeps only that action's schemas.

/**
 * Set by a bundler to build for one API version (esbuild/Wrangler `define`:
 * `{ __PHALA_CLOUD_API_VERSION__: '"2026-01-21"' }`): the other versions' schemas
 * are then dead code and left out. Unset, every version is kept. The test is
 * written out in each entry because bundlers fold a defined constant only where
 * it appears, not through a variable or a function.
 */
declare const __PHALA_CLOUD_API_VERSION__: string | undefined;
// Each table is built in a function marked pure: reading an undeclared global
// could throw, so bundlers would otherwise keep every table, used or not.

export const getCurrentUserResponseSchemas = /* @__PURE__ */ (() =>
  ({
    "2025-10-28": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2025-10-28"
      ? CurrentUserV20251028Schema
      : undefined)!,
    "2026-01-21": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2026-01-21"
      ? CurrentUserV20260121Schema
      : undefined)!,
  }) satisfies ResponseSchemasFor<"getCurrentUser">)();

export const getCvmListResponseSchemas = /* @__PURE__ */ (() =>
  ({
    "2025-10-28": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2025-10-28"
      ? PaginatedCvmInfosV20251028Schema
      : undefined)!,
    "2026-01-21": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2026-01-21"
      ? PaginatedCvmInfosV20260121Schema
      : undefined)!,
  }) satisfies ResponseSchemasFor<"getCvmList">)();

export const getCvmInfoResponseSchemas = /* @__PURE__ */ (() =>
  ({
    "2025-10-28": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2025-10-28"
      ? CvmDetailV20251028Schema
      : undefined)!,
    "2026-01-21": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2026-01-21"
      ? CvmInfoDetailV20260121Schema
      : undefined)!,
  }) satisfies ResponseSchemasFor<"getCvmInfo">)();

export const getAppListResponseSchemas = /* @__PURE__ */ (() =>
  ({
    "2025-10-28": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2025-10-28"
      ? DstackAppListResponseV20251028Schema
      : undefined)!,
    "2026-01-21": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2026-01-21"
      ? DstackAppListResponseV20260121Schema
      : undefined)!,
  }) satisfies ResponseSchemasFor<"getAppList">)();

export const getAppInfoResponseSchemas = /* @__PURE__ */ (() =>
  ({
    "2025-10-28": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2025-10-28"
      ? DstackAppWithCvmResponseV20251028Schema
      : undefined)!,
    "2026-01-21": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2026-01-21"
      ? DstackAppWithCvmResponseV20260121Schema
      : undefined)!,
  }) satisfies ResponseSchemasFor<"getAppInfo">)();

export const getAppCvmsResponseSchemas = /* @__PURE__ */ (() =>
  ({
    "2025-10-28": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2025-10-28"
      ? z.array(CvmInfoV20251028Schema)
      : undefined)!,
    "2026-01-21": (typeof __PHALA_CLOUD_API_VERSION__ !== "string" ||
    __PHALA_CLOUD_API_VERSION__ === "2026-01-21"
      ? z.array(CvmInfoV20260121Schema)
      : undefined)!,
  }) satisfies ResponseSchemasFor<"getAppCvms">)();
