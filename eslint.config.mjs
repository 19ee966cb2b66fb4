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
 * The server's floors, from the ground up: a folder of server/src imports only from its own floor or
 * below, so which room stands on which can be read here, and an import that runs up fails the lint.
 * Folders on one floor may use each other one way (walls.spec.ts refuses two folders importing each other).
 */
const LAYERS = [
  { floor: 'infrastructure', folders: ['common', 'config', 'database', 'wechat'] },
  { floor: 'access', folders: ['access'] },
  { floor: 'people and catalogue', folders: ['identity', 'staff', 'plans', 'calendar', 'files', 'subscriptions'] },
  { floor: 'sign-in', folders: ['auth'] },
  { floor: 'the hub', folders: ['applications', 'sessions'] },
  {
    floor: 'processes',
    folders: ['payments', 'review', 'results', 'certificates', 'tickets', 'notifications', 'finance', 'batches', 'visits', 'exam-day', 'misconduct'],
  },
  { floor: 'views and routes', folders: ['api', 'docs'] },
  { floor: 'the demo', folders: ['demo'] },
  { floor: 'the root', files: ['app.module.ts', 'app.ts', 'main.ts', 'tables.ts', 'migrations-cli.ts'] },
];
const INFRASTRUCTURE = LAYERS[0].folders;
const SERVER_SRC = 'server/src/';

/** The floor of a file of server/src (by its folder, or its name at the top), or undefined outside the floors. */
function floorOf(path) {
  const inside = path.replaceAll('\\', '/').split(SERVER_SRC)[1];
  if (!inside) return undefined;
  const [first, ...rest] = inside.split('/');
  // A folder's own index is imported by the folder's name alone.
  const folder = rest.length > 0 || !first.includes('.');
  const index = LAYERS.findIndex((layer) => (folder ? layer.folders?.includes(first) : layer.files?.includes(first)));
  return index < 0 ? undefined : { index, room: folder ? `${first}/` : first };
}

const floors = {
  rules: {
    'imports-run-down': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = floorOf(context.filename);
        const check = (node) => {
          const source = node.source?.value;
          if (!from || typeof source !== 'string' || !source.startsWith('.')) return;
          const target = floorOf(resolveUp(context.filename, source));
          if (!target || target.index <= from.index) return;
          context.report({
            node: node.source,
            message: `${from.room} stands on the floor of ${LAYERS[from.index].floor}; ${target.room} is higher up (${LAYERS[target.index].floor}): imports run down the floors (LAYERS in eslint.config.mjs)`,
          });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};

/** A relative import resolved against its file (without an extension), as a path with server/src/ in it when it lands there. */
function resolveUp(filename, source) {
  const parts = filename.replaceAll('\\', '/').split('/').slice(0, -1);
  for (const segment of source.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/**
 * A feature is used through its `index.ts` alone — `../payments`, never `../payments/payments.service`;
 * the infrastructure's files are used as they are. Its entities come through the index as types: another
 * feature's table is read through its owner's services.
 */
const throughFeatureIndex = {
  group: ['../*/*', ...INFRASTRUCTURE.map((folder) => `!../${folder}/*`)],
  message: "another feature's internals: import its index (`../payments`), which lists what it offers the floors above",
};
/** The read models (one statement over many features' tables) and the list of tables name the entities themselves. */
const READ_MODELS = [
  'server/src/api/application-views.ts',
  'server/src/applications/application-intake.ts',
  'server/src/auth/auth.service.ts',
  'server/src/tables.ts',
];
const entitiesOfReadModels = {
  group: ['../*/*', './*/*', ...INFRASTRUCTURE.flatMap((folder) => [`!../${folder}/*`, `!./${folder}/*`]), '!../*/*.entity', '!./*/*.entity'],
  message: "another feature's internals: import its index; a read model names other features' entities, nothing else of theirs",
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
    // Rooms with walls: a service gets repositories for the tables its module registers, joined reads
    // through JoinedReads, transactions through UnitOfWork; another feature only through its index.
    // Only the database's own plumbing, the health check and the store whose medium is the database hold it.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.e2e-spec.ts', 'server/src/**/*.spec.ts'],
    plugins: { floors },
    rules: {
      'floors/imports-run-down': 'error',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: notTheDatabase, patterns: [throughSharedFront, throughFeatureIndex] }],
    },
  },
  {
    files: READ_MODELS,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: notTheDatabase, patterns: [throughSharedFront, entitiesOfReadModels] }],
    },
  },
  {
    files: [
      'server/src/database/**',
      'server/src/api/health.controller.ts',
      'server/src/files/file-store.ts',
      'server/src/app.module.ts',
      'server/src/migrations-cli.ts',
    ],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [throughSharedFront, throughFeatureIndex] }] },
  },
  {
    files: ['server/test/**/*.ts', 'server/src/**/*.spec.ts', 'server/src/**/*.e2e-spec.ts', 'scripts/test-support/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [throughSharedFront, { group: ['**/miniprogram/src/**'], message: 'the app is tested through its pages, not imported piecemeal' }] },
      ],
    },
  },
);
