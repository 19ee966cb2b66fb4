import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { formatChineseDate, parseWith, verifyCertificateSchema, type CertificateVerification } from '@skillcert/shared';
import { useState } from 'react';
import { api } from '../../api/client';
import './index.css';

/**
 * Anyone — an employer, a school — checks a certificate: its number and the
 * holder's name give occupation, level, date, body and whether it still stands.
 * No sign-in; the name comes back partly masked.
 */
export default function VerifyPage() {
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<CertificateVerification>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setFound(undefined);
    const parsed = parseWith(verifyCertificateSchema, { number, name });
    if (!parsed.ok) return setProblem(parsed.issues[0]?.message);
    setBusy(true);
    const result = await api('verifyCertificate', { query: parsed.data });
    setBusy(false);
    if (result.ok) {
      setProblem(undefined);
      setFound(result.data);
    } else setProblem(result.error.message);
  };

  return (
    <View className="page verify-page">
      <View className="card">
        <View className="card-title">职业技能等级证书查验</View>
        <View className="muted">输入证书编号和持证人姓名，查验证书是否由本平台颁发、是否有效。</View>
        <Input className="verify-number" placeholder="证书编号" value={number} onChange={(v) => setNumber(v)} />
        <Input className="verify-name" placeholder="持证人姓名" value={name} onChange={(v) => setName(v)} />
        <Button type="primary" block loading={busy} className="verify-now" onClick={() => void check()}>
          查验
        </Button>
        {problem && <View className="field-error verify-problem">{problem}</View>}
      </View>
      {found && (
        <View className={`card verify-result ${found.status}`} data-testid="verification">
          <View className="row">
            <Text className="card-title">{found.status === 'valid' ? '证书有效' : '证书已撤销'}</Text>
            {found.status === 'valid' ? <Tag type="success">有效</Tag> : <Tag background="#c2410c">已撤销</Tag>}
          </View>
          {(
            [
              ['证书编号', found.number],
              ['持证人', found.holderMasked],
              ['职业（工种）', found.occupation],
              ['等级', found.levelName],
              ['颁发日期', formatChineseDate(found.issuedOn)],
              ['颁发机构', found.body],
              ...(found.revokedOn ? [['撤销日期', formatChineseDate(found.revokedOn)] as const] : []),
            ] as const
          ).map(([label, value]) => (
            <View key={label} className="row verify-line">
              <Text className="muted">{label}</Text>
              <Text>{value}</Text>
            </View>
          ))}
          <View className="muted verify-note">请核对纸质证书上的信息与以上查验结果一致。</View>
        </View>
      )}
    </View>
  );
}
