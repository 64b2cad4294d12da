// GET and PUT /cvms/{cvm_id}/ports, the ports a CVM publishes on its node, and
// GET /cvms/{cvm_id}/firewall-status, whether it can publish any.
import type { Hono, MiddlewareHandler } from "hono";
import { readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { type ValidationIssue, validationError } from "../../internal/errors";
import type { MockCvm, MockState } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { firewallStatus, type PortProtocol, portsOf, replacePorts } from "./network-store";
import { cvmOf } from "./shared";

type PortMappingsBody = WireBody<"getCvmPorts", RenderVersion>;

function renderPorts(state: MockState, cvm: MockCvm): PortMappingsBody {
  return portsOf(state, cvm).map((port) => ({
    id: port.id,
    host_port: port.hostPort,
    vm_port: port.vmPort,
    protocol: port.protocol,
    host_address: port.hostAddress,
  }));
}

const PROTOCOL = "^(tcp|udp)$";

/** `UpdatePortMappingsRequest` read as pydantic reads it: every problem in one 422. */
function readPortSpecs(
  body: Record<string, unknown>,
): { vmPort: number; protocol: PortProtocol }[] {
  const issues: ValidationIssue[] = [];
  const ports = body.ports;
  if (ports === undefined) {
    throw validationError([
      { type: "missing", loc: ["body", "ports"], msg: "Field required", input: body },
    ]);
  }
  if (!Array.isArray(ports)) {
    throw validationError([
      {
        type: "list_type",
        loc: ["body", "ports"],
        msg: "Input should be a valid list",
        input: ports,
      },
    ]);
  }
  const specs = ports.map((item: unknown, index) => {
    const loc = ["body", "ports", index];
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      issues.push({
        type: "model_type",
        loc,
        msg: "Input should be a valid dictionary or instance of PortMappingEntry",
        input: item,
      });
      return undefined;
    }
    const entry = item as Record<string, unknown>;
    const vmPort = entry.vm_port;
    if (vmPort === undefined) {
      issues.push({
        type: "missing",
        loc: [...loc, "vm_port"],
        msg: "Field required",
        input: entry,
      });
    } else if (typeof vmPort !== "number" || !Number.isInteger(vmPort)) {
      issues.push({
        type: "int_type",
        loc: [...loc, "vm_port"],
        msg: "Input should be a valid integer",
        input: vmPort,
      });
    } else if (vmPort < 1) {
      issues.push({
        type: "greater_than_equal",
        loc: [...loc, "vm_port"],
        msg: "Input should be greater than or equal to 1",
        input: vmPort,
        ctx: { ge: 1 },
      });
    } else if (vmPort > 65535) {
      issues.push({
        type: "less_than_equal",
        loc: [...loc, "vm_port"],
        msg: "Input should be less than or equal to 65535",
        input: vmPort,
        ctx: { le: 65535 },
      });
    }
    const protocol = entry.protocol ?? "tcp";
    if (typeof protocol !== "string") {
      issues.push({
        type: "string_type",
        loc: [...loc, "protocol"],
        msg: "Input should be a valid string",
        input: protocol,
      });
    } else if (!new RegExp(PROTOCOL).test(protocol)) {
      issues.push({
        type: "string_pattern_mismatch",
        loc: [...loc, "protocol"],
        msg: `String should match pattern '${PROTOCOL}'`,
        input: protocol,
        ctx: { pattern: PROTOCOL },
      });
    }
    return { vmPort: vmPort as number, protocol: protocol as PortProtocol };
  });
  if (issues.length > 0) throw validationError(issues);
  return specs as { vmPort: number; protocol: PortProtocol }[];
}

export function registerPortRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.get("/cvms/:cvm_id/ports", requireApiKey, (c) =>
    c.json(renderPorts(c.get("render").state, cvmOf(c))),
  );

  api.put("/cvms/:cvm_id/ports", requireApiKey, async (c) => {
    const { state, now } = c.get("render");
    const specs = readPortSpecs(await readJsonObject(c.req, "missing"));
    const cvm = cvmOf(c);
    replacePorts(state, cvm, specs);
    cvm.updatedAt = now.toISOString();
    const answer: WireBody<"updateCvmPorts", RenderVersion> = renderPorts(state, cvm);
    return c.json(answer);
  });

  api.get("/cvms/:cvm_id/firewall-status", requireApiKey, (c) => {
    const body: WireBody<"getCvmFirewallStatus", RenderVersion> = firewallStatus(cvmOf(c));
    return c.json(body);
  });
}
