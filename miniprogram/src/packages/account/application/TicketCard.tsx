import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { ticketLines, type ApplicationView, type TicketView } from '@skillcert/shared';
import { useEffect, useState } from 'react';
import { afterPaymentApi } from '../../../api/afterPayment';
import { QrCode } from '../../../components/QrCode';

/**
 * The admission ticket once it opens: number, timetable, the code the proctor
 * scans, and the PDF to print. Until then, the day it opens — asked of the
 * server, which alone knows the working-day calendar and today's date.
 */
export function TicketCard({ application }: { application: ApplicationView }) {
  const [ticket, setTicket] = useState<TicketView>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void afterPaymentApi.ticket(application.id).then((result) => {
      if (result.ok) setTicket(result.data);
      else setNotice(result.error.message);
    });
  }, [application.id]);

  if (!ticket) {
    return notice ? (
      <View className="card ticket-card" data-testid="ticket">
        <View className="next-title">准考证</View>
        <View className="muted">{notice}</View>
      </View>
    ) : null;
  }
  const download = async () => {
    setBusy(true);
    const result = await afterPaymentApi.ticketPdf(application.id, ticket.ticketNo);
    setBusy(false);
    if (!result.ok) setNotice(result.error.message);
  };
  return (
    <View className="card ticket-card" data-testid="ticket">
      <View className="next-title">准考证</View>
      <View className="ticket-qr">
        <QrCode text={ticket.ticketNo} />
        <View className="muted">入场签到时出示此码</View>
      </View>
      {ticketLines(ticket).map(([label, value]) => (
        <View key={label} className="row pay-line">
          <Text className="muted">{label}</Text>
          <Text className={label === '准考证号' ? 'reference' : ''}>{value}</Text>
        </View>
      ))}
      {ticket.subjects.map((s) => (
        <View key={s.kind} className="row pay-line">
          <Text className="muted">{s.name}</Text>
          <Text>{s.endsAt ? `${s.startsAt}–${s.endsAt}` : `${s.startsAt} 开始`}</Text>
        </View>
      ))}
      <Button block fill="outline" type="primary" loading={busy} className="ticket-pdf" onClick={() => void download()}>
        下载准考证（PDF）
      </Button>
      {notice && <View className="field-error">{notice}</View>}
      {/* The day's rules, as the printed ticket carries them: quoted from the plan, nothing added. */}
      <View className="ticket-rules" data-testid="ticket-rules">
        <View className="ticket-rules-title">考生须知</View>
        {ticket.notices.map((line) => (
          <View key={line} className="muted">
            {line}
          </View>
        ))}
      </View>
    </View>
  );
}
