import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: true, stats: false },
  // Taro's terser writes every Chinese character as a six-byte \uXXXX escape; as UTF-8 it is three bytes.
  // WeChat reads its packages as UTF-8, and the plans quote their notices at length: this keeps the main package under 500 KB.
  terser: { enable: true, config: { output: { ascii_only: false } } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
