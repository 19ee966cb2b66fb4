import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { calendarYearIssues, formatChineseDate, parts, type CalendarDay, type IsoDate } from '@skillcert/shared';
import { useState } from 'react';
import { calendarApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { DateField } from '../../../components/DateField';
import { EntryCard, EntrySection } from '../../../components/EntryList';
import { PageState } from '../../../components/PageState';
import { TextField } from '../../../components/TextField';
import { issuesByPath } from '../../../lib/issues';
import { todayInShanghai } from '../../../lib/dates';
import { staffSession } from '../../../lib/session';
import { FilterChips } from '../FilterChips';
import '../staff.css';
import './index.css';

type Kind = 'holidays' | 'workdays';

/**
 * The working-day calendar of a year: the built-in one, or — for a year it does not know yet (the
 * State Council publishes each December) — the arrangement an admin enters here, so ticket dates and
 * results dates in that year are counted on the real days off.
 */
export default function CalendarPage() {
  const { params } = useRouter();
  const thisYear = parts(todayInShanghai()).year;
  const [year, setYear] = useState(Number(params.year) || thisYear + 1);
  const loaded = useApi(() => calendarApi.year(year), [year]);
  const isAdmin = staffSession.current()?.staff.roles.includes('admin') ?? false;
  const [editing, setEditing] = useState<number>();
  const saved = () => {
    setEditing(undefined);
    loaded.reload();
  };
  return (
    <View className="page calendar-page">
      <FilterChips
        value={String(year)}
        options={[thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}年` }))}
        onChange={(y) => setYear(Number(y))}
      />
      <PageState value={loaded}>
        {(view) =>
          editing === view.year ? (
            <EnterYear key={view.year} year={view.year} initial={view} onSaved={saved} />
          ) : view.confirmed ? (
            <View data-testid="calendar-known">
              <View className="card">
                <View className="card-title">{`${view.year}年节假日安排`}</View>
                <View className="muted">
                  {view.source === 'calendar' ? '系统内置（国务院办公厅通知）' : '由管理员录入'}，准考证开放日与成绩公布期限按此计算。
                </View>
              </View>
              <DayList title="放假" days={view.holidays} />
              {view.workdays.length > 0 && <DayList title="调休上班" days={view.workdays} />}
              {/* What an admin entered, an admin may put right; the built-in years are not theirs to change. */}
              {isAdmin && view.source === 'entered' && (
                <Button fill="outline" block className="edit-calendar" onClick={() => setEditing(view.year)}>
                  {`修改${view.year}年安排`}
                </Button>
              )}
            </View>
          ) : isAdmin ? (
            <EnterYear key={view.year} year={view.year} onSaved={saved} />
          ) : (
            <View className="card blocked-card" data-testid="calendar-unknown">
              <View className="card-title">{`${view.year}年节假日安排尚未录入`}</View>
              <View className="muted">该年的准考证开放日、成绩公布期限暂按周末推算，请管理员录入国务院办公厅公布的放假安排。</View>
            </View>
          )
        }
      </PageState>
    </View>
  );
}

function DayList({ title, days }: { title: string; days: readonly CalendarDay[] }) {
  return (
    <CellGroup title={title}>
      {days.map((day) => (
        <Cell key={day.date} title={formatChineseDate(day.date as IsoDate)} extra={day.name} />
      ))}
    </CellGroup>
  );
}

/** The State Council's arrangement typed in by an admin: days off, and the weekend days worked in exchange; checked as typed. */
function EnterYear({ year, initial, onSaved }: { year: number; initial?: Record<Kind, CalendarDay[]>; onSaved: () => void }) {
  const [days, setDays] = useState<Record<Kind, CalendarDay[]>>({ holidays: initial?.holidays ?? [], workdays: initial?.workdays ?? [] });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const errors = { ...issuesByPath(calendarYearIssues(year, days)), ...serverErrors };
  const patch = (kind: Kind, index: number, day: Partial<CalendarDay>) =>
    setDays((current) => ({ ...current, [kind]: current[kind].map((d, i) => (i === index ? { ...d, ...day } : d)) }));
  const add = (kind: Kind) => setDays((current) => ({ ...current, [kind]: [...current[kind], { date: '', name: current[kind].at(-1)?.name ?? '' }] }));
  const remove = (kind: Kind, index: number) => setDays((current) => ({ ...current, [kind]: current[kind].filter((_, i) => i !== index) }));
  const save = async () => {
    setBusy(true);
    const saved = await calendarApi.save(year, days);
    setBusy(false);
    if (saved.ok) return onSaved();
    setServerErrors(saved.error.issues ? issuesByPath(saved.error.issues) : { form: saved.error.message });
  };
  const section = (kind: Kind, title: string, suggested: IsoDate) => (
    <EntrySection title={title} addLabel={`添加${title}日期`} onAdd={() => add(kind)} testId={`calendar-${kind}`}>
      {days[kind].map((day, i) => (
        <EntryCard key={i} title={`${title} ${i + 1}`} onRemove={() => remove(kind, i)}>
          <DateField
            label="日期"
            value={day.date || undefined}
            suggested={suggested}
            onChange={(date) => patch(kind, i, { date })}
            error={errors[`${kind}.${i}.date`]}
          />
          <TextField
            label="名称"
            placeholder={kind === 'holidays' ? '如 元旦、春节' : '如 春节调休上班'}
            value={day.name}
            maxLength={20}
            onChange={(name) => patch(kind, i, { name })}
            error={errors[`${kind}.${i}.name`]}
          />
        </EntryCard>
      ))}
    </EntrySection>
  );
  return (
    <View data-testid="calendar-enter">
      <View className="card blocked-card">
        <View className="card-title">{initial ? `修改${year}年节假日安排` : `${year}年节假日安排尚未录入`}</View>
        <View className="muted">
          系统内置日历还没有{year}
          年。请按国务院办公厅公布的放假通知，逐日录入放假日期（含放假期间的周末）和调休上班的周末；录入前，该年的准考证开放日、成绩公布期限按周末推算。
        </View>
      </View>
      {section('holidays', '放假', `${year}-01-01` as IsoDate)}
      {section('workdays', '调休上班', `${year}-01-01` as IsoDate)}
      {(errors.form ?? errors.holidays) && <View className="warn calendar-error">{errors.form ?? errors.holidays}</View>}
      <Button type="primary" block loading={busy} className="save-calendar" disabled={days.holidays.length === 0} onClick={() => void save()}>
        {`保存${year}年安排`}
      </Button>
    </View>
  );
}
