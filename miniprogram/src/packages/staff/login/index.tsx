import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { changePasswordSchema, parseWith, staffLoginSchema } from '@skillcert/shared';
import { useState } from 'react';
import { staffAccountApi, staffSignIn } from '../../../api/staff';
import { TextField } from '../../../components/TextField';
import { issuesByPath } from '../../../lib/issues';
import { returnPath } from '../../../lib/returnTo';
import { staffSession } from '../../../lib/session';
import { staffHome } from '../home';
import './index.css';

/** Reviewers, finance, proctors, admins and school clerks sign in with the account their admin gave them. */
export default function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Signed in with a temporary password from an admin: their own comes first.
  const [temporary, setTemporary] = useState<string>();

  // Sent here by a page whose sign-in had lapsed: back to it afterwards.
  const back = returnPath(Taro.getCurrentInstance().router?.params.redirect);
  const onward = (staff: Parameters<typeof staffHome>[0]) => void Taro.redirectTo({ url: back ?? staffHome(staff) });

  useDidShow(() => {
    const session = staffSession.current();
    if (session?.staff.mustChangePassword) return setTemporary('');
    if (session) onward(session.staff);
  });

  const submit = async () => {
    const parsed = parseWith(staffLoginSchema, { username: username.trim(), password });
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    setErrors({});
    setBusy(true);
    const session = await staffSignIn(parsed.data);
    setBusy(false);
    if (!session.ok) return setFailure(session.error.message);
    if (session.data.staff.mustChangePassword) return setTemporary(parsed.data.password);
    onward(session.data.staff);
  };

  if (temporary !== undefined) return <NewPassword temporary={temporary} />;

  return (
    <View className="page staff-login">
      <View className="card">
        <View className="card-title">工作人员登录</View>
        <View className="muted">
          {back ? '登录已失效，请重新登录，之后回到刚才的页面。' : '供认定机构审核、财务、考务人员和培训机构经办人使用。账号由本机构管理员开通。'}
        </View>
      </View>
      <View className="card form">
        <TextField className="username-input" label="用户名" value={username} onChange={setUsername} maxLength={40} error={errors.username} />
        <TextField className="password-input" label="密码" value={password} onChange={setPassword} maxLength={200} type="password" error={errors.password} />
        {failure && <View className="field-error login-failure">{failure}</View>}
        <Button type="primary" block loading={busy} className="staff-sign-in" onClick={() => void submit()}>
          登录
        </Button>
      </View>
    </View>
  );
}

/** The holder of a temporary password chooses their own: at least 12 characters, not the temporary one. */
function NewPassword({ temporary }: { temporary: string }) {
  const [current, setCurrent] = useState(temporary);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const parsed = parseWith(changePasswordSchema, { currentPassword: current, newPassword: next });
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    if (again !== next) return setErrors({ again: '两次输入的新密码不一致' });
    setErrors({});
    setBusy(true);
    const changed = await staffAccountApi.changePassword(parsed.data);
    if (!changed.ok) {
      setBusy(false);
      return setErrors({ [changed.error.code === 'PASSWORD_WRONG' ? 'currentPassword' : 'newPassword']: changed.error.message });
    }
    const me = await staffAccountApi.me();
    setBusy(false);
    const session = staffSession.current();
    if (me.ok && session) staffSession.save({ ...session, staff: me.data });
    void Taro.showToast({ title: '新密码已设置', icon: 'success' });
    if (me.ok) void Taro.redirectTo({ url: staffHome(me.data) });
  };

  return (
    <View className="page staff-login" data-testid="new-password">
      <View className="card">
        <View className="card-title">请设置新密码</View>
        <View className="muted">管理员为您重置了密码。请设置只有您自己知道的新密码（至少12位），之后用新密码登录。</View>
      </View>
      <View className="card form">
        {!temporary && (
          <TextField
            className="current-password"
            label="临时密码"
            value={current}
            onChange={setCurrent}
            maxLength={200}
            type="password"
            error={errors.currentPassword}
          />
        )}
        <TextField className="new-password-input" label="新密码" value={next} onChange={setNext} maxLength={200} type="password" error={errors.newPassword} />
        <TextField className="new-password-again" label="再次输入" value={again} onChange={setAgain} maxLength={200} type="password" error={errors.again} />
        {temporary && errors.currentPassword && <View className="field-error">{errors.currentPassword}</View>}
        <Button type="primary" block loading={busy} className="save-new-password" onClick={() => void save()}>
          设置新密码
        </Button>
      </View>
    </View>
  );
}
