import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { COLLECTION_NAMES, formatChineseDate, type CertificateView } from '@skillcert/shared';
import { useState } from 'react';
import { certificatesApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { formatInstant } from '../../../components/Timeline';
import { FilterChips } from '../FilterChips';
import '../staff.css';
import './index.css';

const STATUSES: { value: 'valid' | 'revoked'; label: string }[] = [
  { value: 'valid', label: '有效' },
  { value: 'revoked', label: '已撤销' },
];

/**
 * The body's certificates at the counter: each one's way to its holder, handed
 * over (with the tracking number when posted); and revocation in bulk, by number,
 * with the reason the holders are told.
 */
export default function CertificatesPage() {
  const [status, setStatus] = useState<'valid' | 'revoked'>('valid');
  const list = useApi(() => certificatesApi.list(status), [status]);
  return (
    <View className="page certificates-page">
      <FilterChips testId="certificate-status" value={status} options={STATUSES} onChange={setStatus} />
      <PageState value={list} isEmpty={(rows) => rows.length === 0} emptyText="没有证书">
        {(rows) => (
          <View data-testid="certificates">
            {rows.map((c) => (
              <Certificate key={c.id} certificate={c} onChanged={list.reload} />
            ))}
          </View>
        )}
      </PageState>
      <Revoke onRevoked={list.reload} />
    </View>
  );
}

function Certificate({ certificate, onChanged }: { certificate: CertificateView; onChanged: () => void }) {
  const [trackingNo, setTrackingNo] = useState('');
  const [problem, setProblem] = useState<string>();
  const { collection } = certificate;
  const handOver = async () => {
    const result = await certificatesApi.handOver(certificate.id, collection.method === 'post' ? trackingNo.trim() : undefined);
    if (result.ok) onChanged();
    else setProblem(result.error.message);
  };
  return (
    <View className="card certificate-row" data-testid={`certificate-${certificate.number}`}>
      <View className="row">
        <Text className="name">{certificate.holderName}</Text>
        <Text className="reference">{certificate.number}</Text>
      </View>
      <View className="muted">
        {certificate.levelName} · {formatChineseDate(certificate.issuedOn)} · {COLLECTION_NAMES[collection.method]}
      </View>
      {collection.address && <View className="muted">寄往：{collection.address}</View>}
      {certificate.status === 'revoked' ? (
        <View className="field-error">
          {certificate.revokedOn ? formatChineseDate(certificate.revokedOn) : ''}撤销：{certificate.revokeReason}
        </View>
      ) : collection.handedOverAt ? (
        <View className="muted">
          已于{formatInstant(collection.handedOverAt)}
          {collection.trackingNo ? `寄出（${collection.trackingNo}）` : '交付'}
        </View>
      ) : (
        <View className="hand-over">
          {collection.method === 'post' && <Input className="tracking-no" placeholder="快递单号" value={trackingNo} onChange={(v) => setTrackingNo(v)} />}
          <Button size="small" type="primary" className="record-hand-over" onClick={() => void handOver()}>
            {collection.method === 'post' ? '登记寄出' : '登记已领取'}
          </Button>
        </View>
      )}
      {problem && <View className="field-error">{problem}</View>}
    </View>
  );
}

/**
 * Revocation is destructive and rare: it stays closed below the hand-over list, opened on purpose,
 * and its button is red — never a blue primary beside the counter's everyday work.
 */
function Revoke({ onRevoked }: { onRevoked: () => void }) {
  const [open, setOpen] = useState(false);
  const [numbers, setNumbers] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string>();
  const revoke = async () => {
    const list = numbers.split(/[\s,，、]+/).filter(Boolean);
    const { confirm } = await Taro.showModal({
      title: '撤销证书',
      content: `将撤销${list.length}本证书并通知持证人，撤销后不能恢复。确定撤销吗？`,
      confirmText: '撤销',
      cancelText: '取消',
    });
    if (!confirm) return;
    const result = await certificatesApi.revoke(list, reason);
    if (!result.ok) return setOutcome(result.error.message);
    setOutcome(`已撤销${result.data.revoked.length}本${result.data.notFound.length ? `；未找到：${result.data.notFound.join('、')}` : ''}`);
    onRevoked();
  };
  if (!open) {
    return (
      <View className="link open-revoke" data-testid="open-revoke" onClick={() => setOpen(true)}>
        批量撤销证书…
      </View>
    );
  }
  return (
    <View className="card revoke" data-testid="revoke">
      <View className="card-title">批量撤销证书</View>
      <View className="muted">仅用于经确认的违纪违规处理。撤销后不能恢复，持证人将收到通知。</View>
      <TextArea className="revoke-numbers" placeholder="证书编号，每行一个" value={numbers} onChange={(v) => setNumbers(v)} />
      <Input className="revoke-reason" placeholder="撤销原因（持证人将收到通知）" value={reason} onChange={(v) => setReason(v)} />
      <View className="revoke-actions">
        <Button fill="outline" onClick={() => setOpen(false)}>
          收起
        </Button>
        <Button type="danger" className="revoke-now" onClick={() => void revoke()}>
          撤销
        </Button>
      </View>
      {outcome && <View className="muted revoke-outcome">{outcome}</View>}
    </View>
  );
}
