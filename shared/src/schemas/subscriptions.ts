import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import type { SubscriptionKind } from '../types';

export const SUBSCRIPTION_TITLES: Record<SubscriptionKind, string> = {
  ticket: '准考证可下载提醒',
  results: '成绩发布提醒',
  review: '审核结果通知',
};

export interface SubscriptionTemplate {
  kind: SubscriptionKind;
  templateId: string;
  title: string;
}

/** What requestSubscribeMessage answered, template by template. */
export const subscriptionChoicesSchema = z.object({
  choices: z
    .array(
      z.object({
        templateId: z.string().check(z.minLength(1), z.maxLength(64)),
        choice: z.enum(['accept', 'reject', 'ban', 'filter']),
      }),
    )
    .check(z.minLength(1, '没有选择'), z.maxLength(3, '一次最多订阅3种消息')),
});
export type SubscriptionChoices = output<typeof subscriptionChoicesSchema>;
