import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Accepted WeChat subscribe messages, one row per message allowed. */
export class SubscriptionCredits1764600000000 implements MigrationInterface {
  name = 'SubscriptionCredits1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'subscription_credits',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('user_id', 36),
          text('kind', 10),
          text('template_id', 64),
          timestamp('granted_at'),
          timestamp('used_at', { isNullable: true }),
        ],
        indices: [{ name: 'idx_subscription_credits_user', columnNames: ['user_id', 'kind', 'used_at'] }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('subscription_credits');
  }
}
