import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SUBSCRIPTION_KINDS, SUBSCRIPTION_TITLES, type SubscriptionChoices, type SubscriptionKind, type SubscriptionsView } from '@skillcert/shared';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import { WechatUsers } from '../identity';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SubscriptionCreditEntity } from './subscription-credit.entity';

/** Told of a user's accepts (their openid and the templates) — the demo's fake WeChat listens; production has no listener. */
export const SUBSCRIPTIONS_ACCEPTED = Symbol('subscriptions accepted');
export type SubscriptionsAccepted = (openid: string, templateIds: string[]) => Promise<void>;

/** What the candidate allowed us to send: each accept one credit, spent by one message. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly users: WechatUsers,
    @InjectRepository(SubscriptionCreditEntity) private readonly subscriptionCredits: Repository<SubscriptionCreditEntity>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(SUBSCRIPTIONS_ACCEPTED) private readonly accepted?: SubscriptionsAccepted,
  ) {}

  /**
   * Messages of `kind` to these candidates, inside the transaction that writes them: one credit spent
   * per message (a candidate named twice — two seats in one session — spends two), each one's oldest
   * unused first; a credit another transaction spends first is not theirs any more. Answers the
   * template of each credit spent, by candidate; those without enough credits get fewer.
   */
  async spend(manager: EntityManager, userIds: readonly string[], kind: SubscriptionKind): Promise<Map<string, string[]>> {
    const spent = new Map<string, string[]>();
    if (!userIds.length) return spent;
    const wanted = new Map<string, number>();
    for (const id of userIds) wanted.set(id, (wanted.get(id) ?? 0) + 1);
    const unused = await manager.find(SubscriptionCreditEntity, {
      where: { userId: In([...wanted.keys()]), kind, usedAt: IsNull() },
      order: { grantedAt: 'ASC' },
    });
    const now = this.clock.now();
    for (const credit of unused) {
      const theirs = spent.get(credit.userId) ?? [];
      if (theirs.length >= (wanted.get(credit.userId) ?? 0)) continue;
      const claimed = await manager.update(SubscriptionCreditEntity, { id: credit.id, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected) spent.set(credit.userId, [...theirs, credit.templateId]);
    }
    return spent;
  }

  async view(userId: string): Promise<SubscriptionsView> {
    const unused = await this.subscriptionCredits.findBy({ userId, usedAt: IsNull() });
    const credits = Object.fromEntries(SUBSCRIPTION_KINDS.map((kind) => [kind, unused.filter((c) => c.kind === kind).length])) as Record<
      SubscriptionKind,
      number
    >;
    return {
      templates: SUBSCRIPTION_KINDS.map((kind) => ({ kind, templateId: this.config.wechat.templates[kind], title: SUBSCRIPTION_TITLES[kind] })),
      credits,
    };
  }

  /** requestSubscribeMessage's answer: accepts become credits; refusals and unknown templates change nothing. */
  async record(userId: string, { choices }: SubscriptionChoices): Promise<SubscriptionsView> {
    const kindOf = new Map(SUBSCRIPTION_KINDS.map((kind) => [this.config.wechat.templates[kind], kind]));
    const accepted = choices.flatMap((c) => {
      const kind = c.choice === 'accept' ? kindOf.get(c.templateId) : undefined;
      return kind ? [{ kind, templateId: c.templateId }] : [];
    });
    if (accepted.length) {
      await this.subscriptionCredits.insert(
        accepted.map((a) => ({ id: timeOrderedId(), userId, kind: a.kind, templateId: a.templateId, grantedAt: this.clock.now(), usedAt: null })),
      );
      const openid = this.accepted ? await this.users.openidOf(userId) : undefined;
      if (openid)
        await this.accepted?.(
          openid,
          accepted.map((a) => a.templateId),
        );
    }
    return this.view(userId);
  }
}
