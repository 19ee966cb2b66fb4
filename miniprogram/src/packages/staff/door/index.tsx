import { Button, Input } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  banMessage,
  formatChineseDate,
  ticketNoSchema,
  parseWith,
  type AttendanceView,
  type CandidateAtDoor,
  type ExamDaySessionView,
} from '@skillcert/shared';
import { useEffect, useState } from 'react';
import { examDayApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { formatInstant } from '../../../components/Timeline';
import { StaffBar } from '../StaffBar';
import { MisconductForm } from './MisconductForm';
import '../staff.css';
import './index.css';

/**
 * The proctor at the door: today's session, the ticket scanned (typed on a
 * computer), the person compared with their ID photo, let in once — and the
 * room's count, kept current for the proctor inside.
 */
export default function DoorPage() {
  const sessions = useApi(() => examDayApi.sessions(), []);
  const [sessionId, setSessionId] = useState<string>();
  return (
    <View className="page door-page">
      <StaffBar />
      <PageState value={sessions}>
        {(list) => {
          if (list.length === 0) return <NothingToday />;
          const chosen = list.find((s) => s.id === sessionId) ?? (list.length === 1 ? list[0] : undefined);
          return chosen ? (
            <Door session={chosen} onBack={list.length > 1 ? () => setSessionId(undefined) : undefined} />
          ) : (
            <Pick sessions={list} onPick={setSessionId} />
          );
        }}
      </PageState>
    </View>
  );
}

function Pick({ sessions, onPick }: { sessions: ExamDaySessionView[]; onPick: (id: string) => void }) {
  return (
    <View data-testid="door-sessions">
      <View className="section-title">请选择本考场的场次</View>
      {sessions.map((s) => (
        <View key={s.id} className="card door-session" onClick={() => onPick(s.id)}>
          <View className="card-title">{s.site}</View>
          <View className="muted">
            {formatChineseDate(s.date)} · 已到{s.present}/{s.seats}人
          </View>
        </View>
      ))}
    </View>
  );
}

function Door({ session, onBack }: { session: ExamDaySessionView; onBack?: () => void }) {
  const [ticketNo, setTicketNo] = useState('');
  const [candidate, setCandidate] = useState<CandidateAtDoor>();
  const [room, setRoom] = useState<AttendanceView>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [recorded, setRecorded] = useState<string>();

  // The count keeps up with the other door(s) of the same room.
  useEffect(() => {
    const refresh = () => void examDayApi.attendance(session.id).then((r) => r.ok && setRoom(r.data));
    refresh();
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [session.id]);

  const find = async (typed: string) => {
    setCandidate(undefined);
    setReporting(false);
    setRecorded(undefined);
    const parsed = parseWith(ticketNoSchema, typed);
    if (!parsed.ok) return setProblem(parsed.issues[0]?.message);
    setBusy(true);
    const found = await examDayApi.lookup(session.id, parsed.data);
    setBusy(false);
    if (!found.ok) return setProblem(found.error.message);
    setProblem(undefined);
    setCandidate(found.data);
  };
  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setTicketNo(result);
      await find(result);
    } catch {
      // Cancelled: nothing to do.
    }
  };
  const admit = async (who: CandidateAtDoor) => {
    setBusy(true);
    const result = await examDayApi.checkIn(session.id, who.ticketNo);
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setRoom(result.data);
    setCandidate(undefined);
    setTicketNo('');
    setProblem(undefined);
    void Taro.showToast({ title: `${who.name} 已签到`, icon: 'success' });
  };

  return (
    <>
      <View className="card" data-testid="door-count">
        <View className="row">
          <Text className="card-title">{session.site}</Text>
          {onBack && (
            <Text className="link" onClick={onBack}>
              换场次
            </Text>
          )}
        </View>
        <View className="door-count">
          已到 <Text className="present">{room?.present ?? session.present}</Text> 人 · 未到 {room?.absent ?? session.seats - session.present} 人 · 共{' '}
          {room?.seats ?? session.seats} 人
        </View>
      </View>
      <View className="card" data-testid="door-ticket">
        {process.env.TARO_ENV !== 'h5' && (
          <Button type="primary" block className="scan-ticket" onClick={() => void scan()}>
            扫描准考证二维码
          </Button>
        )}
        <View className="door-type">
          <Input className="ticket-no" type="digit" placeholder="或输入10位准考证号" value={ticketNo} onChange={(v) => setTicketNo(v)} />
          <Button fill="outline" type="primary" loading={busy} className="find-ticket" onClick={() => void find(ticketNo)}>
            查询
          </Button>
        </View>
        {problem && <View className="field-error door-problem">{problem}</View>}
      </View>
      {candidate && (
        <View className="card door-candidate" data-testid="door-candidate">
          {candidate.photoUrl && <Image className="id-photo" src={candidate.photoUrl} mode="aspectFit" />}
          <View className="card-title">{candidate.name}</View>
          <View className="muted">身份证 {candidate.residentIdMasked}</View>
          <View className="muted">
            {candidate.levelName} · 准考证号 {candidate.ticketNo}
          </View>
          {candidate.checkedInAt ? (
            <View className="field-error">已于{formatInstant(candidate.checkedInAt)}签到</View>
          ) : (
            <Button type="primary" block loading={busy} className="admit" onClick={() => void admit(candidate)}>
              核验无误，签到
            </Button>
          )}
          {recorded && <View className="recorded">{recorded}</View>}
          {!reporting && !recorded && (
            <Text className="link report-misconduct" onClick={() => setReporting(true)}>
              记录违纪…
            </Text>
          )}
          {reporting && (
            <MisconductForm
              candidate={candidate}
              onRecorded={(record) => {
                setReporting(false);
                // The ban as the candidate is told it, （含） and all: one day short otherwise.
                setRecorded(`已记录：${record.penalty}${record.bannedThrough ? `；${banMessage(record.bannedThrough)}` : ''}`);
              }}
            />
          )}
        </View>
      )}
    </>
  );
}

/** No session today: when the next one is, so the proctor knows the page is working and when to come back. */
function NothingToday() {
  const next = useApi(() => examDayApi.next(), []);
  return (
    <View className="page-state" data-testid="nothing-today">
      <View className="page-state-title">今天没有考核场次</View>
      {next.state === 'ready' && (
        <View className="page-state-text next-session">
          {next.data.next ? `下一场：${formatChineseDate(next.data.next.date)} · ${next.data.next.site}` : '暂无已安排的场次'}
        </View>
      )}
    </View>
  );
}
