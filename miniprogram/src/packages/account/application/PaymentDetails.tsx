import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  bankTransferRemark,
  formatAmount,
  getPlan,
  parseWith,
  seatHoldNotice,
  sittingSubjects,
  transferNoticeSchema,
  type ApplicationView,
} from '@skillcert/shared';
import { useState } from 'react';
import { applicationsApi } from '../../../api/applications';
import { checkWechatPayment, payByWechat } from '../../../api/payments';
import { TextField } from '../../../components/TextField';
import { formatInstant } from '../../../components/Timeline';

/**
 * What is owed and how to pay it: the fee line by line from the plan; WeChat Pay
 * once a seat is held; then the bank account and the exact remark the finance
 * staff match on — each copyable, because a mistyped remark is a payment nobody can find.
 */
export function PaymentDetails({ application, onPaid }: { application: ApplicationView; onPaid: (after: ApplicationView) => void }) {
  const plan = getPlan(application.planId);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const canPayNow = application.seat !== undefined && plan.payment.channels.includes('wechat');
  const settle = async (attempt: () => ReturnType<typeof payByWechat>) => {
    setBusy(true);
    const result = await attempt();
    setBusy(false);
    if (!result) return;
    if (!result.ok) return setProblem(result.error.message);
    setProblem(undefined);
    // Paid, or still being confirmed by WeChat: either way the page shows where it stands.
    onPaid(result.data);
  };
  // A make-up is priced, and listed, by its own subjects only.
  const subjects = sittingSubjects(application.planId, application.level, application.subjects);
  const bank = plan.payment.bank;
  const remark = bankTransferRemark(application.planId, application.level);
  const copy = (label: string, value: string) =>
    void Taro.setClipboardData({ data: value }).then(() => Taro.showToast({ title: `${label}已复制`, icon: 'none' }));

  return (
    <View className="card payment" data-testid="payment-details">
      <View className="next-title">缴费明细</View>
      {subjects.map((s) => (
        <View key={s.kind} className="row pay-line">
          <Text>{s.name}</Text>
          <Text>{formatAmount(s.feeFen)}</Text>
        </View>
      ))}
      <View className="row pay-line total">
        <Text>合计</Text>
        <Text className="amount">{formatAmount(application.feeFen)}</Text>
      </View>
      {canPayNow && !application.paying && (
        <Button type="primary" block loading={busy} className="pay-wechat" onClick={() => void settle(() => payByWechat(application.id))}>
          {process.env.TARO_ENV === 'h5' ? '模拟微信支付（演示环境）' : `微信支付 ${formatAmount(application.feeFen)}`}
        </Button>
      )}
      {application.paying && (
        <Button
          block
          fill="outline"
          type="primary"
          loading={busy}
          className="check-payment"
          onClick={() => void settle(() => checkWechatPayment(application.id))}
        >
          刷新支付结果
        </Button>
      )}
      {problem && <View className="field-error">{problem}</View>}
      {bank && remark && (
        <View className="bank" data-testid="bank-transfer">
          <View className="bank-title">银行转账</View>
          {(
            [
              ['户名', bank.accountName],
              ['账号', bank.accountNumber],
              ['开户行', bank.bankName],
              ['转账备注', remark],
            ] as const
          ).map(([label, value]) => (
            <View key={label} className="row bank-line" onClick={() => copy(label, value)}>
              <Text className="muted bank-label">{label}</Text>
              <Text className="bank-value">{value}</Text>
              <Text className="copy">复制</Text>
            </View>
          ))}
          <View className="muted">请务必按上述备注转账，金额与应缴金额一致。{plan.payment.paidTimeRule}</View>
          {/* Finance matches a credit by remark, amount and payer: a parent's account is found only by hand, later. */}
          <View className="transfer-steps" data-testid="transfer-steps">
            <View className="transfer-step">由他人（如家长）代付的，转账后请点“我已转账”并填写付款人姓名，便于财务核对到账。</View>
            {application.seat?.heldUntil && <View className="transfer-step">{seatHoldNotice(formatInstant(application.seat.heldUntil))}。</View>}
            <View className="transfer-step">财务核对银行流水确认到账后，本页即显示“缴费成功”。</View>
          </View>
          <TransferNotice application={application} onNoted={onPaid} />
        </View>
      )}
    </View>
  );
}

/**
 * 我已转账: the candidate says the fee is on its way and from whose account. From then on a transfer
 * from that account (a parent's) is matched as surely as one in the candidate's own name.
 */
function TransferNotice({ application, onNoted }: { application: ApplicationView; onNoted: (after: ApplicationView) => void }) {
  const [open, setOpen] = useState(false);
  const [payer, setPayer] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (application.transferNotice) {
    return (
      <View className="transfer-noted" data-testid="transfer-noted">
        已告知转账（付款人：{application.transferNotice.payer}，{formatInstant(application.transferNotice.at)}），等待财务确认到账。
      </View>
    );
  }
  if (!open) {
    return (
      <Button block fill="outline" type="primary" className="transfer-done" onClick={() => setOpen(true)}>
        我已转账
      </Button>
    );
  }
  const send = async () => {
    const parsed = parseWith(transferNoticeSchema, { payer });
    if (!parsed.ok) return setProblem(parsed.issues[0]?.message);
    setBusy(true);
    const result = await applicationsApi.noteTransfer(application.id, parsed.data.payer);
    setBusy(false);
    if (result.ok) onNoted(result.data);
    else setProblem(result.error.message);
  };
  return (
    <View className="transfer-form" data-testid="transfer-form">
      <TextField
        className="transfer-payer"
        label="付款人姓名"
        placeholder="转出账户的户名，如家长姓名"
        value={payer}
        onChange={setPayer}
        maxLength={60}
        error={problem}
      />
      <Button block type="primary" loading={busy} className="send-transfer-notice" onClick={() => void send()}>
        告知财务
      </Button>
    </View>
  );
}
