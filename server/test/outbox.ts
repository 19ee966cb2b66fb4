import { DataSource, MoreThan } from 'typeorm';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import type { TestServer } from './harness';

/**
 * Sends everything due — and what a busy machine made WeChat or the mail server
 * turn back for now, which the outbox tries again later by design: the clock is
 * moved to each retry. (Draining at one fixed instant left such a message
 * waiting, and the test saw none arrive.)
 */
export async function deliverAll(server: TestServer): Promise<void> {
  const outbox = server.app.get(OutboxService);
  const waiting = server.app.get(DataSource).getRepository(OutboxEntity);
  for (let round = 0; round < 10; round++) {
    await outbox.drain();
    // Only messages already tried: one written for later (a reminder the day before) waits for its own time.
    const next = await waiting.findOne({ where: { state: 'pending', attempts: MoreThan(0) }, order: { nextAttemptAt: 'ASC' } });
    if (!next) return;
    server.clock.set(new Date(Math.max(server.clock.now().getTime(), next.nextAttemptAt.getTime()) + 1));
  }
  throw new Error('the outbox still holds messages after ten rounds of retries');
}
