import { updateCvmPortsResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs, type Fields, inspectArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { isRecord, type ValidationIssue } from "../../errors";
import { cvmPath } from "../internal/cvm-path";

/** A CVM port to publish; the API picks the node port it is reached on. */
export interface CvmPortSpec {
  /** The port inside the CVM, 1 to 65535. */
  vm_port: number;
  /** The API's default: `tcp`. */
  protocol?: "tcp" | "udp";
}

export type UpdateCvmPortsArgs = CvmIdInput & {
  /** Every port the CVM publishes from now on (`[]` closes them all). */
  ports: CvmPortSpec[];
};

const NAME = "updateCvmPorts";

const PORT_FIELDS: Fields = {
  vm_port: { kind: "int", required: true, min: 1, max: 65535 },
  protocol: { kind: "enum", values: ["tcp", "udp"] },
};

/** What is wrong with the port list, paths relative to it (`0.vm_port`). */
function portIssues(ports: readonly unknown[]): ValidationIssue[] {
  return ports.flatMap((port, index) => {
    if (!isRecord(port)) return [{ path: `${index}`, message: "expected { vm_port, protocol? }" }];
    return inspectArgs(port, PORT_FIELDS).issues.map((issue) => ({
      path: `${index}.${issue.path}`,
      message: issue.message,
    }));
  });
}

/**
 * Replaces the ports a CVM publishes: `PUT /cvms/{id}/ports` with the whole
 * list. Resolves the mappings as they now are, each with the node port
 * (`host_port`) the API gave it; a port already published keeps its node port.
 */
export const updateCvmPorts = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: updateCvmPortsResponseSchemas,
  plan: (args: UpdateCvmPortsArgs) => {
    const path = cvmPath(NAME, args, "/ports");
    const body = checkBodyArgs(
      NAME,
      args,
      { ports: { kind: "array", required: true, refine: portIssues } },
      { pathKeys: CVM_ID_KEYS },
    );
    return { method: "PUT", path, body };
  },
});

export const safeUpdateCvmPorts = /* @__PURE__ */ safe(updateCvmPorts);
