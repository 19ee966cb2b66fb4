import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { formatChineseDate, LEVEL_NAMES, MAJOR_NAMES, SCHOOL_KINDS, SCHOOL_NAMES, TITLE_NAMES, type Level, type Plan } from '@skillcert/shared';
import { useState } from 'react';
import { CheckField } from '../../../components/CheckField';
import { ChoiceField } from '../../../components/ChoiceField';
import { DateField } from '../../../components/DateField';
import { TextField } from '../../../components/TextField';
import { EntryCard, EntrySection } from '../../../components/EntryList';
import { NEW_ENTRY, withResidentId, type FactsDraft } from '../../../lib/factsDraft';

export const LEVEL_OPTIONS = ([5, 4, 3, 2, 1] as Level[]).map((l) => ({ value: l, label: LEVEL_NAMES[l].split('/')[0] ?? '' }));
const OCCUPATION_OPTIONS = [
  { value: 'same' as const, label: '本职业' },
  { value: 'related' as const, label: '相关职业' },
];

/**
 * The facts the standard asks about — birth date, work, schooling, certificates, titles, training —
 * as the plan's standard counts them; each entry's field at fault is marked from the draft's own parse.
 */
export function FactsForm({
  plan,
  level,
  draft,
  onChange: update,
  errors,
  birthOnFile,
  today,
}: {
  plan: Plan;
  level: Level;
  draft: FactsDraft;
  onChange: (next: FactsDraft) => void;
  errors: Record<string, string>;
  /** Signed in with a real-name record: the birth date is on file, so the ID number is not asked again. */
  birthOnFile: string | undefined;
  today: string;
}) {
  const [idError, setIdError] = useState<string>();
  const related = plan.standard.counts === 'same-or-related';
  const patchEntry = <K extends 'work' | 'certificates' | 'diplomas' | 'titles' | 'trainings'>(key: K, index: number, patch: Partial<FactsDraft[K][number]>) =>
    update({ ...draft, [key]: draft[key].map((e, i) => (i === index ? { ...e, ...patch } : e)) });
  const addEntry = (key: keyof typeof NEW_ENTRY) => update({ ...draft, [key]: [...draft[key], NEW_ENTRY[key]()] });
  const removeEntry = (key: keyof typeof NEW_ENTRY, index: number) => update({ ...draft, [key]: draft[key].filter((_, i) => i !== index) });
  return (
    <>
      <CellGroup title="基本信息">
        {birthOnFile ? (
          <Cell className="birth-on-file" title="出生日期" description="来自实名信息" extra={formatChineseDate(birthOnFile)} />
        ) : (
          <>
            <TextField
              className="id-input"
              label="身份证号码"
              placeholder="选填，自动识别出生日期"
              type="idcard"
              maxLength={18}
              value={draft.residentId}
              onChange={(value) => {
                const next = withResidentId(draft, value);
                setIdError(next.error);
                update(next.draft);
              }}
              error={idError}
            />
            <DateField
              label="出生日期"
              value={draft.birthDate}
              suggested="2008-01-01"
              onChange={(birthDate) => update({ ...draft, birthDate })}
              testId="birth-date"
            />
          </>
        )}
        {level === 5 && (
          <CheckField
            label={`拟从事${related ? '本职业或相关职业' : '本职业'}工作`}
            checked={draft.intendsToWork}
            onChange={(intendsToWork) => update({ ...draft, intendsToWork })}
          />
        )}
      </CellGroup>

      <EntrySection title="工作经历" addLabel="添加一段工作经历" onAdd={() => addEntry('work')} testId="work-section">
        {draft.work.map((w, i) => (
          <EntryCard key={i} title={`工作经历 ${i + 1}`} onRemove={() => removeEntry('work', i)}>
            {related && (
              <ChoiceField
                label="所从事职业"
                value={w.occupation}
                options={OCCUPATION_OPTIONS}
                onChange={(occupation) => patchEntry('work', i, { occupation })}
              />
            )}
            <DateField
              label="开始日期"
              value={w.from}
              suggested="2020-01-01"
              onChange={(from) => patchEntry('work', i, { from })}
              error={errors[`work.${i}.from`]}
            />
            <CheckField label="至今仍在从事" checked={w.ongoing} onChange={(ongoing) => patchEntry('work', i, { ongoing })} />
            {!w.ongoing && (
              <DateField label="结束日期" value={w.to} suggested={today} onChange={(to) => patchEntry('work', i, { to })} error={errors[`work.${i}.to`]} />
            )}
          </EntryCard>
        ))}
      </EntrySection>

      <EntrySection title="学历" addLabel="添加学历" onAdd={() => addEntry('diplomas')} testId="diploma-section">
        {draft.diplomas.map((d, i) => (
          <EntryCard key={i} title={`学历 ${i + 1}`} onRemove={() => removeEntry('diplomas', i)}>
            <ChoiceField
              label="院校类型"
              value={d.school}
              options={SCHOOL_KINDS.map((s) => ({ value: s, label: SCHOOL_NAMES[s] }))}
              onChange={(school) => patchEntry('diplomas', i, { school })}
              testId={`diploma-${i}-school`}
            />
            <ChoiceField
              label="所学专业"
              value={d.major}
              options={(['same', 'related', 'other'] as const).map((m) => ({ value: m, label: MAJOR_NAMES[m] }))}
              onChange={(major) => patchEntry('diplomas', i, { major })}
              testId={`diploma-${i}-major`}
            />
            <CheckField
              label="在读应届毕业生"
              checked={d.finalYear}
              onChange={(finalYear) => patchEntry('diplomas', i, { finalYear })}
              testId={`diploma-${i}-final-year`}
            />
            {!d.finalYear && (
              <DateField
                label="毕业日期"
                value={d.graduatedOn}
                suggested="2020-07-01"
                onChange={(graduatedOn) => patchEntry('diplomas', i, { graduatedOn })}
                error={errors[`diplomas.${i}.graduatedOn`]}
              />
            )}
            {plan.standard.clauses[3]?.some((c) => c.requires.some((r) => r.kind === 'diploma' && r.evaluated)) && (
              <CheckField label="院校经评估论证" checked={d.evaluated} onChange={(evaluated) => patchEntry('diplomas', i, { evaluated })} />
            )}
          </EntryCard>
        ))}
      </EntrySection>

      <EntrySection title="职业技能等级证书" addLabel="添加证书" onAdd={() => addEntry('certificates')}>
        {draft.certificates.map((c, i) => (
          <EntryCard key={i} title={`证书 ${i + 1}`} onRemove={() => removeEntry('certificates', i)}>
            <ChoiceField label="证书等级" value={c.level} options={LEVEL_OPTIONS} onChange={(l) => patchEntry('certificates', i, { level: l })} />
            {related && (
              <ChoiceField
                label="证书职业"
                value={c.occupation}
                options={OCCUPATION_OPTIONS}
                onChange={(occupation) => patchEntry('certificates', i, { occupation })}
              />
            )}
            <DateField
              label="发证日期"
              value={c.issuedOn}
              suggested="2022-01-01"
              onChange={(issuedOn) => patchEntry('certificates', i, { issuedOn })}
              error={errors[`certificates.${i}.issuedOn`]}
            />
          </EntryCard>
        ))}
      </EntrySection>

      {plan.standard.counts === 'same-or-related' && (
        <EntrySection title="专业技术职称" addLabel="添加职称" onAdd={() => addEntry('titles')}>
          {draft.titles.map((t, i) => (
            <EntryCard key={i} title={`职称 ${i + 1}`} onRemove={() => removeEntry('titles', i)}>
              <ChoiceField
                label="职称级别"
                value={t.grade}
                options={(['junior', 'intermediate', 'senior'] as const).map((g) => ({ value: g, label: TITLE_NAMES[g] }))}
                onChange={(grade) => patchEntry('titles', i, { grade })}
              />
              <CheckField label="符合专业对应关系" checked={t.matchesMajor} onChange={(matchesMajor) => patchEntry('titles', i, { matchesMajor })} />
              <DateField
                label="取得日期"
                value={t.obtainedOn}
                suggested="2022-01-01"
                onChange={(obtainedOn) => patchEntry('titles', i, { obtainedOn })}
                error={errors[`titles.${i}.obtainedOn`]}
              />
            </EntryCard>
          ))}
        </EntrySection>
      )}

      {plan.standard.counts === 'same-only' && (
        <EntrySection title="正规培训结业证书" addLabel="添加培训经历" onAdd={() => addEntry('trainings')}>
          {draft.trainings.map((t, i) => (
            <EntryCard key={i} title={`培训 ${i + 1}`} onRemove={() => removeEntry('trainings', i)}>
              <ChoiceField
                label="培训等级"
                value={t.forLevel}
                options={LEVEL_OPTIONS.filter((o) => o.value === 4 || o.value === 3)}
                onChange={(forLevel) => patchEntry('trainings', i, { forLevel })}
              />
              <DateField
                label="结业日期"
                value={t.completedOn}
                suggested="2021-01-01"
                onChange={(completedOn) => patchEntry('trainings', i, { completedOn })}
                error={errors[`trainings.${i}.completedOn`]}
              />
            </EntryCard>
          ))}
        </EntrySection>
      )}
    </>
  );
}
