/** Jest runs the TypeScript sources as ESM through swc (type-checking is `pnpm typecheck`). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  testTimeout: 60000,
  // Two suites at a time: many end-to-end tests wait on child processes, servers and the browser, so two workers keep
  // both cores busy (jest's default on a 2-core machine is one).
  maxWorkers: 2,
};
