import type { Server } from 'node:http';
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
  keepAliveLongerThanTheBalancer(app.getHttpServer() as Server, config.keepAliveSeconds);
  shutdown.listen(app);
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  const database =
    config.database.kind === 'sqlite' ? `embedded SQLite ${relative(process.cwd(), config.database.path) || config.database.path}` : 'MariaDB/MySQL';
  const demo = config.demoMode
    ? `; demo: candidates sign in on 我的, staff at 我的 › 工作人员入口 as ${config.firstAdmin.username}${config.firstAdmin.password === DEV_ADMIN_PASSWORD ? ` / ${DEV_ADMIN_PASSWORD}` : ''}`
    : '';
  process.stdout.write(`\nSkillCert is running at ${url} — ${database}${demo} (API: ${url}api/docs)\n\n`);
}

/**
 * A balancer (nginx's upstream keepalive, 云托管's gateway) reuses an idle connection until its own
 * idle timeout: if the server closed it first, the request sent on it meets a reset (nginx answers a
 * POST with 502). So the server keeps idle connections longer than any balancer does (65 s by
 * default; nginx's upstream keepalive_timeout is 60 s), and waits for headers a little longer still.
 */
function keepAliveLongerThanTheBalancer(server: Server, seconds: number): void {
  server.keepAliveTimeout = seconds * 1000;
  server.headersTimeout = (seconds + 1) * 1000;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
