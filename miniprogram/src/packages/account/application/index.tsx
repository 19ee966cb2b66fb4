import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  applicationWindow,
  clauseText,
  formatAmount,
  formatChineseDate,
  getPlan,
  levelDisplayName,
  nextStates,
  offeredLevels,
  seatHoldNotice,
  visitBookable,
  type ApplicationView,
} from '@skillcert/shared';
import { useRef, useState } from 'react';
import { applicationsApi } from '../../../api/applications';
import { useApi } from '../../../api/useApi';
import { MaterialFiles } from '../../../components/MaterialFiles';
import { PageState } from '../../../components/PageState';
import { formatInstant, Timeline } from '../../../components/Timeline';
import { PaymentDetails } from './PaymentDetails';
import { CertificateCard, MakeupCard, ResultCard } from './OutcomeCards';
import { TicketCard } from './TicketCard';
import { VisitBooking } from './VisitBooking';
import './index.css';
import { PlansReady } from '../../../components/PlansReady';

/** One application: where it stands, what to do next, what it was decided on, everything that happened to it. */
export default function ApplicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const loaded = useApi(() => applicationsApi.one(id), [id]);
  // Back from a correction, a payment or a ticket: what is shown is read again, never a page left stale beneath.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) loaded.reload();
    shownBefore.current = true;
  });
  const [current, setCurrent] = useState<ApplicationView>();
  const [error, setError] = useState<string>();

  const withdraw = async (application: ApplicationView) => {
    const { confirm } = await Taro.showModal({
      title: '撤回报名',
      content: '撤回后如需参加认定，须重新申报。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '不撤回',
    });
    if (!confirm) return;
    const result = await applicationsApi.withdraw(application.id);
    if (result.ok) setCurrent(result.data);
    else setError(result.error.message);
  };

  return (
    <View className="page application-page">
      <PlansReady>
        <PageState value={loaded}>
          {(fetched) => {
            const application = current ?? fetched;
            const plan = getPlan(application.planId);
            const canWithdraw = nextStates(application.state, 'candidate').includes('withdrawn');
            const assessLabel = applicationWindow(plan.id, application.level, application.appliedOn).assessLabel;
            const needsVisit = visitBookable(application);
            return (
              <>
                <View className="card" data-testid="application-status">
                  <View className="row">
                    <Text className="muted">{plan.body.name}</Text>
                    <Tag type={application.state === 'withdrawn' || application.state === 'rejected' ? 'default' : 'primary'}>{application.stateLabel}</Tag>
                  </View>
                  <View className="card-title">
                    {levelDisplayName(plan.id, application.level)}
                    {application.subjects ? ' · 补考' : ''}
                  </View>
                  <View className="muted">{plan.title}</View>
                </View>
                {error && <View className="card warn">{error}</View>}
                {/* Paid: the ticket is what matters now; the receipt follows it. */}
                {application.state === 'paid' && application.seat && <TicketCard application={application} />}
                <NextStep application={application} />
                {application.state === 'approved' && <PaymentDetails application={application} onPaid={setCurrent} />}
                <CertificateCard application={application} onChange={(certificate) => setCurrent({ ...application, certificate })} />
                <ResultCard application={application} />
                <MakeupCard application={application} />
                {needsVisit && <VisitBooking application={application} onChange={setCurrent} />}
                <CellGroup title="申报信息">
                  <Cell title="申报日期" extra={formatChineseDate(application.appliedOn)} />
                  {application.assessBy && (
                    <Cell
                      title="考核时间"
                      // The plan's own words beside the date: December's may follow next year's notice.
                      description={assessLabel ? `评价时间：${assessLabel}` : ''}
                      extra={`${formatChineseDate(application.assessBy)}前`}
                    />
                  )}
                  <Cell title="符合的申报条件" description={application.eligibility.satisfied.map((id) => clauseText(plan.id, id)).join('；')} />
                  <Cell title="考核费" extra={formatAmount(application.feeFen)} />
                </CellGroup>
                {application.materials.length > 0 && (
                  <CellGroup title="申报材料">
                    {application.materials.map((m) => (
                      <View key={m.materialId} className="application-material">
                        <View className="material-name">{m.name}</View>
                        <MaterialFiles files={m.files} />
                      </View>
                    ))}
                    {/* What was signed, shown back: the name as typed and when. */}
                    {application.commitments.map((c) => (
                      <Cell
                        key={c.materialId}
                        className="signed-commitment"
                        title={c.name}
                        description={`签名：${c.signedName} · ${formatInstant(c.signedAt)}`}
                      />
                    ))}
                  </CellGroup>
                )}
                <CellGroup title="办理进度">
                  <Timeline events={application.timeline} />
                </CellGroup>
                {canWithdraw && (
                  <Button block fill="outline" className="withdraw" onClick={() => void withdraw(application)}>
                    撤回报名
                  </Button>
                )}
              </>
            );
          }}
        </PageState>
      </PlansReady>
    </View>
  );
}

/** What the candidate has to do now, in one card at the top: pay, wait for a seat, or correct. */
function NextStep({ application }: { application: ApplicationView }) {
  if (application.state === 'approved' && application.paying) {
    return (
      <View className="card next-step" data-testid="next-step">
        <View className="next-title">支付结果确认中</View>
        <View className="muted">您已完成微信支付，正在等待微信确认，通常几秒钟内完成。请勿重复支付；如长时间未更新，请点击下方“刷新支付结果”。</View>
      </View>
    );
  }
  if (application.state === 'approved' && application.seat) {
    const { seat } = application;
    return (
      <View className="card next-step ok-card" data-testid="next-step">
        <View className="next-title">审核已通过，已为您保留考位</View>
        <View className="next-line">
          考核场次：{formatChineseDate(seat.date)} · {seat.site}
        </View>
        {seat.heldUntil && <View className="muted">{seatHoldNotice(formatInstant(seat.heldUntil))}。</View>}
      </View>
    );
  }
  if (application.payment) {
    const { payment } = application;
    return (
      <View className={`card next-step ${payment.refund ? '' : 'ok-card'}`} data-testid="receipt">
        <View className="next-title">{payment.refund ? (payment.refund.state === 'refunded' ? '已退款' : '退款处理中') : '缴费成功'}</View>
        {payment.refund && (
          <View className="muted" data-testid="refund-state">
            {refundLine(payment.channel, payment.refund)}
          </View>
        )}
        <View className="row pay-line">
          <Text>金额</Text>
          <Text className="amount">{formatAmount(payment.amountFen)}</Text>
        </View>
        <View className="row pay-line">
          <Text>方式</Text>
          <Text>
            {payment.paidByInstitution ? `${payment.paidByInstitution}统一缴费（` : ''}
            {payment.channel === 'wechat' ? '微信支付' : '银行转账'}
            {payment.paidByInstitution ? '）' : ''}
          </Text>
        </View>
        <View className="row pay-line">
          <Text>到账时间</Text>
          <Text>{formatInstant(payment.paidAt)}</Text>
        </View>
        <View className="row pay-line">
          <Text>订单号</Text>
          <Text className="reference">{payment.reference}</Text>
        </View>
        {application.seat && !payment.refund && (
          <View className="muted">
            考核场次：{formatChineseDate(application.seat.date)} · {application.seat.site}
          </View>
        )}
      </View>
    );
  }
  if (application.state === 'approved') {
    return (
      <View className="card next-step" data-testid="next-step">
        <View className="next-title">审核已通过，已列入候补名单</View>
        <View className="muted">当前场次考位已满。有考位或新增场次时将按审核通过顺序为您安排，届时请及时缴费。</View>
      </View>
    );
  }
  if (application.state === 'rejected') return <Rejected application={application} />;
  if (application.state === 'submitted') return <Submitted application={application} />;
  if (application.state === 'returned') {
    return (
      <View className="card next-step warn-card" data-testid="next-step">
        <View className="next-title">申报材料需要修改</View>
        {application.corrections.map((c) => (
          <View key={c.item} className="correction-line">
            <Text className="correction-label">{c.label}：</Text>
            {c.note}
          </View>
        ))}
        <Button
          type="primary"
          block
          className="correct-now"
          onClick={() =>
            void Taro.navigateTo({
              url: `/packages/check/eligibility/index?planId=${application.planId}&level=${application.level}&applicationId=${application.id}&from=application`,
            })
          }
        >
          修改后重新提交
        </Button>
      </View>
    );
  }
  return null;
}

/**
 * Submitted: what happens next and what is still the candidate's to do. A Shanghai individual's
 * application is completed at the counter, in person — said first, in the notice's words; booking a
 * slot is offered to avoid waiting, never as a requirement (the notice asks for none).
 */
function Submitted({ application }: { application: ApplicationView }) {
  const plan = getPlan(application.planId);
  const inPerson = visitBookable(application);
  return (
    <View className="card next-step" data-testid="next-step">
      <View className="next-title">已提交，等待资格审核</View>
      {inPerson && (
        <>
          <View className="next-line visit-required">下一步：在受理时间内到受理点现场办理</View>
          {/* The notice's own words: what to bring (the ID original and the proof), and where. */}
          {plan.declaration.individual && <View className="muted">{plan.declaration.individual}</View>}
          {plan.acceptancePoint && <View className="muted">受理时间：{plan.acceptancePoint.note}</View>}
          <View className="muted">可在下方预约到场时段，免去排队等候；不预约也可在受理时间内前往。</View>
        </>
      )}
      {application.channel === 'group' && <View className="next-line">由学校（机构）统一办理，请留意学校的通知。</View>}
      <View className="muted">审核结果会在本页显示并通过微信消息通知您；审核通过后为您保留考位，请在保留期限内缴费。</View>
    </View>
  );
}

/**
 * Not approved: why, in the reviewer's words, at the top — then what the candidate
 * can still do: another level of the plan, or ask the evaluation body.
 */
function Rejected({ application }: { application: ApplicationView }) {
  const plan = getPlan(application.planId);
  const reason = [...application.timeline].reverse().find((e) => e.to === 'rejected')?.note;
  const others = offeredLevels(plan).filter((l) => l !== application.level);
  const ask = plan.contacts.filter((c) => c.kind === 'phone' || c.kind === 'email' || c.kind === 'web').slice(0, 2);
  return (
    <View className="card next-step warn-card" data-testid="next-step">
      <View className="next-title">审核未通过</View>
      {reason && <View className="next-line rejection-reason">原因：{reason}</View>}
      {others.length > 0 && (
        <>
          <View className="muted">如符合其他等级的条件，可以改报其他等级。</View>
          <Button
            type="primary"
            block
            className="apply-other-level"
            onClick={() => void Taro.navigateTo({ url: `/packages/check/eligibility/index?planId=${plan.id}&level=${others[0]}` })}
          >
            自测其他等级的申报条件
          </Button>
        </>
      )}
      {ask.map((c) => (
        <View key={c.value} className="muted contact-line">
          {c.label}：{c.value}
          {c.hours ? `（${c.hours}）` : ''}
        </View>
      ))}
    </View>
  );
}

/**
 * Where the money is, as WeChat Pay or finance has reported it — no promise of when it arrives (the
 * notices make none): WeChat's goes back the way it came, a transfer to the account it came from.
 */
function refundLine(channel: 'wechat' | 'bank', refund: { state: 'pending' | 'refunded'; at?: string }): string {
  const way = channel === 'wechat' ? '原路退回微信支付' : '转回您的付款账户';
  if (refund.state === 'refunded') return `考核费已${way}${refund.at ? `（${formatInstant(refund.at)}）` : ''}。`;
  return channel === 'wechat' ? '考核费正在原路退回微信支付，到账以微信支付的通知为准。' : '考核费将由评价机构财务转回您的付款账户。';
}
