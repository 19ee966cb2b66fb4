import { ConfigError, loadConfig } from './config/config';
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
  const database = config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'MariaDB/MySQL';
  process.stdout.write(`\nSkillCert is running at ${url}  (API docs: ${url}api/docs, database: ${database})\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
