// The routes of the API's "Attestations" tag: public, like the API's (no API key
// needed), so they read the model directly rather than through `requireApiKey`.
import type { Hono } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerMachineRoutes } from "./machines";
import { registerAttestationReadRoutes } from "./reads";
import type { AttestationMock } from "./store";
import { registerVerifyRoutes } from "./verify";

export function registerAttestationsRoutes(api: Hono<MockEnv>, mock: AttestationMock) {
  registerVerifyRoutes(api, mock);
  registerAttestationReadRoutes(api, mock);
  registerMachineRoutes(api, mock);
}
