// Three tiers (see docs/architecture.md): unit specs beside the code, medium tests per service
// against real FerretDB/MongoDB, NATS and Redis, end-to-end tests that start every process.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/jest.global-setup.js',
  globalTeardown: '<rootDir>/test/jest.global-teardown.js',
  maxWorkers: process.env.JEST_MAX_WORKERS || 2,
  // Generous: medium and end-to-end tests start real processes; tests wait for outcomes.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services}/*/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/{packages,services}/*/test/**/*.medium.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e-timeout.js'],
    },
  ],
};
