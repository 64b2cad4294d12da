// The Worker of the workerd run: bundled by src/conformance-workerd.test.ts with
// esbuild, which maps "conformance:sdk" to the SDK entry under test
// (`@phala/cloud-edge` or `@phala/cloud`). It runs the suite inside workerd and
// answers with the report as JSON.
import * as sdk from "conformance:sdk";
import { runConformance } from "./suite.mjs";

export default {
  /**
   * @param {Request} request
   * @param {{ MOCK_URL?: string, SDK_NAME?: string }} env
   */
  async fetch(request, env) {
    const url = new URL(request.url);
    const baseURL = env.MOCK_URL ?? url.searchParams.get("mock");
    if (!baseURL)
      return Response.json({ error: "no MOCK_URL binding and no ?mock=" }, { status: 400 });
    const sdkName = env.SDK_NAME ?? url.searchParams.get("sdk") ?? undefined;
    const report = await runConformance(sdk, { baseURL, runtime: "workerd", sdkName });
    return Response.json(report);
  },
};
