import { Injectable } from '@nestjs/common';
import type { SubscriptionKind } from '@skillcert/shared';
import { IsNull, type EntityManager } from 'typeorm';
import type { ApplicationEntity } from '../applications/application.entity';
import { UserEntity } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { CandidateProfileEntity } from '../identity/candidate-profile.entity';
import { SubscriptionCreditEntity } from '../subscriptions/subscription-credit.entity';
import { Mailer } from './mailer';
import type { NewMessage, OutboxService } from './outbox.service';
import type { OutboxKind, OutboxPayload } from './outbox.entity';

export interface CandidateNotice {
  kind: OutboxKind;
  /** What makes this notice one of a kind (review:<application>:<state>…); the channel is appended. */
  dedupe: string;
  /** The WeChat message, sent only against an accepted subscription of this template, which it spends. */
  wechat?: { template: SubscriptionKind; data: Record<string, { value: string }> };
  email?: Extract<OutboxPayload, { subject: string }>;
}

/**
 * One candidate told about one thing, inside the transaction of the change:
 * a WeChat message if they allowed one of that template (the credit spent here),
 * an e-mail if they gave an address. A class member nobody claimed has neither.
 */
@Injectable()
export class CandidateNotices {
  constructor(
    private readonly clock: Clock,
    private readonly mailer: Mailer,
  ) {}

  async messages(manager: EntityManager, application: ApplicationEntity, notice: CandidateNotice): Promise<NewMessage[]> {
    if (!application.userId) return [];
    const messages: NewMessage[] = [];
    const page = `packages/account/application/index?id=${application.id}`;
    if (notice.wechat) {
      // Their openid and the oldest unused credit for the template, in one statement.
      const [found] = (await manager
        .createQueryBuilder(UserEntity, 'u')
        .select('u.openid', 'openid')
        .addSelect('c.id', 'creditId')
        .addSelect('c.template_id', 'templateId')
        .leftJoin(SubscriptionCreditEntity, 'c', 'c.user_id = u.id AND c.kind = :kind AND c.used_at IS NULL', { kind: notice.wechat.template })
        .where('u.id = :id', { id: application.userId })
        .orderBy('c.granted_at', 'ASC')
        .limit(1)
        .getRawMany()) as { openid: string | null; creditId: string | null; templateId: string | null }[];
      const user = found?.openid ? { openid: found.openid } : undefined;
      const credit = found?.creditId && found.templateId ? { id: found.creditId, templateId: found.templateId } : undefined;
      const spent =
        user?.openid && credit ? await manager.update(SubscriptionCreditEntity, { id: credit.id, usedAt: IsNull() }, { usedAt: this.clock.now() }) : undefined;
      if (user?.openid && credit && spent?.affected) {
        messages.push({
          kind: notice.kind,
          channel: 'wechat',
          userId: application.userId,
          recipient: user.openid,
          templateId: credit.templateId,
          payload: { page, data: notice.wechat.data },
          dedupeKey: `${notice.dedupe}:wechat`,
        });
      }
    }
    if (notice.email && this.mailer.enabled) {
      const email = (await manager.findOneBy(CandidateProfileEntity, { userId: application.userId }))?.email;
      if (email) {
        messages.push({
          kind: notice.kind,
          channel: 'email',
          userId: application.userId,
          recipient: email,
          payload: notice.email,
          dedupeKey: `${notice.dedupe}:email`,
        });
      }
    }
    return messages;
  }

  /** Written with the change: never a message for a change that did not happen, never a change without its message. */
  async tell(manager: EntityManager, outbox: OutboxService, application: ApplicationEntity, notice: CandidateNotice): Promise<void> {
    await outbox.enqueue(manager, await this.messages(manager, application, notice));
  }
}
