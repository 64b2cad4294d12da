import type { FieldRule } from "../../body-args";
import type { ValidationIssue } from "../../errors";
import { isRecord } from "../../errors";

/** One GPU to attach: its slot on the node, and optionally the product it must be. */
export interface CvmGpuSpec {
  /** The GPU's slot on the node (PCI address), as the node lists it. */
  slot: string;
  /** The GPU product the slot must hold. */
  product_id?: string | null;
}

/**
 * The GPUs of a CVM (the API's `GpuConfig`): `attach_mode: "listed"` (the API's
 * default) attaches the GPUs in `gpus`; `"all"` attaches every GPU of the node.
 */
export interface CvmGpuConfig {
  gpus: CvmGpuSpec[];
  attach_mode?: "listed" | "all";
}

const ATTACH_MODES = ["listed", "all"];

/** What is wrong with a `GpuConfig`, paths relative to it (`gpus.0.slot`). */
function gpuConfigIssues(config: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { gpus, attach_mode: mode } = config;
  if (!Array.isArray(gpus)) {
    issues.push({
      path: "gpus",
      message: "expected an array of { slot, product_id? } (use [] with attach_mode: all)",
    });
  } else {
    gpus.forEach((gpu, index) => {
      if (!isRecord(gpu)) {
        issues.push({ path: `gpus.${index}`, message: "expected { slot, product_id? }" });
        return;
      }
      if (typeof gpu.slot !== "string" || gpu.slot.trim() === "") {
        issues.push({ path: `gpus.${index}.slot`, message: "expected a non-empty string" });
      }
      const product = gpu.product_id;
      if (product !== undefined && product !== null && typeof product !== "string") {
        issues.push({ path: `gpus.${index}.product_id`, message: "expected a string" });
      }
      for (const key of Object.keys(gpu)) {
        if (key !== "slot" && key !== "product_id") {
          issues.push({
            path: `gpus.${index}.${key}`,
            message: "unknown field; expected slot, product_id",
          });
        }
      }
    });
  }
  if (mode !== undefined && !ATTACH_MODES.includes(mode as string)) {
    issues.push({ path: "attach_mode", message: `expected one of ${ATTACH_MODES.join(", ")}` });
  }
  for (const key of Object.keys(config)) {
    if (key !== "gpus" && key !== "attach_mode") {
      const hint = key === "count" || key === "product_name" ? " (the old { count } form)" : "";
      issues.push({ path: key, message: `unknown field${hint}; expected gpus, attach_mode` });
    }
  }
  return issues;
}

/** The body rule of a `gpus` argument: a `GpuConfig` object. */
export const GPU_CONFIG_FIELD: FieldRule = { kind: "object", refine: gpuConfigIssues };
