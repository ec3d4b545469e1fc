/** Test helpers for stores; imports '@jest/globals', so import it only from tests. */
export {
  byteOrder,
  contractGraph,
  describeGraphStoreContract,
  event,
  organisation,
  person,
  sortedData,
  tie,
  type GraphStoreHarness,
} from './store-contract.js';
export { caseloads, largestCaseload } from './caseloads.js';
