import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { parseWith, staffLoginSchema } from '@skillcert/shared';
import { useState } from 'react';
import { staffSignIn } from '../../../api/staff';
import { TextField } from '../../../components/TextField';
import { issuesByPath } from '../../../lib/issues';
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

  useDidShow(() => {
    const session = staffSession.current();
    if (session) void Taro.redirectTo({ url: staffHome(session.staff) });
  });

  const submit = async () => {
    const parsed = parseWith(staffLoginSchema, { username: username.trim(), password });
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    setErrors({});
    setBusy(true);
    const session = await staffSignIn(parsed.data);
    setBusy(false);
    if (!session.ok) return setFailure(session.error.message);
    void Taro.redirectTo({ url: staffHome(session.data.staff) });
  };

  return (
    <View className="page staff-login">
      <View className="card">
        <View className="card-title">工作人员登录</View>
        <View className="muted">供认定机构审核、财务、考务人员和培训机构经办人使用。账号由本机构管理员开通。</View>
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
