import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { STAFF_ROLES, type StaffRole } from '../types';
import { notFormula } from '../rules/text';

/** Each role as the app names it; institution clerks, who declare classes, are their own kind of account. */
export const STAFF_ROLE_NAMES: Record<StaffRole | 'institution', string> = {
  reviewer: '审核员',
  finance: '财务',
  proctor: '考务',
  admin: '管理员',
  institution: '机构经办人',
};

export const staffLoginSchema = z.object({
  username: z.string({ error: '请输入用户名' }).check(z.minLength(1, '请输入用户名'), z.maxLength(40)),
  password: z.string({ error: '请输入密码' }).check(z.minLength(1, '请输入密码'), z.maxLength(200)),
});
export type StaffLoginRequest = output<typeof staffLoginSchema>;

const USERNAME = /^[a-z][a-z0-9_.-]{2,39}$/;

export const createStaffSchema = z
  .object({
    username: z
      .string({ error: '请输入用户名' })
      .check(z.refine((s) => USERNAME.test(s), { message: '用户名为3-40位小写字母、数字、点、横线或下划线，以字母开头' })),
    displayName: z.string({ error: '请输入姓名' }).check(z.minLength(1, '请输入姓名'), z.maxLength(40, '姓名过长'), notFormula('姓名')),
    /** At least 12 characters: these accounts decide on people's applications. */
    password: z.string({ error: '请输入初始密码' }).check(z.minLength(12, '初始密码至少12位'), z.maxLength(200)),
    kind: z.enum(['staff', 'institution'], { error: '请选择账号类型' }),
    roles: z._default(z.array(z.enum(STAFF_ROLES, { error: '角色不正确' })).check(z.maxLength(4)), []),
    /** Institution accounts: the training school or college they act for. */
    institutionName: z.optional(z.string().check(z.minLength(2, '请输入机构名称'), z.maxLength(100), notFormula('机构名称'))),
  })
  .check(
    z.refine((a) => a.kind === 'institution' || a.roles.length > 0, { message: '请至少选择一个角色', path: ['roles'] }),
    z.refine((a) => a.kind === 'staff' || !!a.institutionName, { message: '请输入机构名称', path: ['institutionName'] }),
  );
export type CreateStaffRequest = output<typeof createStaffSchema>;

/** At least 12 characters, as for a new account. */
const newPassword = (what: string) => z.string({ error: `请输入${what}` }).check(z.minLength(12, `${what}至少12位`), z.maxLength(200));

/** An admin gives someone who forgot theirs a temporary password; they choose their own at the next sign-in. */
export const resetPasswordSchema = z.object({ temporaryPassword: newPassword('临时密码') });
export type ResetPasswordRequest = output<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: '请输入当前密码' }).check(z.minLength(1, '请输入当前密码'), z.maxLength(200)),
    newPassword: newPassword('新密码'),
  })
  .check(z.refine((p) => p.newPassword !== p.currentPassword, { message: '新密码不能与当前密码相同', path: ['newPassword'] }));
export type ChangePasswordRequest = output<typeof changePasswordSchema>;
