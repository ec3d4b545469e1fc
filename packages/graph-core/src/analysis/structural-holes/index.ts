/**
 * Burt's structural-hole measures over the compact CSR projection (definitions as NetworkX 2.8.8; hierarchy as Burt
 * 1992): constraint, effective size, efficiency, hierarchy and local constraint.
 */
export { DEFAULT_STRUCTURAL_HOLES_OPTIONS, nullable, type StructuralHolesOptions } from './ego-pass.js';
export { localConstraint, localConstraintsOf } from './local-constraint.js';
export { constraint } from './constraint.js';
export { effectiveSize } from './effective-size.js';
export { efficiency } from './efficiency.js';
export { hierarchy, hierarchyOf } from './hierarchy.js';
export { structuralHoles, structuralHolesRows, type StructuralHoles, type StructuralHolesRow } from './structural-holes.js';
