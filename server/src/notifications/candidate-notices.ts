import { Injectable } from '@nestjs/common';
import type { SubscriptionKind } from '@skillcert/shared';
import type { EntityManager } from 'typeorm';
import type { ApplicationEntity } from '../applications';
import { WechatUsers, IdentityService } from '../identity';
import { SubscriptionsService } from '../subscriptions';
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
    private readonly mailer: Mailer,
    private readonly users: WechatUsers,
    private readonly identity: IdentityService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  messages(manager: EntityManager, application: Pick<ApplicationEntity, 'id' | 'userId'>, notice: CandidateNotice): Promise<NewMessage[]> {
    return this.messagesForEach(manager, [{ application, notice }]);
  }

  /**
   * Many candidates told at once (a session's tickets opening), in a few statements whatever their
   * number: their openids, the credits spent (one per WeChat message, and only for someone WeChat can
   * reach), their e-mail addresses.
   */
  async messagesForEach(
    manager: EntityManager,
    told: { application: Pick<ApplicationEntity, 'id' | 'userId'>; notice: CandidateNotice }[],
  ): Promise<NewMessage[]> {
    const reachable = told.flatMap(({ application, notice }) =>
      application.userId ? [{ applicationId: application.id, userId: application.userId, notice }] : [],
    );
    const byWechat = reachable.filter((t) => t.notice.wechat);
    const openids = await this.users.openidsOf(
      byWechat.map((t) => t.userId),
      manager,
    );
    const templates = new Map<SubscriptionKind, Map<string, string[]>>();
    for (const kind of new Set(byWechat.map((t) => t.notice.wechat!.template))) {
      const users = byWechat.filter((t) => t.notice.wechat!.template === kind && openids.has(t.userId)).map((t) => t.userId);
      templates.set(kind, await this.subscriptions.spend(manager, users, kind));
    }
    const byEmail = this.mailer.enabled ? reachable.filter((t) => t.notice.email) : [];
    const emails = await this.identity.emailsOf(
      byEmail.map((t) => t.userId),
      manager,
    );
    const messages: NewMessage[] = [];
    for (const { applicationId, userId, notice } of reachable) {
      const openid = openids.get(userId);
      const templateId = notice.wechat && templates.get(notice.wechat.template)?.get(userId)?.shift();
      if (notice.wechat && openid && templateId) {
        messages.push({
          kind: notice.kind,
          channel: 'wechat',
          userId,
          recipient: openid,
          templateId,
          payload: { page: `packages/account/application/index?id=${applicationId}`, data: notice.wechat.data },
          dedupeKey: `${notice.dedupe}:wechat`,
        });
      }
      const email = emails.get(userId);
      if (notice.email && email && this.mailer.enabled) {
        messages.push({ kind: notice.kind, channel: 'email', userId, recipient: email, payload: notice.email, dedupeKey: `${notice.dedupe}:email` });
      }
    }
    return messages;
  }

  /** Written with the change: never a message for a change that did not happen, never a change without its message. */
  async tell(manager: EntityManager, outbox: OutboxService, application: ApplicationEntity, notice: CandidateNotice): Promise<void> {
    await outbox.enqueue(manager, await this.messages(manager, application, notice));
  }
}
