/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } },
];

/** ESM packages that jsdom tests must compile. */
const ESM_PACKAGES = ['@tarojs', '@nutui', '@stencil', 'swiper', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'nanoid', 'lodash-es'];

module.exports = {
  testTimeout: 90_000,
  projects: [
    {
      displayName: 'weapp',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/support/taro-globals.js'],
      moduleNameMapper: {
        '^@tarojs/taro$': '@tarojs/taro-h5',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^lodash-es$': 'lodash',
        // The package's main is a UMD bundle with lottie inlined; its ES entry lets the stub below apply.
        '^@nutui/nutui-react-taro$': '@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
        lottie: '<rootDir>/test/support/lottie-stub.js',
        '\\.(css|scss)$': '<rootDir>/test/support/style-stub.js',
      },
      transform: { '^.+\\.(t|j|mj)sx?$': swc },
      // Anchored at the first node_modules: whatever these packages vendor inside themselves is compiled too.
      transformIgnorePatterns: [`^(?:(?!/node_modules/).)*/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      // The review walk runs on MariaDB: the server suite's setup finds it (or, in CI, insists) and its teardown drops what we made.
      globalSetup: '<rootDir>/../server/test/mysql-global-setup.ts',
      globalTeardown: '<rootDir>/../server/test/mysql-global-teardown.ts',
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
  ],
};
