// POST /cvms/{cvm_id}/customize-domain-diagnose: the DNS records each custom
// domain of a CVM needs (a CNAME to the gateway, a TXT naming the app and port)
// against what DNS has. The mock's DNS is a table tests fill (`setDnsRecord`).
import type { Hono, MiddlewareHandler } from "hono";
import { readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError, type ValidationIssue, validationError } from "../../internal/errors";
import { getNode, type MockState, resourceState } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { cvmOf } from "./shared";

type Diagnosis = WireBody<"diagnoseCvmCustomDomains", RenderVersion>;
type DnsType = "CNAME" | "TXT" | "CAA";

function dnsTable(state: MockState): Map<string, string[]> {
  return resourceState(state, "cvm-dns", () => new Map<string, string[]>());
}

const dnsKey = (type: DnsType, name: string) => `${type} ${name.toLowerCase().replace(/\.$/, "")}`;

/** Test hook: the records DNS answers for `name` (replacing any before). */
export function setDnsRecord(state: MockState, type: DnsType, name: string, values: string[]) {
  dnsTable(state).set(dnsKey(type, name), [...values]);
}

function lookup(state: MockState, type: DnsType, name: string): string[] {
  return dnsTable(state).get(dnsKey(type, name)) ?? [];
}

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function readDomains(body: Record<string, unknown>): { domain: string; port: number }[] {
  const domains = body.domains;
  if (!Array.isArray(domains)) {
    throw validationError([
      domains === undefined
        ? { type: "missing", loc: ["body", "domains"], msg: "Field required", input: body }
        : {
            type: "list_type",
            loc: ["body", "domains"],
            msg: "Input should be a valid list",
            input: domains,
          },
    ]);
  }
  const issues: ValidationIssue[] = [];
  domains.forEach((entry, index) => {
    const loc = (field: string) => ["body", "domains", index, field];
    const item = (typeof entry === "object" && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    if (typeof item.domain !== "string") {
      issues.push({
        type: "string_type",
        loc: loc("domain"),
        msg: "Input should be a valid string",
        input: item.domain,
      });
    } else if (!HOSTNAME.test(item.domain.trim())) {
      issues.push({
        type: "value_error",
        loc: loc("domain"),
        msg: "Value error, not a valid domain name",
        input: item.domain,
      });
    }
    if (typeof item.port !== "number" || !Number.isInteger(item.port)) {
      issues.push({
        type: "int_type",
        loc: loc("port"),
        msg: "Input should be a valid integer",
        input: item.port,
      });
    } else if (item.port < 1 || item.port > 65535) {
      issues.push({
        type: "value_error",
        loc: loc("port"),
        msg: "Value error, port must be from 1 to 65535",
        input: item.port,
      });
    }
  });
  if (issues.length) throw validationError(issues);
  if (domains.length === 0) {
    throw phalaError(400, {
      errorCode: "ERR-01-002",
      message: "domains must name at least one domain",
      details: [{ field: "domains", value: [], message: null }],
    });
  }
  return domains.map((entry) => ({ domain: entry.domain.trim().toLowerCase(), port: entry.port }));
}

export function registerDomainRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/:cvm_id/customize-domain-diagnose", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const domains = readDomains(await readJsonObject(c.req, "missing"));
    const cvm = cvmOf(c);
    if (!cvm.gatewayEnabled) {
      throw phalaError(400, {
        errorCode: "ERR-02-008",
        message: "Custom domains need the gateway, which this CVM does not enable",
        details: [{ field: "gateway_enabled", value: false, message: null }],
      });
    }
    const gateway = getNode(state, cvm.nodeId).gatewayBaseDomain;
    const results: Diagnosis["results"] = domains.map(({ domain, port }) => {
      const record = (type: DnsType, name: string, expected: string) => {
        const actual = lookup(state, type, name)[0] ?? null;
        return {
          record_type: type,
          query_name: name,
          expected_value: expected,
          actual_value: actual,
          is_valid: actual?.toLowerCase().replace(/\.$/, "") === expected.toLowerCase(),
          is_deprecated: false,
          warning_message: actual === null ? `No ${type} record found for ${name}` : null,
        };
      };
      const records = [
        record("CNAME", domain, `_.${gateway}`),
        record("TXT", `_dstack-app-address.${domain}`, `${cvm.appId}:${port}`),
      ];
      const caa = lookup(state, "CAA", domain);
      const caaMatch = caa.length === 0 || caa.some((value) => value.includes("letsencrypt.org"));
      return {
        domain,
        port,
        records,
        is_valid: records.every((item) => item.is_valid) && caaMatch,
        caa_check: {
          caa_records: caa,
          accounturi: null,
          acme_fetches: [],
          expected_uri: null,
          is_match: caaMatch,
          info_message:
            caa.length === 0 ? "No CAA records: any certificate authority may issue" : null,
        },
      };
    });
    const body: Diagnosis = { results };
    return c.json(body);
  });
}
