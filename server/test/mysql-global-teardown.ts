import { createConnection } from 'mysql2/promise';

export default async function globalTeardown(): Promise<void> {
  const raw = process.env.SKILLCERT_TEST_MYSQL_URL;
  if (!raw) return;
  const url = new URL(raw);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
  await connection.end();
}
