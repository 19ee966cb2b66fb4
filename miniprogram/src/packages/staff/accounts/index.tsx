import { Button, Cell, CellGroup, Checkbox } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { createStaffSchema, parseWith, STAFF_ROLE_NAMES, STAFF_ROLES, type StaffProfile, type StaffRole } from '@skillcert/shared';
import { useState } from 'react';
import { staffAccountApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { ChoiceField } from '../../../components/ChoiceField';
import { PageState } from '../../../components/PageState';
import { TextField } from '../../../components/TextField';
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
  return (
    <View className="page accounts-page">
      <NewAccount onCreated={accounts.reload} />
      <PageState value={accounts}>
        {(list) => (
          <CellGroup title={`现有账号（${list.length}）`} data-testid="accounts">
            {list.map((account) => (
              <Cell key={account.id} title={`${account.displayName}（${account.username}）`} description={describe(account)} />
            ))}
          </CellGroup>
        )}
      </PageState>
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
