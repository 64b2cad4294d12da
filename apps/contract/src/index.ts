// The Phala Cloud API contract as a test oracle, for the test suites of this
// repository (not published).
export {
  DOCUMENTED_VERSIONS,
  deref,
  type JsonSchema,
  validateAgainst,
} from "./contract";
export { contractResponseSchema } from "./exceptions";
export { checkExchange, type Exchange, ExchangeLog } from "./mock-check";
export { recordSummary } from "./summary";
