// The Phala Cloud API contract as a test oracle, for the test suites of this
// repository (not published).
export {
  API_PREFIX,
  CONTRACT_FILE,
  type ContractOperation,
  DOCUMENTED_VERSIONS,
  findOperation,
  type JsonSchema,
  matchOperation,
  operationKey,
  operations,
  validateAgainst,
} from "./contract";
export {
  contractResponseSchema,
  REQUEST_EXCEPTIONS,
  RESPONSE_SUPPLEMENTS,
  SUPPLEMENTAL_OPERATIONS,
} from "./exceptions";
export { checkExchange, type Exchange, ExchangeLog } from "./mock-check";
export { checkRequest } from "./request-check";
export { fullSample, minimalSample, randomSamples } from "./samples";
export { readSummaries, recordSummary } from "./summary";
