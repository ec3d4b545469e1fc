export { DEFAULT_EGO_MAX_STEPS, egoReport, type EgoReport, type EgoReportOptions } from './ego-report.js';
export {
  EGO_HISTORY_DEFAULTS,
  egoHealth,
  egoHistory,
  monthsBefore,
  networkAsOf,
  type EgoHealthPoint,
  type EgoHistory,
  type EgoHistoryOptions,
  type NetworkAsOf,
  type NetworkAsOfOptions,
} from './ego-history.js';
