import { diagnoseCvmCustomDomainsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { isRecord, type ValidationIssue } from "../../errors";
import { cvmPath } from "../internal/cvm-path";

/** A custom domain and the CVM port it is to reach. */
export interface CvmCustomDomain {
  /** The domain, e.g. `app.example.com`. */
  domain: string;
  /** The CVM's port the domain serves, 1 to 65535. */
  port: number;
}

export type DiagnoseCvmCustomDomainsArgs = CvmIdInput & {
  /** The domains to check: at least one. */
  domains: CvmCustomDomain[];
};

const NAME = "diagnoseCvmCustomDomains";

function domainProblems(domains: unknown[]): ValidationIssue[] {
  if (domains.length === 0) return [{ path: "", message: "expected at least one domain" }];
  return domains.flatMap((entry, index): ValidationIssue[] => {
    if (!isRecord(entry)) return [{ path: `${index}`, message: "expected { domain, port }" }];
    const issues: ValidationIssue[] = [];
    if (typeof entry.domain !== "string" || entry.domain.trim() === "") {
      issues.push({ path: `${index}.domain`, message: "expected a non-empty string" });
    }
    const { port } = entry;
    if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
      issues.push({ path: `${index}.port`, message: "expected an integer from 1 to 65535" });
    }
    const extra = Object.keys(entry).filter((key) => key !== "domain" && key !== "port");
    for (const key of extra) {
      issues.push({ path: `${index}.${key}`, message: "unknown field; expected domain, port" });
    }
    return issues;
  });
}

/**
 * Checks the DNS of a CVM's custom domains: `POST /cvms/{id}/customize-domain-diagnose`
 * with `{ domains: [{ domain, port }] }`. Resolves one result per domain: the
 * records it needs (`expected_value`), what DNS has (`actual_value`), whether
 * each and the domain as a whole are valid, and its CAA check.
 */
export const diagnoseCvmCustomDomains = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: diagnoseCvmCustomDomainsResponseSchemas,
  plan: (args: DiagnoseCvmCustomDomainsArgs) => {
    const path = cvmPath(NAME, args, "/customize-domain-diagnose");
    const body = checkBodyArgs(
      NAME,
      args,
      { domains: { kind: "array", required: true, refine: domainProblems } },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "POST", path, body };
  },
});

export const safeDiagnoseCvmCustomDomains = /* @__PURE__ */ safe(diagnoseCvmCustomDomains);
