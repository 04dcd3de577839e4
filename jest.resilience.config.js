/** @type {import('jest').Config} */
// `npm run test:resilience`: faults under load (restarts, SIGKILLs). Not part of `npm test`; .ci/run calls it after.
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/resilience'],
  testPathIgnorePatterns: [],
  testTimeout: 600000,
  maxWorkers: 1,
};
