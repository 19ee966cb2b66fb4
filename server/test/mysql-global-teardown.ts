import { createConnection } from 'mysql2/promise';

/** Drops every database this run made (they share the prefix the global setup chose). */
export default async function globalTeardown(): Promise<void> {
  const raw = process.env.SKILLCERT_TEST_MYSQL_URL;
  if (!raw) return;
  const url = new URL(raw);
  const prefix = url.pathname.slice(1);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  const [rows] = await connection.query(`SHOW DATABASES LIKE '${prefix}%'`);
  for (const row of rows as Record<string, string>[]) {
    const name = Object.values(row)[0];
    if (name?.startsWith(prefix)) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
  await connection.end();
}
