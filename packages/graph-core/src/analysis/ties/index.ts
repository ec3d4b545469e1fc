/**
 * Strong and weak ties (Granovetter 1973) from tie strength and neighbourhood overlap (Onnela et al. 2007), over the
 * compact CSR projection.
 */
export {
  classifyTies,
  resolveTieRule,
  weakShareAt,
  nodeTieRows,
  tieRows,
  DEFAULT_TIE_CLASSIFICATION_OPTIONS,
  type NodeTieRow,
  type TieBasis,
  type TieClassification,
  type TieClassificationOptions,
  type TieRow,
} from './tie-classification.js';
