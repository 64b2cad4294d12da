import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bad, describeActionCall, refused } from "./cvms.test-support";
import {
  diagnoseCvmCustomDomains,
  safeDiagnoseCvmCustomDomains,
} from "./diagnose-cvm-custom-domains";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const domains = [{ domain: "app.example.com", port: 443 }];
const diagnosis = {
  results: [
    {
      domain: "app.example.com",
      port: 443,
      records: [
        {
          record_type: "CNAME",
          query_name: "app.example.com",
          expected_value: "_.dstack-prod5.phala.network",
          actual_value: null,
          is_valid: false,
          is_deprecated: false,
          warning_message: "No CNAME record found",
        },
      ],
      is_valid: false,
      caa_check: null,
    },
  ],
};

describeActionCall({
  name: "diagnoseCvmCustomDomains",
  method: "POST",
  path: "/cvms/cvm_1/customize-domain-diagnose",
  body: { domains },
  reply: { body: diagnosis },
  call: (c) => diagnoseCvmCustomDomains(c, { id: "cvm_1", domains }),
  safeCall: (c) => safeDiagnoseCvmCustomDomains(c, { id: "cvm_1", domains }),
  expected: diagnosis,
});

describe("diagnoseCvmCustomDomains", () => {
  it("refuses no domains, a blank domain, a bad port or an unknown field", async () => {
    await refused((c) => diagnoseCvmCustomDomains(c, { id: "cvm_1", domains: [] }), "domains");
    await refused(
      (c) => diagnoseCvmCustomDomains(c, { id: "cvm_1", domains: [{ domain: "", port: 80 }] }),
      "domains.0.domain",
    );
    await refused(
      (c) => diagnoseCvmCustomDomains(c, { id: "cvm_1", domains: [{ domain: "a.io", port: 0 }] }),
      "domains.0.port",
    );
    await refused(
      (c) =>
        diagnoseCvmCustomDomains(
          c,
          bad({ id: "cvm_1", domains: [{ domain: "a.io", port: 80, tls: true }] }),
        ),
      "domains.0.tls",
    );
    expect(true).toBe(true);
  });
});
