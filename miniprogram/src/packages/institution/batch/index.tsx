import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  addPhotoLabel,
  clauseLabel,
  getPlan,
  levelDisplayName,
  materialRequired,
  materialsFor,
  parseWith,
  PREREVIEW_NAMES,
  prereviewSchema,
  shotsMissing,
  type BatchMemberView,
  type BatchView,
  type RosterReport,
  type UploadedFileView,
} from '@skillcert/shared';
import { useState } from 'react';
import { pickAndUploadPhoto } from '../../../api/files';
import { batchesApi } from '../../../api/institution';
import { useApi } from '../../../api/useApi';
import { MaterialFiles } from '../../../components/MaterialFiles';
import { PageState } from '../../../components/PageState';
import { staffSession } from '../../../lib/session';
import { BatchPayment } from './BatchPayment';
import '../institution.css';
import { PlansReady } from '../../../components/PlansReady';

/**
 * One class's declaration: the roster in from Excel with a report row by row,
 * each student's proof, the school's 初审, and the batch handed to the body.
 */
/** The plan's rules are read as the server publishes them. */
export default function BatchPage() {
  return (
    <PlansReady>
      <BatchPageContent />
    </PlansReady>
  );
}

function BatchPageContent() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const loaded = useApi(() => batchesApi.one(id), [id]);
  const [batch, setBatch] = useState<BatchView>();
  const [report, setReport] = useState<RosterReport>();
  const [problem, setProblem] = useState<string>();

  const apply = (result: Awaited<ReturnType<typeof batchesApi.one>>) => {
    if (result.ok) {
      setBatch(result.data);
      setProblem(undefined);
    } else {
      setProblem(result.error.message);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
    return result.ok;
  };

  return (
    <View className="page batch-page">
      <PageState value={loaded}>
        {(fetched) => {
          const current = batch ?? fetched;
          const open = current.state === 'open';
          const pending = current.members.filter((m) => m.prereview === 'pending' && m.eligibility.eligible);
          return (
            <>
              <Summary batch={current} />
              {problem && (
                <View className="card warn" data-testid="batch-problem">
                  {problem}
                </View>
              )}
              {open && (
                <RosterCard
                  batchId={current.id}
                  report={report}
                  onReport={(next) => {
                    setReport(next);
                    setBatch(next.batch);
                  }}
                  onProblem={setProblem}
                />
              )}
              {open && pending.length > 0 && (
                <Button
                  block
                  fill="outline"
                  type="primary"
                  className="pass-all"
                  onClick={() => void batchesApi.prereview(current.id, { applicationIds: pending.map((m) => m.applicationId), decision: 'passed' }).then(apply)}
                >
                  符合条件的{pending.length}名学员初审通过
                </Button>
              )}
              {current.state === 'submitted' && <SubmittedNextStep batch={current} />}
              {current.state === 'submitted' && <BatchPayment batch={current} onPaid={() => void batchesApi.one(current.id).then(apply)} />}
              {current.members.some((m) => m.state === 'paid') && <BatchTickets batch={current} />}
              <View className="section-title">学员名单（{current.members.length}人）</View>
              {current.members.map((member) => (
                <Member key={member.applicationId} batch={current} member={member} onChanged={apply} />
              ))}
              {open && current.members.length > 0 && <SubmitBar batch={current} onSubmitted={apply} />}
            </>
          );
        }}
      </PageState>
    </View>
  );
}

/** Submitted: what the body does now, what the school does next, and how the certificates come back — in the notice's words. */
function SubmittedNextStep({ batch }: { batch: BatchView }) {
  const plan = getPlan(batch.planId);
  return (
    <View className="card next-step" data-testid="batch-next-step">
      <View className="card-title">已提交评价机构审核</View>
      <View className="muted">每名学员的审核结果显示在名单中；审核通过的学员由学校在下方统一缴费，缴费后可打印全班准考证。</View>
      {plan.collection.group && <View className="muted">证书领取：{plan.collection.group}</View>}
    </View>
  );
}

function Summary({ batch }: { batch: BatchView }) {
  const passed = batch.members.filter((m) => m.prereview === 'passed').length;
  return (
    <View className="card" data-testid="batch-summary">
      <View className="row">
        <Text className="card-title">{batch.name}</Text>
        <Tag type={batch.state === 'submitted' ? 'success' : 'primary'}>{batch.state === 'submitted' ? '已提交' : '填报中'}</Tag>
      </View>
      <View className="muted">
        {levelDisplayName(batch.planId, batch.level)} · 共{batch.members.length}人 · 初审通过{passed}人
      </View>
    </View>
  );
}

function RosterCard({
  batchId,
  report,
  onReport,
  onProblem,
}: {
  batchId: string;
  report: RosterReport | undefined;
  onReport: (report: RosterReport) => void;
  onProblem: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    setBusy(true);
    const result = await batchesApi.uploadRoster(batchId);
    setBusy(false);
    if (!result) return;
    if (result.ok) onReport(result.data);
    else onProblem(result.error.message);
  };
  const template = async () => {
    const result = await batchesApi.template();
    if (!result.ok) onProblem(result.error.message);
  };
  return (
    <View className="card roster" data-testid="roster">
      <View className="card-title">学员名单</View>
      <View className="muted">
        下载模板，按表头填写后上传。身份证号、手机号请保持文本格式；有误的行会逐行列出，其余行照常导入。再次上传可更正已导入的学员。
      </View>
      <View className="batch-actions">
        <Button fill="outline" className="download-template" onClick={() => void template()}>
          下载模板
        </Button>
        <Button type="primary" loading={busy} className="upload-roster" onClick={() => void upload()}>
          上传名单
        </Button>
      </View>
      {report && (
        <View className="roster-report" data-testid="roster-report">
          <View className="ok">本次导入{report.accepted}行。</View>
          {report.issues.length > 0 && <View className="warn">以下{new Set(report.issues.map((i) => i.row)).size}行未导入，请修改后重新上传：</View>}
          {report.issues.map((issue) => (
            <View key={`${issue.row}-${issue.column}`} className="issue">
              第{issue.row}行 · {issue.column}：{issue.message}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function Member({
  batch,
  member,
  onChanged,
}: {
  batch: BatchView;
  member: BatchMemberView;
  onChanged: (result: Awaited<ReturnType<typeof batchesApi.one>>) => boolean;
}) {
  const open = batch.state === 'open';
  const required = materialsFor(batch.planId, batch.level).uploads.filter((m) => materialRequired(m, member.eligibility.satisfied));
  const attached = required.filter((m) => (member.files[m.id] ?? 0) > 0).length;
  const [panel, setPanel] = useState<'none' | 'exclude' | 'materials'>('none');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();

  const decide = async (decision: 'passed' | 'excluded') => {
    const parsed = parseWith(prereviewSchema, { applicationIds: [member.applicationId], decision, ...(decision === 'excluded' ? { note: note.trim() } : {}) });
    if (!parsed.ok) return setNoteError(parsed.issues[0]?.message);
    setNoteError(undefined);
    if (onChanged(await batchesApi.prereview(batch.id, parsed.data))) setPanel('none');
  };

  return (
    <View className="member" data-testid={`member-${member.row}`}>
      <View className="line">
        <Text className="name">
          {member.name}
          <Text className="muted">（第{member.row}行）</Text>
        </Text>
        <Text className={member.prereview === 'excluded' ? 'warn' : member.prereview === 'passed' ? 'ok' : 'muted'}>
          {open ? PREREVIEW_NAMES[member.prereview] : member.stateLabel}
        </Text>
      </View>
      <View className="line muted">
        <Text>{member.residentIdMasked}</Text>
        <Text>{member.phoneMasked}</Text>
      </View>
      <View className="line">
        {member.eligibility.eligible ? (
          <Text className="ok">✓ {member.eligibility.satisfied.map(clauseLabel).join('、')}</Text>
        ) : (
          <Text className="warn">✗ {member.eligibility.reasons[0] ?? '不符合申报条件'}</Text>
        )}
        <Text className={attached === required.length ? 'ok' : 'warn'}>
          材料 {attached}/{required.length}
        </Text>
      </View>
      {member.prereviewNote && <View className="muted">原因：{member.prereviewNote}</View>}
      {open && (
        <View className="member-actions">
          <Button size="small" fill="outline" className="attach" onClick={() => setPanel(panel === 'materials' ? 'none' : 'materials')}>
            上传材料
          </Button>
          {member.prereview !== 'excluded' && (
            <Button size="small" fill="outline" className="exclude" onClick={() => setPanel(panel === 'exclude' ? 'none' : 'exclude')}>
              不予申报
            </Button>
          )}
          {member.prereview !== 'passed' && member.eligibility.eligible && (
            <Button size="small" type="primary" className="pass" onClick={() => void decide('passed')}>
              初审通过
            </Button>
          )}
        </View>
      )}
      {panel === 'exclude' && (
        <View>
          <Input className="exclude-note" placeholder="不予申报的原因（学员可见）" value={note} maxLength={200} onChange={setNote} />
          {noteError && <View className="field-error">{noteError}</View>}
          <Button size="small" type="danger" className="confirm-exclude" onClick={() => void decide('excluded')}>
            确认不予申报
          </Button>
        </View>
      )}
      {panel === 'materials' && (
        <MemberMaterials
          batch={batch}
          member={member}
          onSaved={(result) => {
            if (onChanged(result)) setPanel('none');
          }}
        />
      )}
    </View>
  );
}

/** The student's proof, photographed by the clerk; saving replaces what was there. */
function MemberMaterials({
  batch,
  member,
  onSaved,
}: {
  batch: BatchView;
  member: BatchMemberView;
  onSaved: (result: Awaited<ReturnType<typeof batchesApi.one>>) => void;
}) {
  const { uploads } = materialsFor(batch.planId, batch.level);
  const [files, setFiles] = useState<Record<string, UploadedFileView[]>>({});
  const [busy, setBusy] = useState<string>();

  const add = async (materialId: string) => {
    setBusy(materialId);
    const result = await pickAndUploadPhoto(staffSession);
    setBusy(undefined);
    if (!result) return;
    if (!result.ok) return void Taro.showToast({ title: result.error.message, icon: 'none', duration: 3000 });
    setFiles((current) => ({ ...current, [materialId]: [...(current[materialId] ?? []), result.data] }));
  };
  const save = async () => {
    setBusy('save');
    const result = await batchesApi.memberMaterials(batch.id, member.applicationId, {
      materials: Object.entries(files).map(([materialId, list]) => ({ materialId, fileIds: list.map((f) => f.id) })),
    });
    setBusy(undefined);
    onSaved(result);
  };

  return (
    <View className="member-materials">
      {uploads.map((material) => {
        const attached = files[material.id] ?? [];
        const missing = shotsMissing(material, attached);
        return (
          <View key={material.id} className="member-material" data-testid={`member-material-${material.id}`}>
            <View>
              {material.name}
              <Text className="muted">（已有{member.files[material.id] ?? 0}份）</Text>
            </View>
            <MaterialFiles files={attached} />
            {missing.length > 0 && <View className="shot-missing">还需拍摄{missing.join('、')}</View>}
            <Button size="small" className="material-add" loading={busy === material.id} onClick={() => void add(material.id)}>
              {addPhotoLabel(material, attached.length)}
            </Button>
          </View>
        );
      })}
      <Button
        size="small"
        type="primary"
        className="save-materials"
        disabled={Object.keys(files).length === 0}
        loading={busy === 'save'}
        onClick={() => void save()}
      >
        保存（替换该学员原有材料）
      </Button>
    </View>
  );
}

/** The class's tickets to print, one page each, from the day they open (before that, the day they will). */
function BatchTickets({ batch }: { batch: BatchView }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const download = async () => {
    setBusy(true);
    const result = await batchesApi.tickets(batch.id, batch.name);
    setBusy(false);
    setNotice(result.ok ? undefined : result.error.message);
  };
  return (
    <View className="card" data-testid="batch-tickets">
      <View className="card-title">准考证</View>
      <View className="muted">已缴费学员的准考证合为一个PDF，每人一页，可直接打印。</View>
      <Button block fill="outline" type="primary" loading={busy} className="download-tickets" onClick={() => void download()}>
        下载全班准考证
      </Button>
      {notice && <View className="field-error">{notice}</View>}
    </View>
  );
}

function SubmitBar({ batch, onSubmitted }: { batch: BatchView; onSubmitted: (result: Awaited<ReturnType<typeof batchesApi.one>>) => boolean }) {
  const [busy, setBusy] = useState(false);
  const passed = batch.members.filter((m) => m.prereview === 'passed').length;
  // Nothing to send yet: say what comes first, rather than a dialog offering to send no one.
  if (passed === 0) {
    return (
      <View className="card" data-testid="submit-blocked">
        <View className="muted">还没有初审通过的学员。请先在名单中初审（可用上方的“初审通过”按钮一次完成），初审通过的学员才会提交认定机构审核。</View>
        <Button type="primary" block disabled className="submit-batch">
          提交批次
        </Button>
      </View>
    );
  }
  const submit = async () => {
    const { confirm } = await Taro.showModal({
      title: '提交批次',
      content: `将${passed}名初审通过的学员提交认定机构审核，提交后不能再修改名单。确定提交吗？`,
      confirmText: '提交',
      cancelText: '再检查',
    });
    if (!confirm) return;
    setBusy(true);
    onSubmitted(await batchesApi.submit(batch.id));
    setBusy(false);
  };
  return (
    <Button type="primary" block loading={busy} className="submit-batch" onClick={() => void submit()}>
      {`提交${passed}名学员`}
    </Button>
  );
}
