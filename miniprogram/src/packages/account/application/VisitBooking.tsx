import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatChineseDate, getPlan, type ApplicationView, type VisitSlotView } from '@skillcert/shared';
import { useState } from 'react';
import { useApi } from '../../../api/useApi';
import { visitsApi } from '../../../api/visits';
import { QrCode } from '../../../components/QrCode';

interface Props {
  application: ApplicationView;
  onChange: (application: ApplicationView) => void;
}

/**
 * Shanghai individuals show their ID original at the acceptance point: the
 * candidate books a half-hour slot on a working day and brings the code the
 * counter scans. Booked → the code and its QR; not yet → the free slots.
 */
export function VisitBooking({ application, onChange }: Props) {
  const point = getPlan(application.planId).acceptancePoint;
  const [problem, setProblem] = useState<string>();

  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: '取消后可重新选择时段。确定取消吗？', confirmText: '取消预约', cancelText: '保留' });
    if (!confirm) return;
    const result = await visitsApi.cancel(application.id);
    if (result.ok) onChange(result.data);
    else setProblem(result.error.message);
  };

  if (application.visit) {
    const { visit } = application;
    return (
      <View className="card visit booked" data-testid="visit-booked">
        <View className="next-title">现场核验预约</View>
        <View className="visit-when">{visit.label}</View>
        <View className="visit-qr">
          <QrCode text={visit.code} />
          <View className="visit-code" data-testid="visit-code">
            {visit.code}
          </View>
        </View>
        <View className="muted">请按时到{point?.address ?? '受理点'}，携带身份证原件及符合申报条件要求的证明材料，向工作人员出示此码。</View>
        {problem && <View className="field-error">{problem}</View>}
        <View className="visit-actions">
          <Button size="small" fill="outline" onClick={() => void cancel()}>
            取消预约
          </Button>
        </View>
      </View>
    );
  }
  return <SlotPicker application={application} onBooked={onChange} />;
}

function SlotPicker({ application, onBooked }: { application: ApplicationView; onBooked: (after: ApplicationView) => void }) {
  const slots = useApi(() => visitsApi.slots(application.planId), [application.planId]);
  const [day, setDay] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const point = getPlan(application.planId).acceptancePoint;

  const book = async (slot: VisitSlotView) => {
    setBusy(slot.startsAt);
    const result = await visitsApi.book(application.id, slot.startsAt);
    setBusy(undefined);
    if (result.ok) return onBooked(result.data);
    setProblem(result.error.message);
    slots.reload();
  };

  return (
    <View className="card visit" data-testid="visit-picker">
      <View className="next-title">预约到场时段（可选）</View>
      <View className="muted">预约后按时到场、出示预约码，免去排队等候；不预约也可在受理时间内直接前往。</View>
      {point && <View className="muted">地点：{point.address}</View>}
      {problem && <View className="field-error">{problem}</View>}
      {slots.state === 'loading' && <View className="muted">正在查询可预约时段…</View>}
      {slots.state === 'error' && (
        <View className="field-error" onClick={slots.reload}>
          {slots.error.message}（点此重试）
        </View>
      )}
      {slots.state === 'ready' && <SlotGrid slots={slots.data} day={day} onDay={setDay} busy={busy} onPick={(slot) => void book(slot)} />}
    </View>
  );
}

function SlotGrid({
  slots,
  day,
  onDay,
  busy,
  onPick,
}: {
  slots: VisitSlotView[];
  day: string | undefined;
  onDay: (day: string) => void;
  busy: string | undefined;
  onPick: (slot: VisitSlotView) => void;
}) {
  const days = [...new Set(slots.map((s) => s.date))];
  if (!days.length) return <View className="muted">近两周暂无可预约时段，请稍后再来查看。</View>;
  const chosen = day && days.includes(day) ? day : (days.find((d) => slots.some((s) => s.date === d && s.left > 0)) ?? days[0]!);
  return (
    <>
      <View className="visit-days" data-testid="visit-days">
        {days.map((d) => (
          <View key={d} className={`visit-day ${d === chosen ? 'active' : ''}`} onClick={() => onDay(d)}>
            {formatChineseDate(d).replace(/^\d+年/, '')}
          </View>
        ))}
      </View>
      <View className="visit-slots" data-testid="visit-slots">
        {slots
          .filter((s) => s.date === chosen)
          .map((slot) => (
            <View
              key={slot.startsAt}
              className={`visit-slot ${slot.left === 0 ? 'full' : ''} ${busy === slot.startsAt ? 'busy' : ''}`}
              onClick={() => slot.left > 0 && !busy && onPick(slot)}
            >
              <Text className="slot-time">{slot.label}</Text>
              <Text className="slot-left">{slot.left > 0 ? `余${slot.left}` : '已满'}</Text>
            </View>
          ))}
      </View>
    </>
  );
}
