// @ts-check
// ESLint flat config for the whole workspace (`pnpm lint` = `eslint .`).
//
// TypeScript is linted with type information. The rules that matter most here need it:
// no-floating-promises and no-misused-promises (an un-awaited publish or ack is a lost event),
// switch-exhaustiveness-check (every event type, stage category, role... handled).
//
// Type information comes from explicit tsconfigs rather than `projectService`: the per-package
// tsconfigs exclude *.spec.ts, and test/ and bench/ have no tsconfig.json of their own, so the
// project service would not find a project for those files (and its allowDefaultProject does not
// accept `**` globs). tsconfig.tests.json covers exactly those files.
//
// Workspace packages resolve through node_modules to their built dist/*.d.ts (as for tsc), so run
// `pnpm build` before linting: without it imports from @switchboard/* are unresolved, typed
// `any`, and the no-unsafe-* rules report them.
import { existsSync } from 'node:fs';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

if (!existsSync(`${root}/packages/contracts/dist/index.d.ts`)) {
  console.warn(
    'eslint.config.mjs: packages/*/dist is missing; run `pnpm build` first, or imports from ' +
      '@switchboard/* lint as `any`.',
  );
}

/** Test code: specs next to the sources, per-package test/ folders, end-to-end tests, benchmarks. */
const TEST_FILES = [
  '**/*.spec.ts',
  'packages/*/test/**/*.ts',
  'services/*/test/**/*.ts',
  'test/**/*.ts',
  'bench/**/*.ts',
];

/** Files that belong to a tsconfig below and so get type-aware rules. */
const TYPED_FILES = ['packages/**/*.ts', 'services/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'];

/** Rules without type information, for every file. */
const baseRules = {
  eqeqeq: ['error', 'smart'],
  'no-var': 'error',
  'prefer-const': 'error',
  'no-debugger': 'error',
  'no-self-compare': 'error',
  'no-template-curly-in-string': 'error',
  'no-unsafe-finally': 'error',
  '@typescript-eslint/no-unused-vars': [
    'error',
    {
      args: 'after-used',
      argsIgnorePattern: '^_',
      varsIgnorePattern: '^_',
      caughtErrorsIgnorePattern: '^_',
      destructuredArrayIgnorePattern: '^_',
      ignoreRestSiblings: true,
    },
  ],
};

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '.data/',
    '.tools/',
    // Compiled output and generated files; hand-written scripts are .mjs.
    '**/*.js',
    '**/*.d.ts',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Everything: syntax-only recommended rules (no type information needed).
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    rules: baseRules,
  },

  // TypeScript in the workspace: type-aware rules.
  {
    files: TYPED_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Order matters: a file is linted with the first program that contains it, so the
        // package's own tsconfig wins over the tests config that also pulls sources in.
        project: [
          './packages/*/tsconfig.json',
          './services/*/tsconfig.json',
          './tsconfig.tests.json',
        ],
        tsconfigRootDir: root,
      },
    },
    rules: {
      ...baseRules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Processes log through pino (structured, leveled, redacted); tests and scripts may print.
      'no-console': 'error',
      // Nest's dependency injection reads constructor parameter types at runtime
      // (emitDecoratorMetadata): rewriting them to `import type` would break injection.
      '@typescript-eslint/consistent-type-imports': 'off',
      // Nest lifecycle hooks and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      // `return promise` inside try/catch skips the catch; only that case is reported.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
    },
  },

  // Tests: jest matchers (`expect.any()`, `expect.objectContaining()`) are typed `any`, and
  // `expect(mock.method)` reads methods unbound. Promise rules stay on: an un-awaited
  // `expect(...).rejects` passes silently.
  {
    files: TEST_FILES,
    rules: {
      'no-console': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // Node scripts (.mjs/.cjs) get only the syntax-level rules above, without type information
  // (as does any .ts file outside packages/, services/, test/ and bench/).
  {
    files: ['**/*.mjs', '**/*.cjs'],
    rules: {
      // Plain JavaScript: `require` is how .cjs files load things.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
