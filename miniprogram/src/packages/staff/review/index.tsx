import { Button, Cell, CellGroup, Checkbox, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  clauseLabel,
  clauseText,
  correctableItems,
  describeFacts,
  formatAmount,
  formatChineseDate,
  getPlan,
  levelDisplayName,
  parseWith,
  rejectSchema,
  residentIdRevealable,
  returnSchema,
  type ReviewItem,
} from '@skillcert/shared';
import { useEffect, useState } from 'react';
import { reviewApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { MaterialFiles } from '../../../components/MaterialFiles';
import { PageState } from '../../../components/PageState';
import { formatInstant, Timeline } from '../../../components/Timeline';
import { issuesByPath } from '../../../lib/issues';
import '../staff.css';
import './index.css';
import { PlansReady } from '../../../components/PlansReady';

type Mode = 'view' | 'return' | 'reject';

/**
 * One application as the reviewer decides it: who, the engine's verdict and
 * the declared facts, the proof beside them (tap to zoom), then the decision.
 */
/** The plan's rules are read as the server publishes them. */
export default function ReviewPage() {
  return (
    <PlansReady>
      <ReviewPageContent />
    </PlansReady>
  );
}

function ReviewPageContent() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const loaded = useApi(() => reviewApi.one(id), [id]);
  const [decided, setDecided] = useState<ReviewItem>();
  const [notice, setNotice] = useState<string>();

  return (
    <View className="page review-page">
      <PageState value={loaded}>
        {(fetched) => {
          const item = decided ?? fetched;
          return (
            <>
              {notice && (
                <View className="card decided" data-testid="decision-notice">
                  {notice}
                </View>
              )}
              <Summary item={item} />
              <Verdict item={item} />
              {/* The proof first, large: the facts below are what it is checked against. */}
              <Materials item={item} />
              <Facts item={item} />
              {item.visit && (
                <CellGroup title="现场核验预约">
                  <Cell title={item.visit.label} extra={item.visit.code} />
                </CellGroup>
              )}
              <CellGroup title="办理记录">
                <Timeline events={item.timeline} />
              </CellGroup>
              {item.state === 'submitted' && (
                <Decision
                  item={item}
                  onDecided={(after, message) => {
                    setDecided(after);
                    setNotice(message);
                    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
                  }}
                />
              )}
              {item.state !== 'submitted' && (
                <Button block fill="outline" className="back-to-queue" onClick={() => void Taro.navigateBack()}>
                  返回审核列表
                </Button>
              )}
            </>
          );
        }}
      </PageState>
    </View>
  );
}

function Summary({ item }: { item: ReviewItem }) {
  const plan = getPlan(item.planId);
  return (
    <View className="card" data-testid="review-summary">
      <View className="row">
        <Text className="card-title">{item.candidate.name}</Text>
        <Tag type={item.state === 'submitted' ? 'warning' : item.state === 'approved' ? 'success' : 'default'}>{item.stateLabel}</Tag>
      </View>
      <View className="muted">
        {item.candidate.residentIdMasked} · {item.candidate.age}岁 · {item.channel === 'group' ? '团体申报' : '个人申报'}
      </View>
      {residentIdRevealable(item) && <FullResidentId item={item} />}
      <View className="summary-level">{levelDisplayName(item.planId, item.level)}</View>
      <View className="muted">
        {plan.body.shortName} · {formatChineseDate(item.appliedOn)}申报 · 考核费 {formatAmount(item.feeFen)}
      </View>
      {item.seat && (
        <View className="muted">
          场次：{formatChineseDate(item.seat.date)} {item.seat.site}
        </View>
      )}
    </View>
  );
}

/**
 * At the counter the reviewer matches the original card digit by digit: the whole number, shown only
 * when asked for, and each reading recorded on the application (the candidate sees it too).
 */
function FullResidentId({ item }: { item: ReviewItem }) {
  const [full, setFull] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const reveal = async () => {
    const { confirm } = await Taro.showModal({
      title: '显示完整身份证号码',
      content: '仅在现场核对身份证原件时查看。查看将记入该报名的办理记录。',
      confirmText: '显示',
      cancelText: '取消',
    });
    if (!confirm) return;
    const result = await reviewApi.revealResidentId(item.id);
    if (result.ok) setFull(result.data.residentId);
    else setProblem(result.error.message);
  };
  if (full) {
    return (
      <View className="full-resident-id" data-testid="full-resident-id">
        <Text className="resident-id-digits">{full}</Text>
        <View className="muted">已记入办理记录</View>
      </View>
    );
  }
  return (
    <>
      <View className="link reveal-resident-id" onClick={() => void reveal()}>
        核对原件：显示完整号码
      </View>
      {problem && <View className="field-error">{problem}</View>}
    </>
  );
}

function Verdict({ item }: { item: ReviewItem }) {
  const { eligible, satisfied, reasons } = item.eligibility;
  return (
    <View className={`card verdict ${eligible ? 'eligible' : 'ineligible'}`} data-testid="verdict">
      {eligible ? (
        <>
          <View className="verdict-ok verdict-head">✓ 系统核验：符合申报条件</View>
          <View className="verdict-clauses">{satisfied.map(clauseLabel).join('、')}</View>
          {satisfied.map((id) => (
            <View key={id} className="muted">
              {clauseText(item.planId, id)}
            </View>
          ))}
          <View className="muted">请对照下方材料核实所申报的事实。</View>
        </>
      ) : (
        <>
          <View className="verdict-no verdict-head">✗ 系统核验：不符合申报条件</View>
          {reasons.map((reason) => (
            <View key={reason} className="verdict-reason">
              {reason}
            </View>
          ))}
        </>
      )}
    </View>
  );
}

function Facts({ item }: { item: ReviewItem }) {
  return (
    <CellGroup title="申报信息" className="facts" data-testid="facts">
      {describeFacts(item.facts, item.appliedOn).map((section) => (
        <Cell key={section.title} title={section.title} description={section.lines.join('\n')} />
      ))}
    </CellGroup>
  );
}

function Materials({ item }: { item: ReviewItem }) {
  return (
    <CellGroup title="申报材料">
      {item.materials.map((material) => (
        <View key={material.materialId} className="review-material" data-testid={`review-material-${material.materialId}`}>
          <View className="material-name">
            {material.name}
            <Text className="muted">（{material.files.length}份）</Text>
          </View>
          <MaterialFiles files={material.files} large />
          {material.sidesMissing && <View className="shot-missing">未上传{material.sidesMissing.join('、')}照片</View>}
        </View>
      ))}
      {item.commitments.map((c) => (
        <View key={c.materialId} className="review-material" data-testid={`review-commitment-${c.materialId}`}>
          <View className="material-name">{c.name}</View>
          <View className="muted">
            签名“{c.signedName}” · {formatInstant(c.signedAt)}
          </View>
        </View>
      ))}
    </CellGroup>
  );
}

function Decision({ item, onDecided }: { item: ReviewItem; onDecided: (after: ReviewItem, message: string) => void }) {
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  // The form opens at the end of a long page: brought under the reviewer's eyes, or the tap seems to do nothing.
  useEffect(() => {
    if (mode !== 'view') void Taro.pageScrollTo({ selector: '.decision-form', duration: 200 }).catch(() => undefined);
  }, [mode]);

  const run = async (request: () => ReturnType<typeof reviewApi.approve>, message: (after: ReviewItem) => string) => {
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(undefined);
    setMode('view');
    onDecided(result.data, message(result.data));
  };

  const approve = async () => {
    const { confirm } = await Taro.showModal({
      title: '审核通过',
      content: `确认${item.candidate.name}的申报审核通过？通过后系统将为其安排考核场次。`,
      confirmText: '通过',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await run(
      () => reviewApi.approve(item.id),
      (after) => (after.seat ? `已通过，已安排${formatChineseDate(after.seat.date)}场次` : '已通过，当前场次已满，已列入候补'),
    );
  };

  return (
    <View className="decision" data-testid="decision">
      {failure && <View className="card warn">{failure}</View>}
      {mode === 'view' && (
        <View className="decision-bar docked">
          <Button className="reject" fill="outline" onClick={() => setMode('reject')}>
            不通过
          </Button>
          <Button className="return" fill="outline" type="primary" onClick={() => setMode('return')}>
            退回修改
          </Button>
          <Button className="approve" type="primary" loading={busy} onClick={() => void approve()}>
            通过
          </Button>
        </View>
      )}
      {mode === 'return' && (
        <ReturnForm
          item={item}
          busy={busy}
          onCancel={() => setMode('view')}
          onSubmit={(request) =>
            void run(
              () => reviewApi.returnForCorrection(item.id, request),
              () => '已退回考生修改',
            )
          }
        />
      )}
      {mode === 'reject' && (
        <RejectForm
          busy={busy}
          onCancel={() => setMode('view')}
          onSubmit={(reason) =>
            void run(
              () => reviewApi.reject(item.id, reason),
              () => '已作不通过处理',
            )
          }
        />
      )}
    </View>
  );
}

/** Per item: tick what is wrong and say why; the candidate sees each note beside the thing to fix. */
function ReturnForm({
  item,
  busy,
  onCancel,
  onSubmit,
}: {
  item: ReviewItem;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (request: { note?: string; items: { item: string; note: string }[] }) => void;
}) {
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const chosen = Object.entries(notes);

  const submit = () => {
    const request = { ...(general.trim() ? { note: general.trim() } : {}), items: chosen.map(([key, note]) => ({ item: key, note: note.trim() })) };
    const parsed = parseWith(returnSchema, request);
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    setErrors({});
    onSubmit(parsed.data);
  };

  return (
    <View className="card decision-form" data-testid="return-form">
      <View className="card-title">退回修改</View>
      <View className="muted">勾选需要考生修改的项目并写明原因。</View>
      {correctableItems(item.planId, item.level).map(({ item: key, label }) => (
        <View key={key} className="correction" data-testid={`correction-${key}`}>
          <Checkbox
            label={label}
            checked={key in notes}
            onChange={(checked) =>
              setNotes((current) => {
                const next = { ...current };
                if (checked) next[key] = '';
                else delete next[key];
                return next;
              })
            }
          />
          {key in notes && (
            <>
              <Input
                className="correction-note"
                placeholder="需要修改的内容"
                value={notes[key]}
                maxLength={200}
                onChange={(note) => setNotes((current) => ({ ...current, [key]: note }))}
              />
              {errors[`items.${chosen.findIndex(([k]) => k === key)}.note`] && (
                <View className="field-error">{errors[`items.${chosen.findIndex(([k]) => k === key)}.note`]}</View>
              )}
            </>
          )}
        </View>
      ))}
      <TextArea className="general-note" placeholder="补充说明（选填）" value={general} onChange={setGeneral} maxLength={500} />
      {errors.note && <View className="field-error">{errors.note}</View>}
      <View className="decision-bar">
        <Button fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" className="confirm-return" loading={busy} onClick={submit}>
          确认退回
        </Button>
      </View>
    </View>
  );
}

function RejectForm({ busy, onCancel, onSubmit }: { busy: boolean; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const submit = () => {
    const parsed = parseWith(rejectSchema, { reason: reason.trim() });
    if (!parsed.ok) return setError(parsed.issues[0]?.message);
    onSubmit(parsed.data.reason);
  };
  return (
    <View className="card decision-form" data-testid="reject-form">
      <View className="card-title">不通过</View>
      <View className="muted">原因将告知考生，请写明依据。</View>
      <TextArea className="reject-reason" placeholder="不通过的原因" value={reason} onChange={setReason} maxLength={500} />
      {error && <View className="field-error">{error}</View>}
      <View className="decision-bar">
        <Button fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button type="danger" className="confirm-reject" loading={busy} onClick={submit}>
          确认不通过
        </Button>
      </View>
    </View>
  );
}
