import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { COLLECTION_NAMES, formatAmount, formatChineseDate, getPlan, planLevel, type ApplicationView, type CertificateView } from '@skillcert/shared';
import { useState } from 'react';
import { afterPaymentApi } from '../../../api/afterPayment';
import { formatInstant } from '../../../components/Timeline';

/** Sat and waiting: when results are due. Published: each subject, pass or fail, and why a subject failed without a score. */
export function ResultCard({ application }: { application: ApplicationView }) {
  if (application.resultsDueBy) {
    return (
      <View className="card" data-testid="result">
        <View className="next-title">考核已完成</View>
        <View className="muted">成绩预计于{formatChineseDate(application.resultsDueBy)}前公布，届时将通知您。</View>
        <PlanQuotes lines={getPlan(application.planId).results.lookup} testId="results-lookup" />
      </View>
    );
  }
  const { result } = application;
  if (!result) return null;
  return (
    <View className={`card next-step ${result.passed ? 'ok-card' : 'warn-card'}`} data-testid="result">
      <View className="row">
        <Text className="next-title">考核成绩</Text>
        {result.passed ? <Tag type="success">合格</Tag> : <Tag background="#c2410c">不合格</Tag>}
      </View>
      {result.subjects.map((s) => (
        <View key={s.kind} className="row pay-line">
          <Text>{s.name}</Text>
          <Text className={s.passed ? 'pass' : 'fail'}>
            {s.score !== undefined ? `${s.score}分` : (s.note ?? '')} · {s.passed ? '合格' : '不合格'}
          </Text>
        </View>
      ))}
      {result.subjects
        .filter((s) => s.note && s.score === undefined)
        .map((s) => (
          <View key={`${s.kind}-note`} className="muted">
            {s.name}：{s.note}
          </View>
        ))}
      <View className="muted">
        公布时间 {formatInstant(result.publishedAt)}
        {result.passed ? '' : ` · 合格科目成绩有效期至${formatChineseDate(result.validThrough)}`}
      </View>
      <PlanQuotes lines={getPlan(application.planId).results.lookup} testId="results-lookup" />
    </View>
  );
}

/** The plan's own words on a moment (where results are looked up, make-up, collection): shown where the candidate meets it. */
function PlanQuotes({ lines, testId }: { lines: readonly (string | undefined)[]; testId: string }) {
  const present = lines.filter((line): line is string => Boolean(line));
  if (present.length === 0) return null;
  return (
    <View className="plan-quotes" data-testid={testId}>
      {present.map((line) => (
        <View key={line} className="muted">
          {line}
        </View>
      ))}
    </View>
  );
}

/** A failed subject: whether it can be made up, which, at what fee, until when — and the way to apply. */
export function MakeupCard({ application }: { application: ApplicationView }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { makeup } = application;
  if (!makeup) return null;
  const names = planLevel(application.planId, application.level)
    .subjects.filter((s) => makeup.subjects.includes(s.kind))
    .map((s) => s.name)
    .join('、');
  const apply = async () => {
    const { confirm } = await Taro.showModal({
      title: '申请补考',
      content: `补考科目：${names}，补考费${formatAmount(makeup.fee)}。审核通过后缴费并安排场次。确定申请吗？`,
      confirmText: '申请',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    const result = await afterPaymentApi.makeup(application.id);
    setBusy(false);
    if (result.ok) void Taro.redirectTo({ url: `/packages/account/application/index?id=${result.data.id}` });
    else setProblem(result.error.message);
  };
  return (
    <View className="card" data-testid="makeup">
      <View className="next-title">补考</View>
      {makeup.allowed ? (
        <>
          <View className="makeup-line">
            可补考科目：{names}，补考费 <Text className="amount">{formatAmount(makeup.fee)}</Text>
          </View>
          <View className="muted">已合格科目成绩有效期至{formatChineseDate(makeup.validThrough)}，请在此之前完成补考。</View>
          <Button type="primary" block loading={busy} className="apply-makeup" onClick={() => void apply()}>
            申请补考
          </Button>
        </>
      ) : (
        <View className="muted">{makeup.reason}</View>
      )}
      <PlanQuotes lines={getPlan(application.planId).makeup.notes} testId="makeup-notes" />
      {problem && <View className="field-error">{problem}</View>}
    </View>
  );
}

/** The certificate: its number and status, and how it reaches the holder — theirs to choose when they applied alone. */
export function CertificateCard({ application, onChange }: { application: ApplicationView; onChange: (certificate: CertificateView) => void }) {
  const certificate = application.certificate;
  const [address, setAddress] = useState(certificate?.collection.address ?? '');
  const [problem, setProblem] = useState<string>();
  if (!certificate) return null;
  const { collection } = certificate;
  const choose = async (method: 'pickup' | 'post') => {
    const result = await afterPaymentApi.collection(application.id, method === 'post' ? { method, address } : { method });
    if (result.ok) {
      setProblem(undefined);
      onChange(result.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } else setProblem(result.error.message);
  };
  const revoked = certificate.status === 'revoked';
  const plan = getPlan(application.planId);
  return (
    <View className={`card next-step ${revoked ? 'warn-card' : 'ok-card'}`} data-testid="certificate">
      <View className="row">
        <Text className="next-title">职业技能等级证书</Text>
        {revoked ? <Tag background="#c2410c">已撤销</Tag> : <Tag type="success">有效</Tag>}
      </View>
      <View className="row pay-line">
        <Text className="muted">证书编号</Text>
        <Text className="reference">{certificate.number}</Text>
      </View>
      <View className="row pay-line">
        <Text className="muted">职业（等级）</Text>
        <Text>
          {certificate.occupation} {certificate.levelName}
        </Text>
      </View>
      <View className="row pay-line">
        <Text className="muted">颁发日期</Text>
        <Text>{formatChineseDate(certificate.issuedOn)}</Text>
      </View>
      {revoked && (
        <View className="field-error">
          已于{certificate.revokedOn ? formatChineseDate(certificate.revokedOn) : ''}撤销：{certificate.revokeReason}
        </View>
      )}
      {!revoked && (
        <>
          <View className="row pay-line">
            <Text className="muted">领取方式</Text>
            <Text>{COLLECTION_NAMES[collection.method]}</Text>
          </View>
          {collection.handedOverAt ? (
            <View className="muted">
              已于{formatInstant(collection.handedOverAt)}
              {collection.trackingNo ? `寄出，快递单号 ${collection.trackingNo}` : '交付'}
            </View>
          ) : (
            collection.method !== 'institution' && (
              <CollectionChoice
                method={collection.method}
                address={address}
                onAddress={setAddress}
                pickupAt={plan.acceptancePoint ? `${plan.acceptancePoint.address}（${plan.acceptancePoint.note}）` : undefined}
                onChoose={(method) => void choose(method)}
              />
            )
          )}
          <PlanQuotes lines={[collection.method === 'institution' ? plan.collection.group : plan.collection.individual]} testId="collection-note" />
        </>
      )}
      {problem && <View className="field-error">{problem}</View>}
    </View>
  );
}

/**
 * Pick-up or postage-due: the way chosen is said in words with where (or to whom) it goes; the
 * other way is the lesser, outlined button — the main button is never the way not taken.
 */
function CollectionChoice({
  method,
  address,
  onAddress,
  pickupAt,
  onChoose,
}: {
  method: 'pickup' | 'post';
  address: string;
  onAddress: (address: string) => void;
  pickupAt: string | undefined;
  onChoose: (method: 'pickup' | 'post') => void;
}) {
  const [changing, setChanging] = useState(false);
  if (method === 'pickup' && !changing) {
    return (
      <View className="collection-choice" data-testid="collection-choice">
        <View className="muted chosen-collection">已选择到受理点领取{pickupAt ? `：${pickupAt}` : ''}，请携带身份证原件。</View>
        <Button block fill="outline" className="change-to-post" onClick={() => setChanging(true)}>
          改为快递到付
        </Button>
      </View>
    );
  }
  return (
    <View className="collection-choice" data-testid="collection-choice">
      {method === 'post' && <View className="muted chosen-collection">已选择快递到付，证书寄出后显示快递单号。</View>}
      <Input className="post-address" placeholder="快递到付：收件地址、收件人、电话" value={address} onChange={onAddress} />
      <View className="collection-actions">
        <Button fill="outline" className="choose-pickup" onClick={() => onChoose('pickup')}>
          {method === 'post' ? '改为到受理点领取' : '到受理点领取'}
        </Button>
        <Button type="primary" className="choose-post" onClick={() => onChoose('post')}>
          {method === 'post' ? '保存地址' : '快递到付'}
        </Button>
      </View>
    </View>
  );
}
