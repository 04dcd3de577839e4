/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Faults under load run on their own: `npm run test:resilience` (jest.resilience.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/resilience/'],
  // swc only strips types; `tsc --noEmit` in `npm test` does the type checking.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
