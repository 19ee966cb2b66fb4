// npm run lint: the TypeScript rules everyone learns from, and the walls between packages.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** @skillcert/shared is used by its name and its public subpaths, never by its build folder. */
const throughSharedFront = {
  group: ['@skillcert/shared/dist', '@skillcert/shared/dist/**'],
  message: 'import @skillcert/shared or its public subpaths (/contract, /testing), never its dist/',
};

/**
 * What one server feature may take from another: its module, its entities (as types: foreignEntitiesAsTypes), its services, and the few
 * files listed here that are services by another name (the guard, the policy, the state machine's
 * writer, the read models, the WeChat clients). Anything else in a feature's folder is its own.
 */
const FEATURE_SURFACE = [
  '../*/*.module',
  '../*/*.entity',
  '../*/*.service',
  '../common/*',
  '../database/*',
  '../config/*',
  '../access/actor',
  '../identity/wechat-users',
  '../auth/staff-sign-in',
  '../auth/auth.guard',
  '../access/access',
  '../applications/application-states',
  '../applications/application-views',
  '../applications/application-intake',
  '../certificates/certificate-view',
  '../identity/personal-data.cipher',
  '../notifications/candidate-notices',
  '../notifications/mailer',
  '../results/marks-writer',
  '../sessions/seat-allocator',
  '../tickets/ticket-documents',
  '../wechat/wechat.client',
  '../wechat/wechatpay.client',
];
/**
 * Another feature's table is read through its owner's services (or a read model), never as a repository
 * of one's own: its entity may be named as a type, not handed to `manager.find` or `@InjectRepository`.
 */
const foreignEntitiesAsTypes = {
  group: ['../*/*.entity'],
  allowTypeImports: true,
  message: "another feature's table: read it through that feature's services (import its entity with `import type` only)",
};

/**
 * The read models: one statement over several features' tables through JoinedReads (the application's
 * view and audit trail, the intake's checks, the sign-in lookup), and the access policy's ownership reads.
 */
const READ_MODELS = [
  'server/src/applications/application-views.ts',
  'server/src/applications/application-intake.ts',
  'server/src/auth/auth.service.ts',
  'server/src/access/access.ts',
];

const throughFeatureSurface = {
  group: ['../*/*', ...FEATURE_SURFACE.map((path) => `!${path}`)],
  message: "another feature's internals: use its module, entities, services or a file of its surface (FEATURE_SURFACE in eslint.config.mjs)",
};

const notTheDatabase = [
  {
    name: '@nestjs/typeorm',
    importNames: ['InjectDataSource', 'InjectEntityManager'],
    message: 'inject repositories (@InjectRepository), JoinedReads or UnitOfWork — not the database',
  },
  { name: 'typeorm', importNames: ['DataSource'], message: 'inject repositories (@InjectRepository), JoinedReads or UnitOfWork — not the database' },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-h5/**', '**/node_modules/**', 'server/data/**', 'test-artifacts/**', '**/*.cjs', 'miniprogram/config/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        FormData: 'readonly',
        Blob: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The CommonJS configuration files (jest, babel) and test stubs.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', exports: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/miniprogram/**', '@skillcert/server', '@skillcert/miniprogram', '@nestjs/*', '@tarojs/*', 'typeorm', 'react'],
              message: 'shared holds the rules: it imports nothing from the server or the app, nor their frameworks',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '@skillcert/server', '@skillcert/server/**'], message: 'the app reaches the server over HTTP, never by import' },
            throughSharedFront,
          ],
        },
      ],
    },
  },
  {
    files: ['miniprogram/test/**/*.ts', 'miniprogram/e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            throughSharedFront,
            { group: ['**/miniprogram/src/**'], message: 'the app is tested through its pages, not imported piecemeal' },
            {
              group: ['**/server/**', '@skillcert/server', '@skillcert/server/**'],
              message: 'the walks start the built server and reach it over HTTP; what tests share lives in @skillcert/test-support',
            },
          ],
        },
      ],
    },
  },
  {
    // Rooms with walls: a service gets repositories for the tables its module registers (or imports from
    // the module that owns them), joined reads through JoinedReads, transactions through UnitOfWork. Only
    // the database's own plumbing, the health check and the store whose medium is the database hold it.
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/database/**',
      'server/src/health/**',
      'server/src/files/file-store.ts',
      'server/src/app.module.ts',
      'server/src/migrations-cli.ts',
      'server/src/**/*.e2e-spec.ts',
      'server/src/**/*.spec.ts',
    ],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: notTheDatabase, patterns: [throughSharedFront, throughFeatureSurface, foreignEntitiesAsTypes] },
      ],
    },
  },
  {
    files: READ_MODELS,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: notTheDatabase, patterns: [throughSharedFront, throughFeatureSurface] }],
    },
  },
  {
    files: [
      'server/test/**/*.ts',
      'server/src/**/*.spec.ts',
      'server/src/**/*.e2e-spec.ts',
      'server/src/database/**',
      'server/src/health/**',
      'server/src/files/file-store.ts',
      'server/src/app.module.ts',
      'server/src/migrations-cli.ts',
      'scripts/test-support/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [throughSharedFront, { group: ['**/miniprogram/src/**'], message: 'the app is tested through its pages, not imported piecemeal' }] },
      ],
    },
  },
);
