import { loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded SQLite', () => {
    expect(loadConfig({}).database.kind).toBe('sqlite');
  });

  it('uses MariaDB when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/skillcert' }).database).toEqual({
      kind: 'mariadb',
      url: 'mysql://root@127.0.0.1:3306/skillcert',
    });
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ database: { kind: 'sqlite' }, port: 3000 });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/DATABASE_URL/);
  });

  it('refuses to start in production with demo mode or without a real database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true', DATABASE_URL: 'mysql://u:p@db:3306/skillcert' })).toThrow(/DEMO_MODE/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/skillcert' }).env).toBe('production');
  });
});
