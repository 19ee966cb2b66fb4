import { DataSource } from 'typeorm';
import { loadConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { ENTITIES } from './tables';

/**
 * TypeORM's command line reads the database from here, configured as the server is (DATABASE_URL, or the
 * embedded file): `npm run migrations -w @skillcert/server -- migration:show`. The server itself runs
 * what is pending at start-up, one instance at a time; this is for looking, and for reverting by hand.
 */
export default new DataSource(dataSourceOptions(loadConfig().database, ENTITIES));
