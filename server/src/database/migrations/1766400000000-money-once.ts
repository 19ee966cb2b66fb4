import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Money taken once: at most one open WeChat order per application
 * (`open_application_id`, unique, held while the order is pending, as
 * `open_batch_id` is for a class), and money that is not the fee owed back in
 * sight of finance — why, to whom (a transfer's payer), asked of WeChat when,
 * sent back by whom. Staff sign-in remembers the addresses an account has
 * signed in from, so strangers' guesses cannot lock its owner out.
 */
export class MoneyOnce1766400000000 implements MigrationInterface {
  name = 'MoneyOnce1766400000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.addColumns('payments', [
      new TableColumn(text('open_application_id', 36, { isNullable: true })),
      new TableColumn(text('payer', 100, { isNullable: true })),
      new TableColumn(text('refund_reason', 200, { isNullable: true })),
      new TableColumn(timestamp('refund_asked_at', { isNullable: true })),
      new TableColumn(text('refund_decided_by', 36, { isNullable: true })),
    ]);
    // Refunds asked before this column existed were asked.
    await runner.query('UPDATE payments SET refund_asked_at = created_at WHERE refund_state IS NOT NULL');
    // The newest open order of each application keeps its place; older duplicates stay pending (WeChat may still settle them).
    const open = (await runner.query(
      "SELECT id, application_id FROM payments WHERE channel = 'wechat' AND state = 'pending' AND application_id IS NOT NULL AND order_id IS NULL AND batch_id IS NULL ORDER BY created_at DESC, id DESC",
    )) as { id: string; application_id: string }[];
    const seen = new Set<string>();
    for (const row of open) {
      if (seen.has(row.application_id)) continue;
      seen.add(row.application_id);
      await runner.query('UPDATE payments SET open_application_id = ? WHERE id = ?', [row.application_id, row.id]);
    }
    await runner.createIndex('payments', new TableIndex({ name: 'uq_payments_open_application', columnNames: ['open_application_id'], isUnique: true }));
    await runner.createIndex('payments', new TableIndex({ name: 'idx_payments_refund', columnNames: ['refund_state'] }));
    await runner.addColumn('login_failures', new TableColumn(timestamp('signed_in_at', { isNullable: true })));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('login_failures', 'signed_in_at');
    await runner.dropIndex('payments', 'idx_payments_refund');
    await runner.dropIndex('payments', 'uq_payments_open_application');
    for (const column of ['refund_decided_by', 'refund_asked_at', 'refund_reason', 'payer', 'open_application_id']) await runner.dropColumn('payments', column);
  }
}
