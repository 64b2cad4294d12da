import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { setDnsRecord } from "./domains";
import { running, useOperationsMock } from "./operations.test-support";

describe("POST /cvms/{cvm_id}/customize-domain-diagnose", () => {
  const mock = useOperationsMock(60_000);

  it("lists the records each domain needs, against what DNS has", async () => {
    const m = mock();
    const path = `/cvms/${running.id}/customize-domain-diagnose`;
    const domains = [{ domain: "app.example.com", port: 443 }];
    const before = await m.send("POST", path, { domains });
    expect(before.status).toBe(200);
    expect(
      contractMismatches("POST /cvms/{cvm_id}/customize-domain-diagnose", before.body),
    ).toEqual([]);
    const [result] = before.body.results;
    expect(result).toMatchObject({ domain: "app.example.com", port: 443, is_valid: false });
    const [cname, txt] = result.records;
    expect(cname).toMatchObject({
      record_type: "CNAME",
      query_name: "app.example.com",
      actual_value: null,
      is_valid: false,
    });
    expect(txt).toMatchObject({
      record_type: "TXT",
      query_name: "_dstack-app-address.app.example.com",
      expected_value: `${running.appId}:443`,
    });

    setDnsRecord(m.api.state, "CNAME", "app.example.com", [cname.expected_value]);
    setDnsRecord(m.api.state, "TXT", txt.query_name, [txt.expected_value]);
    const after = await m.send("POST", path, { domains });
    expect(after.body.results[0].is_valid).toBe(true);
    expect(after.body.results[0].records.every((record: any) => record.is_valid)).toBe(true);

    setDnsRecord(m.api.state, "CAA", "app.example.com", ['0 issue "digicert.com"']);
    const caa = await m.send("POST", path, { domains });
    expect(caa.body.results[0]).toMatchObject({ is_valid: false, caa_check: { is_match: false } });
  });

  it("answers 422 for a bad domain or port, 400 for no domain", async () => {
    const m = mock();
    const path = `/cvms/${running.id}/customize-domain-diagnose`;
    const bad = await m.send("POST", path, { domains: [{ domain: "not a domain", port: 70000 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((issue: any) => issue.loc)).toEqual([
      ["body", "domains", 0, "domain"],
      ["body", "domains", 0, "port"],
    ]);
    expect((await m.send("POST", path, {})).status).toBe(422);
    const none = await m.send("POST", path, { domains: [] });
    expect(none.status).toBe(400);
  });
});
