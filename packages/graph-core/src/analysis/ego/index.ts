export { DEFAULT_EGO_MAX_STEPS, egoReport, type EgoReport, type EgoReportOptions } from './ego-report.js';
