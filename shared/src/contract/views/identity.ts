import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { STAFF_ROLES, SUBSCRIPTION_KINDS } from '../../types';
import { count, instant, isoDate, object, text } from './fields';

export const meResponseSchema = object({
  userId: text,
  profile: z.optional(
    object({
      name: text,
      residentIdMasked: text,
      birthDate: isoDate,
      sex: z.enum(['male', 'female']),
      phone: z.optional(text),
      email: z.optional(text),
    }),
  ),
});
export type MeResponse = output<typeof meResponseSchema>;
export const sessionResponseSchema = object({ token: text, expiresAt: instant, me: meResponseSchema });
export type SessionResponse = output<typeof sessionResponseSchema>;
export const renewedSessionSchema = object({ token: text, expiresAt: instant });
/** A one-time code from the fake WeChat, for the demo and the tests' sign-in. */
export const demoCodeSchema = object({ code: text });

export const staffProfileSchema = object({
  id: text,
  username: text,
  displayName: text,
  bodyId: text,
  kind: z.enum(['staff', 'institution']),
  roles: z.array(z.enum(STAFF_ROLES)),
  institution: z.optional(object({ id: text, name: text })),
  /** Stopped by an admin: signs in no more, its sessions ended. */
  disabled: z.optional(z.literal(true)),
  /** Given a temporary password by an admin: sets their own before anything else. */
  mustChangePassword: z.optional(z.literal(true)),
});
export type StaffProfile = output<typeof staffProfileSchema>;
export const staffSessionResponseSchema = object({ token: text, expiresAt: instant, staff: staffProfileSchema });
export type StaffSessionResponse = output<typeof staffSessionResponseSchema>;
export const revokedSessionsSchema = object({ revoked: count });

export const subscriptionsViewSchema = object({
  templates: z.array(object({ kind: z.enum(SUBSCRIPTION_KINDS), templateId: text, title: text })),
  /** Messages the candidate has allowed and not yet received, per kind. */
  credits: z.record(z.enum(SUBSCRIPTION_KINDS), count),
});
export type SubscriptionsView = output<typeof subscriptionsViewSchema>;

export const healthSchema = object({
  status: z.enum(['ok', 'degraded']),
  database: object({ kind: text, ok: z.boolean(), latencyMs: z.optional(z.number()) }),
  /** Where the throttles are shared (with several instances); away, each instance counts its own. */
  redis: z.optional(object({ ok: z.boolean() })),
});
