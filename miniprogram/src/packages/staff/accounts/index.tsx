import { Button, CellGroup, Checkbox } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { createStaffSchema, parseWith, resetPasswordSchema, STAFF_ROLE_NAMES, STAFF_ROLES, type StaffProfile, type StaffRole } from '@skillcert/shared';
import { useState } from 'react';
import { staffAccountApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { ChoiceField } from '../../../components/ChoiceField';
import { PageState } from '../../../components/PageState';
import { TextField } from '../../../components/TextField';
import { staffSession } from '../../../lib/session';
import { issuesByPath } from '../../../lib/issues';
import '../staff.css';
import './index.css';

function describe(account: StaffProfile): string {
  return account.kind === 'institution'
    ? `${STAFF_ROLE_NAMES.institution} · ${account.institution?.name ?? ''}`
    : account.roles.map((r) => STAFF_ROLE_NAMES[r]).join('、');
}

/** Admins open accounts for their body's staff and for the schools that declare classes. */
export default function AccountsPage() {
  const accounts = useApi(() => staffAccountApi.list(), []);
  // What the last action did, kept above the list: the list reloads after it.
  const [notice, setNotice] = useState<{ who: string; text: string }>();
  const changed = (who: string, text: string) => {
    setNotice({ who, text });
    accounts.reload();
  };
  return (
    <View className="page accounts-page">
      <NewAccount onCreated={accounts.reload} />
      {notice && (
        <View className="ok account-notice" data-testid="account-notice">
          {notice.who}：{notice.text}
        </View>
      )}
      <PageState value={accounts}>
        {(list) => (
          <CellGroup title={`现有账号（${list.length}）`} data-testid="accounts">
            {list.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                self={account.id === staffSession.current()?.staff.id}
                onChanged={(text) => changed(account.displayName, text)}
              />
            ))}
          </CellGroup>
        )}
      </PageState>
    </View>
  );
}

/**
 * One account and what an admin may do with it: stop it (its sessions end at once) or start it again,
 * give a temporary password (the holder sets their own at the next sign-in), sign it out everywhere.
 */
function AccountRow({ account, self, onChanged }: { account: StaffProfile; self: boolean; onChanged: (done: string) => void }) {
  const [resetting, setResetting] = useState(false);
  const [temporary, setTemporary] = useState('');
  const [message, setMessage] = useState<{ ok: false; text: string }>();
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (result.ok) onChanged(done);
    else setMessage({ ok: false, text: result.error.message });
  };
  const toggle = () =>
    void Taro.showModal({
      title: account.disabled ? '启用账号' : '停用账号',
      content: account.disabled ? `启用后${account.displayName}可以重新登录。` : `停用后${account.displayName}将立即退出登录，且不能再登录，直到重新启用。`,
      confirmText: account.disabled ? '启用' : '停用',
    }).then(({ confirm }) => {
      if (!confirm) return;
      void act(
        () => (account.disabled ? staffAccountApi.enable(account.id) : staffAccountApi.disable(account.id)),
        account.disabled ? '已启用' : '已停用，该账号已退出登录',
      );
    });
  const reset = () => {
    const parsed = parseWith(resetPasswordSchema, { temporaryPassword: temporary });
    if (!parsed.ok) return setMessage({ ok: false, text: parsed.issues[0]?.message ?? '' });
    void act(async () => {
      const result = await staffAccountApi.resetPassword(account.id, parsed.data);
      if (result.ok) {
        setResetting(false);
        setTemporary('');
      }
      return result;
    }, '已重置。请当面告知临时密码，本人登录后须设置新密码');
  };

  return (
    <View className={`account-row${account.disabled ? ' disabled' : ''}`} data-testid={`account-${account.username}`}>
      <View className="account-who">
        <View className="account-name-line">
          {account.displayName}（{account.username}）{account.disabled && <Text className="tag muted-tag">已停用</Text>}
          {account.mustChangePassword && <Text className="tag muted-tag">待设新密码</Text>}
        </View>
        <View className="muted">{describe(account)}</View>
      </View>
      <View className="account-actions">
        {/* An admin cannot stop their own account (the server refuses it too). */}
        {!self && (
          <Button size="large" className="toggle-account" disabled={busy} onClick={toggle}>
            {account.disabled ? '启用' : '停用'}
          </Button>
        )}
        <Button size="large" className="reset-password" disabled={busy} onClick={() => setResetting(!resetting)}>
          重置密码
        </Button>
        <Button
          size="large"
          className="revoke-sessions"
          disabled={busy}
          onClick={() => void act(() => staffAccountApi.revokeSessions(account.id), '已在所有设备上退出登录')}
        >
          强制下线
        </Button>
      </View>
      {resetting && (
        <View className="reset-form">
          <TextField
            className="temporary-password"
            label="临时密码"
            placeholder="至少12位"
            type="password"
            value={temporary}
            onChange={setTemporary}
            maxLength={200}
          />
          <Button type="primary" block className="confirm-reset" loading={busy} onClick={reset}>
            确认重置
          </Button>
        </View>
      )}
      {message && <View className="field-error">{message.text}</View>}
    </View>
  );
}

function NewAccount({ onCreated }: { onCreated: () => void }) {
  const [kind, setKind] = useState<'staff' | 'institution'>('staff');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>(['reviewer']);
  const [institutionName, setInstitutionName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const request = {
      kind,
      username: username.trim(),
      displayName: displayName.trim(),
      password,
      roles: kind === 'staff' ? roles : [],
      ...(kind === 'institution' ? { institutionName: institutionName.trim() } : {}),
    };
    const parsed = parseWith(createStaffSchema, request);
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    setErrors({});
    setBusy(true);
    const created = await staffAccountApi.create(parsed.data);
    setBusy(false);
    if (!created.ok) return setErrors(created.error.issues ? issuesByPath(created.error.issues) : { username: created.error.message });
    setDone(`已开通 ${created.data.displayName}（${created.data.username}），请将初始密码当面告知本人。`);
    setUsername('');
    setDisplayName('');
    setPassword('');
    onCreated();
  };

  return (
    <View className="card new-account" data-testid="new-account">
      <View className="card-title">开通账号</View>
      {done && <View className="ok">{done}</View>}
      <ChoiceField
        label="账号类型"
        value={kind}
        options={[
          { value: 'staff', label: '本机构工作人员' },
          { value: 'institution', label: '培训机构经办人' },
        ]}
        onChange={setKind}
      />
      <TextField
        className="account-username"
        label="用户名"
        placeholder="小写字母开头，如 li.reviewer"
        value={username}
        onChange={setUsername}
        maxLength={40}
        error={errors.username}
      />
      <TextField className="account-name" label="姓名" value={displayName} onChange={setDisplayName} maxLength={40} error={errors.displayName} />
      <TextField
        className="account-password"
        label="初始密码"
        placeholder="至少12位"
        type="password"
        value={password}
        onChange={setPassword}
        maxLength={200}
        error={errors.password}
      />
      {kind === 'staff' ? (
        <View className="roles" data-testid="roles">
          {STAFF_ROLES.map((role) => (
            <Checkbox
              key={role}
              label={STAFF_ROLE_NAMES[role]}
              checked={roles.includes(role)}
              onChange={(checked) => setRoles((current) => (checked ? [...current, role] : current.filter((r) => r !== role)))}
            />
          ))}
          {errors.roles && <View className="field-error">{errors.roles}</View>}
        </View>
      ) : (
        <TextField
          className="account-institution"
          label="机构名称"
          value={institutionName}
          onChange={setInstitutionName}
          maxLength={100}
          error={errors.institutionName}
        />
      )}
      <Button type="primary" block loading={busy} className="create-account" onClick={() => void create()}>
        开通
      </Button>
    </View>
  );
}
