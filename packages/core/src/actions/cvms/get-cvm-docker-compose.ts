import { getCvmDockerComposeResponseSchemas } from "@phala/cloud-schemas";
import { type ActionResponse, defineVersionedAction, safe } from "../../action";
import type { CvmIdInput } from "../../cvm-id";
import { cvmPath } from "../internal/cvm-path";
import { textBody } from "../internal/text-body";

export type GetCvmDockerComposeArgs = CvmIdInput;

/** The docker-compose file as text: `GET /cvms/{id}/docker-compose.yml`. */
export const getCvmDockerCompose = /* @__PURE__ */ defineVersionedAction({
  name: "getCvmDockerCompose",
  responses: getCvmDockerComposeResponseSchemas,
  plan: (args: GetCvmDockerComposeArgs) => ({
    method: "GET",
    path: cvmPath("getCvmDockerCompose", args, "/docker-compose.yml"),
    // Errors still come as JSON; the file itself as text.
    headers: { Accept: "text/yaml, application/json" },
  }),
  shape: (response: ActionResponse) => textBody(response),
});

export const safeGetCvmDockerCompose = /* @__PURE__ */ safe(getCvmDockerCompose);
