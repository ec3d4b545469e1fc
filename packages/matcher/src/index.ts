/**
 * @bridgework/matcher: introduction suggestions that bridge gaps in a person's network, and the evaluation that
 * proves them. Pure functions over graph-core's graphs: no I/O, no clock, no Math.random.
 */
export * from './profiles.js';
export * from './suggest/index.js';
export * from './evaluation/index.js';
export * from './link-model/index.js';
