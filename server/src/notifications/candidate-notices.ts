import { Injectable } from '@nestjs/common';
import type { SubscriptionKind } from '@skillcert/shared';
import type { EntityManager } from 'typeorm';
import type { ApplicationEntity } from '../applications/application.entity';
import { AuthService } from '../auth/auth.service';
import { IdentityService } from '../identity/identity.service';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
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
    private readonly auth: AuthService,
    private readonly identity: IdentityService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  async messages(manager: EntityManager, application: ApplicationEntity, notice: CandidateNotice): Promise<NewMessage[]> {
    if (!application.userId) return [];
    const messages: NewMessage[] = [];
    const page = `packages/account/application/index?id=${application.id}`;
    if (notice.wechat) {
      // A credit is spent only for someone WeChat can reach.
      const openid = await this.auth.openidOf(application.userId, manager);
      const templateId = openid ? (await this.subscriptions.spend(manager, [application.userId], notice.wechat.template)).get(application.userId) : undefined;
      if (openid && templateId) {
        messages.push({
          kind: notice.kind,
          channel: 'wechat',
          userId: application.userId,
          recipient: openid,
          templateId,
          payload: { page, data: notice.wechat.data },
          dedupeKey: `${notice.dedupe}:wechat`,
        });
      }
    }
    if (notice.email && this.mailer.enabled) {
      const email = (await this.identity.emailsOf([application.userId], manager)).get(application.userId);
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
