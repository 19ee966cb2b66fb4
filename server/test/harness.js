'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.databaseTargets = databaseTargets;
exports.startServer = startServer;
const node_fs_1 = require('node:fs');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const app_1 = require('../src/app');
const clock_1 = require('../src/common/clock');
const config_1 = require('../src/config/config');
/** Every database the suites run against: SQLite always, MariaDB whenever the global setup made a database for it. */
function databaseTargets() {
  const targets = [
    {
      name: 'sqlite',
      env: { SQLITE_PATH: (0, node_path_1.join)((0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'skillcert-')), 'test.sqlite') },
    },
  ];
  const mysql = process.env.SKILLCERT_TEST_MYSQL_URL;
  if (mysql) targets.push({ name: 'mariadb', env: { DATABASE_URL: mysql } });
  return targets;
}
/** A real server on a loopback port, on a real database, with a clock the test controls. */
async function startServer(target, now, env = {}) {
  const config = (0, config_1.loadConfig)({
    NODE_ENV: 'test',
    PORT: '0',
    H5_DIR: (0, node_path_1.join)((0, node_os_1.tmpdir)(), 'skillcert-no-h5'),
    ...target.env,
    ...env,
  });
  const clock = new clock_1.FixedClock(now);
  const app = await (0, app_1.createApp)(config, { clock, logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, config, clock, url: await app.getUrl() };
}
//# sourceMappingURL=harness.js.map
