import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAppJson, subpackagesOf, WEAPP_DIST, weappPackageSizes } from '../../scripts/weapp-package.cjs';

/** WeChat refuses a main package over 2 MB. */
const WECHAT_MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;

describe('WeChat build', () => {
  it('has every page of app.json and its subpackages, with script, template and config', () => {
    const app = readAppJson();
    expect(app.pages[0]).toBe('pages/index/index');
    const subpackagePages = subpackagesOf(app).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`));
    expect(subpackagePages).toContain('packages/check/eligibility/index');
    for (const page of [...app.pages, ...subpackagePages]) {
      for (const ext of ['js', 'wxml', 'json']) expect(existsSync(join(WEAPP_DIST, `${page}.${ext}`))).toBe(true);
    }
  });

  it("keeps the main package under WeChat's 2 MB limit", () => {
    const { mainBytes } = weappPackageSizes();
    process.stdout.write(`weapp main package: ${(mainBytes / 1024).toFixed(0)} KB\n`);
    expect(mainBytes).toBeLessThan(WECHAT_MAIN_PACKAGE_LIMIT);
  });

  it('opens in WeChat DevTools from the project config', () => {
    const config = JSON.parse(readFileSync(join(__dirname, '..', 'project.config.json'), 'utf8')) as { miniprogramRoot: string; compileType: string };
    expect(config).toMatchObject({ miniprogramRoot: './dist', compileType: 'miniprogram' });
  });
});
