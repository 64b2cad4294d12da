// GET and PATCH /cvms/{cvm_id}/network-config: the KMS and gateway URLs a CVM
// boots with, and the ports it publishes (set through /ports).
import type { Context, Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import type { MockCvm } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import {
  gatewayUrlsOf,
  kmsUrlsOf,
  portsOf,
  restartDue,
  restartToApply,
  setNetworkUrls,
} from "./network-store";
import { cvmOf } from "./shared";

type NetworkConfigBody = WireBody<"getCvmNetworkConfig", RenderVersion>;

function renderNetworkConfig(c: Context<MockEnv>, cvm: MockCvm): NetworkConfigBody {
  const { state } = c.get("render");
  return {
    kms_urls: kmsUrlsOf(state, cvm),
    gateway_urls: gatewayUrlsOf(state, cvm),
    ports: portsOf(state, cvm).map((port) => ({
      host_port: port.hostPort,
      vm_port: port.vmPort,
      protocol: port.protocol,
      host_address: port.hostAddress,
    })),
  };
}

/** A URL list must name at least one http(s) URL; the API answers 400 otherwise. */
function checkUrls(field: string, urls: string[] | undefined): void {
  if (urls === undefined) return;
  const bad = urls.find((url) => !/^https?:\/\/[^\s/]+/.test(url.trim()));
  if (urls.length === 0 || bad !== undefined) {
    throw phalaError(400, {
      message:
        bad === undefined
          ? `${field} must list at least one URL`
          : `${field}: '${bad}' is not an http(s) URL`,
      details: [{ field, value: urls, message: null }],
      suggestions: [`Send ${field} as a list of http(s) URLs, or leave it out to keep it`],
    });
  }
}

export function registerNetworkConfigRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/cvms/:cvm_id/network-config", requireApiKey, (c) =>
    c.json(renderNetworkConfig(c, cvmOf(c))),
  );

  api.patch("/cvms/:cvm_id/network-config", requireApiKey, async (c) => {
    const { state, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const kmsUrls = body.strings("kms_urls");
    const gatewayUrls = body.strings("gateway_urls");
    const restart = body.bool("restart") ?? false;
    body.assertValid();
    const cvm = cvmOf(c);
    checkUrls("kms_urls", kmsUrls);
    checkUrls("gateway_urls", gatewayUrls);
    const due = restart && restartDue(state, cvm);
    setNetworkUrls(state, cvm, { kmsUrls, gatewayUrls });
    if (due) restartToApply(state, cvm, now);
    cvm.updatedAt = now.toISOString();
    const answer: WireBody<"updateCvmNetworkConfig", RenderVersion> = renderNetworkConfig(c, cvm);
    return c.json(answer);
  });
}
