export { DEFAULT_EGO_MAX_STEPS, egoReport, type EgoReport, type EgoReportOptions } from './ego-report.js';
export { EGO_HISTORY_DEFAULTS, egoHistory, monthsBefore, type EgoHealthPoint, type EgoHistory, type EgoHistoryOptions } from './ego-history.js';
