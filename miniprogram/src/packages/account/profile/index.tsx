import { Button, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatChineseDate, parseResidentId, parseWith, profileRequestSchema } from '@skillcert/shared';
import { useEffect, useState } from 'react';
import { meApi } from '../../../api/auth';
import { TextField } from '../../../components/TextField';
import { issuesByPath } from '../../../lib/issues';
import './index.css';

/**
 * The real-name record: name as on the ID card, the ID number, an optional
 * e-mail for the admission ticket. Validated on the phone with the server's
 * own schema; the server checks again and keeps one ID number per person.
 */
export default function ProfilePage() {
  const [name, setName] = useState('');
  const [residentId, setResidentId] = useState('');
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [serverIssues, setServerIssues] = useState<Record<string, string>>({});

  useEffect(() => {
    void meApi.me().then((me) => {
      if (me.ok && me.data.profile) {
        setName(me.data.profile.name);
        setEmail(me.data.profile.email ?? '');
      }
    });
  }, []);

  const parsed = parseWith(profileRequestSchema, { name, residentId, email });
  const errors = tried ? { ...(parsed.ok ? {} : issuesByPath(parsed.issues)), ...serverIssues } : {};
  const id = residentId.trim().length === 18 ? parseResidentId(residentId) : undefined;

  const save = async () => {
    setTried(true);
    setServerError(undefined);
    setServerIssues({});
    if (!parsed.ok) return;
    setSaving(true);
    const result = await meApi.saveProfile(parsed.data);
    setSaving(false);
    if (result.ok) {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void Taro.navigateBack();
      return;
    }
    if (result.error.issues) setServerIssues(issuesByPath(result.error.issues));
    setServerError(result.error.message);
  };

  return (
    <View className="page profile-page">
      <View className="card muted">姓名须与身份证完全一致。身份证号码加密保存，仅用于资格审核、考试身份核验与证书查询，页面上只显示部分号码。</View>
      {serverError && (
        <View className="card warn server-error" data-testid="server-error">
          {serverError}
        </View>
      )}
      <CellGroup title="实名信息">
        <TextField className="name-input" label="姓名" placeholder="与身份证一致" value={name} onChange={setName} maxLength={30} error={errors.name} />
        <TextField
          className="id-input"
          label="身份证号码"
          placeholder="18位"
          type="idcard"
          value={residentId}
          onChange={setResidentId}
          maxLength={18}
          error={errors.residentId}
        />
        {id?.ok && (
          <View className="muted id-echo">
            出生日期 {formatChineseDate(id.birthDate)} · {id.sex === 'male' ? '男' : '女'}
          </View>
        )}
        <TextField
          className="email-input"
          label="电子邮箱"
          placeholder="选填，用于接收电子准考证"
          value={email}
          onChange={setEmail}
          maxLength={100}
          error={errors.email}
        />
      </CellGroup>
      <Button type="primary" block loading={saving} className="save-profile" onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
