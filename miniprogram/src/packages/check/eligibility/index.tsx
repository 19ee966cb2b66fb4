import { Button, Cell, CellGroup, Step, Steps } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  APPLICATION_STATE_NAMES,
  applicationWindow,
  clauseText,
  duplicateOf,
  evaluateEligibility,
  feeFor,
  formatAmount,
  levelDisplayName,
  visitsRequired,
  formatChineseDate,
  windowStage,
  WINDOW_STAGE_NAMES,
  getPlan,
  LEVEL_NAMES,
  materialsIssues,
  MAJOR_NAMES,
  offeredLevels,
  SCHOOL_KINDS,
  SCHOOL_NAMES,
  TITLE_NAMES,
  type EligibilityResult,
  type Level,
  type ApplicationView,
  type Plan,
} from '@skillcert/shared';
import { useEffect, useMemo, useState } from 'react';
import { applicationsApi } from '../../../api/applications';
import { meApi } from '../../../api/auth';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { candidateSession } from '../../../lib/session';
import { CheckField } from '../../../components/CheckField';
import { ChoiceField } from '../../../components/ChoiceField';
import { DateField } from '../../../components/DateField';
import { TextField } from '../../../components/TextField';
import { EMPTY_DRAFT, fromFacts, NEW_ENTRY, toFacts, withResidentId, type FactsDraft } from '../../../lib/factsDraft';
import { issuesByPath } from '../../../lib/issues';
import { todayInShanghai } from '../../../lib/dates';
import { MaterialsForm, type MaterialsDraftState } from './MaterialsForm';
import './index.css';

const LEVEL_OPTIONS = ([5, 4, 3, 2, 1] as Level[]).map((l) => ({ value: l, label: LEVEL_NAMES[l].split('/')[0] ?? '' }));
const OCCUPATION_OPTIONS = [
  { value: 'same' as const, label: '本职业' },
  { value: 'related' as const, label: '相关职业' },
];

export default function EligibilityPage() {
  const { params } = useRouter();
  let plan: Plan | undefined;
  try {
    plan = getPlan(params.planId ?? '');
  } catch {
    plan = undefined;
  }
  if (!plan) return <View className="page muted">未找到该认定计划</View>;
  if (params.applicationId) return <Correction plan={plan} applicationId={params.applicationId} fromApplication={params.from === 'application'} />;
  const offered = offeredLevels(plan);
  const requested = Number(params.level) as Level;
  return <SelfCheck plan={plan} initialLevel={offered.includes(requested) ? requested : (offered[0] ?? 4)} />;
}

/** A returned application reopens in the same form, filled with what was sent, and goes back as a resubmission. */
function Correction({ plan, applicationId, fromApplication }: { plan: Plan; applicationId: string; fromApplication: boolean }) {
  const loaded = useApi(() => applicationsApi.one(applicationId), [applicationId]);
  return (
    <PageState value={loaded}>
      {(application) => <SelfCheck plan={plan} initialLevel={application.level} correcting={application} fromApplication={fromApplication} />}
    </PageState>
  );
}

function materialsOf(application: ApplicationView): MaterialsDraftState {
  return {
    files: Object.fromEntries(application.materials.map((m) => [m.materialId, m.files])),
    signatures: Object.fromEntries(application.commitments.map((c) => [c.materialId, c.signedName])),
  };
}

function SelfCheck({
  plan,
  initialLevel,
  correcting,
  fromApplication = false,
}: {
  plan: Plan;
  initialLevel: Level;
  correcting?: ApplicationView;
  /** Opened from the application's own page: a resubmission goes back to it (which reads itself again), not to a second copy. */
  fromApplication?: boolean;
}) {
  const [level, setLevel] = useState<Level>(initialLevel);
  const [draft, setDraft] = useState<FactsDraft>(correcting ? fromFacts(correcting.facts) : EMPTY_DRAFT);
  const [idError, setIdError] = useState<string>();
  const today = todayInShanghai();
  const related = plan.standard.counts === 'same-or-related';

  const parsed = useMemo(() => toFacts(draft), [draft]);
  const local = useMemo(() => (parsed.ok ? evaluateEligibility(plan.id, level, parsed.facts, today) : undefined), [parsed, plan.id, level, today]);
  const errors = parsed.ok ? {} : issuesByPath(parsed.issues);

  const update = (next: FactsDraft) => setDraft(next);
  const patchEntry = <K extends 'work' | 'certificates' | 'diplomas' | 'titles' | 'trainings'>(key: K, index: number, patch: Partial<FactsDraft[K][number]>) =>
    update({ ...draft, [key]: draft[key].map((e, i) => (i === index ? { ...e, ...patch } : e)) });
  const addEntry = (key: keyof typeof NEW_ENTRY) => update({ ...draft, [key]: [...draft[key], NEW_ENTRY[key]()] });
  const removeEntry = (key: keyof typeof NEW_ENTRY, index: number) => update({ ...draft, [key]: draft[key].filter((_, i) => i !== index) });

  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string>();
  const [materials, setMaterials] = useState<MaterialsDraftState>(correcting ? materialsOf(correcting) : { files: {}, signatures: {} });
  const [showMaterialErrors, setShowMaterialErrors] = useState(false);
  const [realName, setRealName] = useState<string>();
  // Signed in with a real-name record: the birth date is on file, so the ID number is not asked again.
  const [birthOnFile, setBirthOnFile] = useState<string>();
  const [mine, setMine] = useState<ApplicationView[]>([]);
  // A misconduct ban stops every application: said first, not after the photos and signatures.
  const [bannedFor, setBannedFor] = useState<string>();
  useEffect(() => {
    if (!candidateSession.current()) return;
    void meApi.me().then((result) => {
      const profile = result.ok ? result.data.profile : undefined;
      if (!profile) return;
      setRealName(profile.name);
      setBirthOnFile(profile.birthDate);
      setDraft((current) => ({ ...current, birthDate: profile.birthDate }));
    });
    if (!correcting) void applicationsApi.mine().then((result) => result.ok && setMine(result.data));
    void applicationsApi.standing().then((result) => result.ok && setBannedFor(result.data.message));
  }, [correcting]);
  // What stops an application is said first, before anything is filled in: the window, and one already under way.
  const applyWindow = applicationWindow(plan.id, level, today);
  // The server's rule of one live application per occupation and level, asked here before anything is filled in.
  const alreadyApplied = correcting ? undefined : duplicateOf(mine, plan.id, level);
  const canApply = !bannedFor && (Boolean(correcting) || (applyWindow.open && !alreadyApplied));
  // The same rule the server enforces: every required upload, every commitment signed with the ID card's name.
  const materialErrors = issuesByPath(
    materialsIssues(
      plan.id,
      level,
      { files: Object.fromEntries(Object.entries(materials.files).map(([id, list]) => [id, list.length])), signatures: materials.signatures },
      realName ?? Object.values(materials.signatures)[0] ?? '',
      local?.satisfied ?? [],
    ),
  );
  const materialsComplete = Object.keys(materialErrors).length === 0;
  useEffect(() => {
    if (materialsComplete) setApplyError(undefined);
  }, [materialsComplete]);
  const applyNow = async () => {
    if (!parsed.ok) return;
    if (!candidateSession.current()) {
      void Taro.showToast({ title: '请先登录并完成实名登记', icon: 'none' });
      void Taro.switchTab({ url: '/pages/me/index' });
      return;
    }
    if (Object.keys(materialErrors).length > 0) {
      setShowMaterialErrors(true);
      setApplyError('请按提示上传材料并签署承诺');
      return;
    }
    // One look at what is being sent before it is sent: a new application cannot be taken back, only withdrawn.
    if (!correcting) {
      const { confirm } = await Taro.showModal({
        title: '确认提交申报',
        content: submitSummary(plan, level, local?.satisfied ?? [], materials, visitsRequired(plan.id)),
        confirmText: '确认提交',
        confirmColor: '#1f6feb',
        cancelText: '再检查',
      });
      if (!confirm) return;
    }
    setApplying(true);
    setApplyError(undefined);
    const attached = {
      materials: Object.entries(materials.files).map(([materialId, list]) => ({ materialId, fileIds: list.map((f) => f.id) })),
      commitments: Object.entries(materials.signatures).map(([materialId, signedName]) => ({ materialId, signedName: signedName.trim() })),
    };
    let result = correcting
      ? await applicationsApi.resubmit(correcting.id, { facts: parsed.facts, ...attached })
      : await applicationsApi.apply({ planId: plan.id, level, facts: parsed.facts, ...attached });
    // Passed subjects still valid for this level: a full application gives them up. Said plainly; only an explicit yes goes on.
    if (!result.ok && result.error.code === 'MAKEUP_FORFEIT_UNCONFIRMED') {
      const { confirm } = await Taro.showModal({
        title: '放弃补考机会？',
        content: result.error.message,
        confirmText: '仍要重新申报',
        cancelText: '去申请补考',
      });
      if (confirm) result = await applicationsApi.apply({ planId: plan.id, level, facts: parsed.facts, ...attached, confirmForfeit: true });
      else {
        setApplying(false);
        return void Taro.switchTab({ url: '/pages/me/index' });
      }
    }
    setApplying(false);
    if (result.ok && correcting && fromApplication) void Taro.navigateBack();
    else if (result.ok) void Taro.redirectTo({ url: `/packages/account/application/index?id=${result.data.id}` });
    else setApplyError(result.error.message);
  };

  return (
    <View className="page eligibility-page">
      <View className="card">
        <View className="card-title">{plan.title}</View>
        <View className="muted">按{plan.standard.name}，具备任一条件即可申报。填写后即时显示结果，年限由系统按日期计算。</View>
      </View>
      {canApply && (
        <Steps className="apply-steps" status="dynamic" value={!local?.eligible ? 1 : materialsComplete ? 3 : 2}>
          <Step value={1} title="填写条件" />
          <Step value={2} title="上传材料" />
          <Step value={3} title="确认提交" />
        </Steps>
      )}

      {bannedFor && (
        <View className="card blocked-card" data-testid="banned">
          <View className="card-title">暂不能申报</View>
          <View>{bannedFor}</View>
          <View className="muted">可以先自测申报条件；如有疑问，请联系评价机构。</View>
        </View>
      )}
      {!correcting && !bannedFor && !applyWindow.open && (
        <View className="card blocked-card" data-testid="window-closed">
          <View className="card-title">{`${LEVEL_NAMES[level].split('/')[0]}${WINDOW_STAGE_NAMES[windowStage(applyWindow)]}`}</View>
          <View>{applyWindow.note ?? '本期不受理申报'}</View>
          <View className="muted">
            可以先自测申报条件；{applyWindow.nextOpensOn ? `${formatChineseDate(applyWindow.nextOpensOn)}起可提交申报。` : '本计划已不能提交申报。'}
          </View>
        </View>
      )}
      {alreadyApplied && (
        <View className="card blocked-card" data-testid="already-applied">
          <View className="card-title">{`您已有一份${LEVEL_NAMES[level].split('/')[0]}申报（${APPLICATION_STATE_NAMES[alreadyApplied.state]}）`}</View>
          <View className="muted">同一等级同时只能有一份申报，无需重复提交。</View>
          <Button
            type="primary"
            block
            className="open-existing"
            onClick={() => void Taro.navigateTo({ url: `/packages/account/application/index?id=${alreadyApplied.id}` })}
          >
            查看我的申报
          </Button>
        </View>
      )}
      {correcting && <CorrectionNotes application={correcting} />}
      {!correcting && (
        <ChoiceField
          label="申报等级"
          value={level}
          options={LEVEL_OPTIONS.filter((o) => offeredLevels(plan).includes(o.value))}
          onChange={setLevel}
          testId="level-choice"
        />
      )}

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

      <Verdict result={local} level={level} pending={pendingReason(draft, parsed.ok)} />
      {canApply && local?.eligible && !pendingReason(draft, parsed.ok) && (
        <View className="card apply-card">
          <View className="muted">申报后，审核人员将核验您的证明材料。{plan.declaration.individual ?? ''}</View>
          <MaterialsForm
            planId={plan.id}
            level={level}
            satisfied={local?.satisfied ?? []}
            draft={materials}
            onChange={setMaterials}
            errors={showMaterialErrors ? materialErrors : {}}
          />
          {applyError && <View className="warn apply-error">{applyError}</View>}
          <Button type="primary" block loading={applying} className="apply-now" onClick={() => void applyNow()}>
            {correcting ? '修改完成，重新提交' : `用此信息申报${LEVEL_NAMES[level].split('/')[0]}`}
          </Button>
        </View>
      )}

      <View className="verdict-bar" data-testid="verdict-bar">
        <View className="verdict-summary">
          <Text className={local?.eligible ? 'ok' : 'warn'}>{pendingReason(draft, parsed.ok) ?? summaryOf(local, level)}</Text>
        </View>
      </View>
    </View>
  );
}

/** What the reviewer asked to change, kept in view while the candidate corrects. */
function CorrectionNotes({ application }: { application: ApplicationView }) {
  return (
    <View className="card correction-notes" data-testid="correction-notes">
      <View className="card-title">审核意见</View>
      {application.corrections.map((c) => (
        <View key={c.item} className="correction-line">
          <Text className="correction-label">{c.label}：</Text>
          {c.note}
        </View>
      ))}
    </View>
  );
}

/** Why there is no verdict yet: nothing entered, or an entry still incomplete (its fields are marked). */
function pendingReason(draft: FactsDraft, complete: boolean): string | undefined {
  if (!draft.birthDate) return '请先填写出生日期';
  if (!complete) return '请完善标红的信息';
  return undefined;
}

/** One line for the bar that stays on screen while the candidate fills the form. */
function summaryOf(result: EligibilityResult | undefined, level: Level): string {
  if (!result) return '';
  if (result.eligible) return `符合${LEVEL_NAMES[level].split('/')[0] ?? ''}申报条件`;
  return `暂不符合${LEVEL_NAMES[level].split('/')[0] ?? ''}申报条件`;
}

function EntrySection({
  title,
  addLabel,
  onAdd,
  children,
  testId,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <View className="entry-section" data-testid={testId}>
      <View className="section-title">{title}</View>
      {children}
      <Button fill="dashed" block onClick={onAdd} className="add-entry">
        + {addLabel}
      </Button>
    </View>
  );
}

function EntryCard({ title, onRemove, children }: { title: string; onRemove: () => void; children: React.ReactNode }) {
  return (
    <View className="entry-card">
      <View className="row entry-head">
        <Text>{title}</Text>
        <Text className="remove" onClick={onRemove}>
          删除
        </Text>
      </View>
      <CellGroup>{children}</CellGroup>
    </View>
  );
}

function Verdict({ result, level, pending }: { result: EligibilityResult | undefined; level: Level; pending: string | undefined }) {
  if (pending || !result) {
    return (
      <View className="card verdict pending" data-testid="verdict">
        <View className="verdict-title">{pending}</View>
        <View className="muted">填写后，将即时显示您是否符合{LEVEL_NAMES[level]}申报条件。</View>
      </View>
    );
  }
  const met = result.clauses.filter((c) => c.satisfied);
  return (
    <View className={`card verdict ${result.eligible ? 'eligible' : 'not-eligible'}`} data-testid="verdict">
      <View className="verdict-title">{result.eligible ? `符合${LEVEL_NAMES[level]}申报条件` : `暂不符合${LEVEL_NAMES[level]}申报条件`}</View>
      {met.map((c) => (
        <View key={c.id} className="clause">
          {/* The standard's words, not its clause number: the candidate reads what they meet. */}
          <Text className="clause-label">✓ {c.text}</Text>
        </View>
      ))}
      {result.reasons.map((r) => (
        <View key={r} className="reason">
          {r}
        </View>
      ))}
    </View>
  );
}

/** What is about to be sent, in a few lines: the level, the clause met, the fee and when it is paid, the materials, and the visit. */
function submitSummary(plan: Plan, level: Level, satisfied: readonly string[], materials: MaterialsDraftState, inPerson: boolean): string {
  const uploaded = Object.values(materials.files).reduce((sum, list) => sum + list.length, 0);
  return [
    `${levelDisplayName(plan.id, level)} · ${plan.body.shortName}`,
    satisfied[0] ? `符合：${clauseText(plan.id, satisfied[0])}` : '',
    `考核费${formatAmount(feeFor(plan.id, level))}，审核通过后缴纳`,
    `已上传${uploaded}张材料照片${Object.keys(materials.signatures).length ? '，报名表已签名' : ''}`,
    inPerson ? '提交后携带身份证原件及证明材料到受理点现场办理（可预约到场时段）' : '',
  ]
    .filter(Boolean)
    .join('\n');
}
