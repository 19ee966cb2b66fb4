import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  APPLICATION_STATE_NAMES,
  applicationWindow,
  duplicateOf,
  evaluateEligibility,
  formatChineseDate,
  windowStage,
  WINDOW_STAGE_NAMES,
  getPlan,
  LEVEL_NAMES,
  materialsIssues,
  offeredLevels,
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
import { ChoiceField } from '../../../components/ChoiceField';
import { EMPTY_DRAFT, fromFacts, toFacts, type FactsDraft } from '../../../lib/factsDraft';
import { issuesByPath } from '../../../lib/issues';
import { todayInShanghai } from '../../../lib/dates';
import { FactsForm, LEVEL_OPTIONS } from './FactsForm';
import { type MaterialsDraftState } from './MaterialsForm';
import { SubmitCard } from './SubmitCard';
import './index.css';
import { PlansReady } from '../../../components/PlansReady';

/** The plan's rules are read as the server publishes them. */
export default function EligibilityPage() {
  return (
    <PlansReady>
      <EligibilityPageContent />
    </PlansReady>
  );
}

function EligibilityPageContent() {
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
  const today = todayInShanghai();

  const parsed = useMemo(() => toFacts(draft), [draft]);
  const local = useMemo(() => (parsed.ok ? evaluateEligibility(plan.id, level, parsed.facts, today) : undefined), [parsed, plan.id, level, today]);
  const errors = parsed.ok ? {} : issuesByPath(parsed.issues);

  const [materials, setMaterials] = useState<MaterialsDraftState>(correcting ? materialsOf(correcting) : { files: {}, signatures: {} });
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

      <FactsForm plan={plan} level={level} draft={draft} onChange={setDraft} errors={errors} birthOnFile={birthOnFile} today={today} />

      <Verdict result={local} level={level} pending={pendingReason(draft, parsed.ok)} />
      {canApply && local?.eligible && parsed.ok && !pendingReason(draft, parsed.ok) && (
        <SubmitCard
          plan={plan}
          level={level}
          facts={parsed.facts}
          satisfied={local.satisfied}
          materials={materials}
          onMaterialsChange={setMaterials}
          materialErrors={materialErrors}
          correcting={correcting}
          fromApplication={fromApplication}
        />
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
