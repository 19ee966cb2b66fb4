import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import {
  addDays,
  createExamSessionSchema,
  formatChineseDate,
  getPlan,
  LEVEL_SHORT,
  offeredLevels,
  parseWith,
  parts,
  planIdsOfBody,
  type IsoDate,
  type ExamSessionView,
  type Level,
} from '@skillcert/shared';
import { useState } from 'react';
import { examSessionsApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { DateField } from '../../../components/DateField';
import { PageState } from '../../../components/PageState';
import { TextField } from '../../../components/TextField';
import { issuesByPath } from '../../../lib/issues';
import { todayInShanghai } from '../../../lib/dates';
import { staffSession } from '../../../lib/session';
import { FilterChips } from '../FilterChips';
import '../staff.css';
import './index.css';
import { PlansReady } from '../../../components/PlansReady';

/** Admins open sessions (场次) inside the plan's bounds; approval seats candidates in them, the waiting list first. Each session opens its score sheet (成绩录入). */
/** The plan's rules are read as the server publishes them. */
export default function SessionsPage() {
  return (
    <PlansReady>
      <SessionsPageContent />
    </PlansReady>
  );
}

function SessionsPageContent() {
  const planIds = planIdsOfBody(staffSession.current()?.staff.bodyId ?? '');
  const [planId, setPlanId] = useState(planIds[0] ?? '');
  const sessions = useApi(() => examSessionsApi.list(planId), [planId]);
  return (
    <View className="page sessions-page">
      {planIds.length > 1 && (
        <FilterChips value={planId} options={planIds.map((id) => ({ value: id, label: `${getPlan(id).year}年度` }))} onChange={setPlanId} />
      )}
      {/* Proctors come here for the sessions' score sheets; only admins open sessions. */}
      {planId && staffSession.current()?.staff.roles.includes('admin') && <NewSession key={planId} planId={planId} onCreated={sessions.reload} />}
      <PageState value={sessions} isEmpty={(list) => list.length === 0} emptyText="还没有考核场次">
        {(list) => (
          <>
            <UnconfirmedYear sessions={list} />
            <CellGroup title="已开设场次" description="点按场次，录入或查看该场次的成绩" data-testid="sessions">
              {list.map((s) => (
                <Cell
                  key={s.id}
                  title={`${formatChineseDate(s.date as IsoDate)} · ${s.levels.map((l) => LEVEL_SHORT[l]).join('、')}`}
                  description={
                    <View>
                      <View>{s.site}</View>
                      <View className={`session-dates ${s.datesConfirmed ? '' : 'unconfirmed'}`}>
                        {`准考证${formatChineseDate(s.ticketsFrom as IsoDate)}开放 · 成绩${formatChineseDate(s.resultsDueBy as IsoDate)}前公布${s.datesConfirmed ? '' : '（暂按周末推算）'}`}
                      </View>
                    </View>
                  }
                  extra={`余${s.seatsLeft}/${s.capacity}`}
                  className="session-row"
                  onClick={() => void Taro.navigateTo({ url: `/packages/staff/results/index?sessionId=${s.id}` })}
                />
              ))}
            </CellGroup>
          </>
        )}
      </PageState>
    </View>
  );
}

/**
 * Dates counted over a year whose days off nobody has entered are a guess (weekends only): said once,
 * above the sessions, with the way to enter the year.
 */
function UnconfirmedYear({ sessions }: { sessions: readonly ExamSessionView[] }) {
  const guessed = sessions.find((s) => !s.datesConfirmed);
  if (!guessed) return null;
  const year = parts(guessed.resultsDueBy as IsoDate).year;
  const isAdmin = staffSession.current()?.staff.roles.includes('admin') ?? false;
  return (
    <View className="card blocked-card" data-testid="dates-unconfirmed">
      <View className="card-title">{`${year}年节假日安排尚未录入`}</View>
      <View className="muted">标注“暂按周末推算”的准考证开放日和成绩公布期限，在录入该年放假安排后会按实际工作日重新计算。</View>
      {isAdmin && (
        <Button type="primary" block className="enter-calendar" onClick={() => void Taro.navigateTo({ url: `/packages/staff/calendar/index?year=${year}` })}>
          {`录入${year}年节假日安排`}
        </Button>
      )}
    </View>
  );
}

function NewSession({ planId, onCreated }: { planId: string; onCreated: () => void }) {
  const levels = offeredLevels(getPlan(planId));
  const [date, setDate] = useState<IsoDate>();
  const [site, setSite] = useState('');
  const [chosen, setChosen] = useState<Level[]>([]);
  const [capacity, setCapacity] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const parsed = parseWith(createExamSessionSchema, { planId, date, site: site.trim(), levels: chosen, capacity });
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    setErrors({});
    setBusy(true);
    const created = await examSessionsApi.create(parsed.data);
    setBusy(false);
    if (!created.ok) return setErrors(created.error.issues ? issuesByPath(created.error.issues) : { date: created.error.message });
    setSite('');
    setCapacity('');
    onCreated();
  };

  return (
    <View className="card new-session" data-testid="new-session">
      <View className="card-title">开设场次</View>
      <DateField label="考核日期" value={date} suggested={addDays(todayInShanghai(), 30)} onChange={setDate} error={errors.date} testId="session-date" />
      <TextField className="session-site" label="考点" placeholder="地址，如 天宝路879号" value={site} onChange={setSite} maxLength={200} error={errors.site} />
      <View className="session-levels">
        {levels.map((level) => (
          <View
            key={level}
            className={`filter-chip ${chosen.includes(level) ? 'active' : ''}`}
            onClick={() => setChosen((current) => (current.includes(level) ? current.filter((l) => l !== level) : [...current, level]))}
          >
            {LEVEL_SHORT[level]}
          </View>
        ))}
      </View>
      {errors.levels && <View className="field-error">{errors.levels}</View>}
      <TextField className="session-capacity" label="座位数" type="number" value={capacity} onChange={setCapacity} maxLength={4} error={errors.capacity} />
      <Button type="primary" block loading={busy} className="create-session" onClick={() => void create()}>
        开设
      </Button>
    </View>
  );
}
