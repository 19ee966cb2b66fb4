import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { bankTransferRemark, formatAmount, getPlan, type BatchPaymentView, type BatchView } from '@skillcert/shared';
import { useEffect, useState } from 'react';
import { batchesApi } from '../../../api/institution';
import { QrCode } from '../../../components/QrCode';
import { formatInstant } from '../../../components/Timeline';

/**
 * The class's fee in one payment: a WeChat Pay code the school's finance office
 * scans, or one bank transfer of the total. Whoever owes now (approved, seat
 * held) is listed with the earliest deadline — the first seat that goes if unpaid.
 */
export function BatchPayment({ batch, onPaid }: { batch: BatchView; onPaid: () => void }) {
  const [view, setView] = useState<BatchPaymentView>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const show = (result: Awaited<ReturnType<typeof batchesApi.payment>>) => {
    if (!result.ok) return setProblem(result.error.message);
    setProblem(undefined);
    if (view && result.data.paid > view.paid) onPaid();
    setView(result.data);
  };
  useEffect(() => {
    void batchesApi.payment(batch.id).then(show);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [batch.id]);
  // While a code is out, the page follows WeChat's word without the clerk refreshing.
  useEffect(() => {
    if (!view?.order) return;
    const timer = setInterval(() => void batchesApi.payment(batch.id).then(show), 3000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [batch.id, view?.order?.outTradeNo]);

  if (!view || (view.due.length === 0 && view.paid === 0)) return null;
  const run = async (action: () => ReturnType<typeof batchesApi.payment>) => {
    setBusy(true);
    show(await action());
    setBusy(false);
  };
  const plan = getPlan(batch.planId);
  const remark = bankTransferRemark(batch.planId, batch.level);

  return (
    <View className="card batch-payment" data-testid="batch-payment">
      <View className="card-title">统一缴费</View>
      {view.paid > 0 && <View className="muted paid-count">已缴费{view.paid}人</View>}
      {view.due.length > 0 && (
        <>
          <View className="row pay-line">
            <Text>
              待缴费{view.due.length}人 · 每人{formatAmount(view.due[0]!.feeFen)}
            </Text>
            <Text className="amount">{formatAmount(view.dueFen)}</Text>
          </View>
          {view.deadline && <View className="muted">请于{formatInstant(view.deadline)}前缴费，逾期未缴的学员考位将释放。</View>}
        </>
      )}
      {view.order ? (
        <View className="batch-qr">
          <QrCode text={view.order.codeUrl} />
          <View className="qr-caption">
            请用微信扫码支付 <Text className="amount">{formatAmount(view.order.amountFen)}</Text>（{view.order.members}人）
          </View>
          <View className="muted">二维码有效至{formatInstant(view.order.expiresAt)}，支付后本页自动更新。</View>
          <View className="muted">订单号 {view.order.outTradeNo}</View>
          {process.env.TARO_ENV === 'h5' && (
            <Button block fill="outline" type="primary" loading={busy} className="demo-scan" onClick={() => void run(() => batchesApi.demoPay(batch.id))}>
              模拟扫码支付（演示环境）
            </Button>
          )}
        </View>
      ) : (
        view.due.length > 0 && (
          <Button type="primary" block loading={busy} className="order-batch" onClick={() => void run(() => batchesApi.orderPayment(batch.id))}>
            生成微信支付二维码
          </Button>
        )
      )}
      {problem && <View className="field-error">{problem}</View>}
      {view.due.length > 0 && plan.payment.bank && remark && (
        <View className="muted bank-hint">
          也可由学校对公账户一次转账合计金额 {formatAmount(view.dueFen)} 至 {plan.payment.bank.accountName}（{plan.payment.bank.bankName}{' '}
          {plan.payment.bank.accountNumber}），附言“{remark}”，财务核对后全班一并确认。
        </View>
      )}
    </View>
  );
}
