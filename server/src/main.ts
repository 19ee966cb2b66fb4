import { relative } from 'node:path';
import { ConfigError, DEV_ADMIN_PASSWORD, loadConfig } from './config/config';
import { createApp } from './app';
import { FixedClock } from './common/clock';
import { GracefulShutdown } from './common/graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  const shutdown = new GracefulShutdown();
  const app = await createApp(config, { shutdown, ...(config.fixedNow ? { clock: new FixedClock(config.fixedNow) } : {}) });
  await app.listen(config.port, config.host);
  shutdown.listen(app);
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  const database =
    config.database.kind === 'sqlite' ? `embedded SQLite ${relative(process.cwd(), config.database.path) || config.database.path}` : 'MariaDB/MySQL';
  const demo = config.demoMode
    ? `; demo: candidates sign in on 我的, staff at 我的 › 工作人员入口 as ${config.firstAdmin.username}${config.firstAdmin.password === DEV_ADMIN_PASSWORD ? ` / ${DEV_ADMIN_PASSWORD}` : ''}`
    : '';
  process.stdout.write(`\nSkillCert is running at ${url} — ${database}${demo} (API: ${url}api/docs)\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
