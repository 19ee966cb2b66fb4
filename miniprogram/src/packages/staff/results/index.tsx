import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatChineseDate, LEVEL_SHORT, type ScoreImportReport, type SessionResultsView, type SubjectKind } from '@skillcert/shared';
import { useState } from 'react';
import { resultsApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { formatInstant } from '../../../components/Timeline';
import { staffSession } from '../../../lib/session';
import '../staff.css';
import './index.css';

/**
 * A session's marks: the sheet to fill (its candidates already listed), the
 * filled sheet back — kept whole or not at all, each problem by row and column —
 * and publication, by an admin who entered none of the marks.
 */
export default function ResultsPage() {
  const { params } = useRouter();
  const sessionId = params.sessionId ?? '';
  const loaded = useApi(() => resultsApi.view(sessionId), [sessionId]);
  const [view, setView] = useState<SessionResultsView>();
  const [report, setReport] = useState<ScoreImportReport>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const isAdmin = staffSession.current()?.staff.roles.includes('admin') ?? false;

  const refresh = async () => {
    const next = await resultsApi.view(sessionId);
    if (next.ok) setView(next.data);
  };
  const upload = async () => {
    setBusy(true);
    const result = await resultsApi.upload(sessionId);
    setBusy(false);
    if (!result) return;
    if (!result.ok) return setProblem(result.error.message);
    setProblem(undefined);
    setReport(result.data);
    await refresh();
  };
  const publish = async (current: SessionResultsView) => {
    const { confirm } = await Taro.showModal({
      title: '发布成绩',
      content: `将向本场次${current.candidates.length}名考生发布成绩并通知，发布后不能修改。确定发布吗？`,
      confirmText: '发布',
      cancelText: '再核对',
    });
    if (!confirm) return;
    setBusy(true);
    const result = await resultsApi.publish(sessionId);
    setBusy(false);
    if (result.ok) {
      setView(result.data);
      setProblem(undefined);
    } else setProblem(result.error.message);
  };

  return (
    <View className="page results-page">
      <PageState value={loaded}>
        {(fetched) => {
          const current = view ?? fetched;
          return (
            <>
              <View className="card" data-testid="results-session">
                <View className="row">
                  <Text className="card-title">{current.session.site}</Text>
                  <Tag type={current.published ? 'success' : 'primary'}>{current.published ? '已发布' : '未发布'}</Tag>
                </View>
                <View className="muted">
                  {formatChineseDate(current.session.date)} · {current.candidates.length}名考生
                  {current.enteredBy.length ? ` · 录入：${current.enteredBy.join('、')}` : ''}
                </View>
                {current.published && (
                  <View className="muted">
                    {current.published.by} 于{formatInstant(current.published.at)}发布
                  </View>
                )}
                {!current.published && (
                  <View className="results-actions">
                    <Button fill="outline" className="download-scores" onClick={() => void resultsApi.template(sessionId)}>
                      下载成绩表
                    </Button>
                    <Button type="primary" loading={busy} className="upload-scores" onClick={() => void upload()}>
                      上传成绩表
                    </Button>
                  </View>
                )}
                {report && (
                  <View className="score-report" data-testid="score-report">
                    {report.issues.length === 0 ? (
                      <View>已导入{report.imported}名考生的成绩</View>
                    ) : (
                      <>
                        <View className="field-error">成绩表有{report.issues.length}处问题，未导入任何成绩。请修改后重新上传：</View>
                        {report.issues.map((issue) => (
                          <View key={`${issue.row}-${issue.column}`} className="issue">
                            第{issue.row}行 · {issue.column}：{issue.message}
                          </View>
                        ))}
                      </>
                    )}
                  </View>
                )}
                {problem && <View className="field-error">{problem}</View>}
                {!current.published && isAdmin && (
                  <Button type="primary" block loading={busy} className="publish-results" onClick={() => void publish(current)}>
                    发布成绩
                  </Button>
                )}
              </View>
              {current.candidates.map((c) => (
                <ResultRow key={c.applicationId} sessionId={sessionId} candidate={c} editable={!current.published && c.present} onSaved={setView} />
              ))}
            </>
          );
        }}
      </PageState>
    </View>
  );
}

/** One candidate's marks; tapped before publication, typed in by hand — the same checks as a sheet's row. */
function ResultRow({
  sessionId,
  candidate: c,
  editable,
  onSaved,
}: {
  sessionId: string;
  candidate: SessionResultsView['candidates'][number];
  editable: boolean;
  onSaved: (view: SessionResultsView) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [scores, setScores] = useState<Partial<Record<SubjectKind, string>>>({});
  const [problem, setProblem] = useState<string>();
  const save = async () => {
    const result = await resultsApi.enter(sessionId, c.applicationId, scores);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(undefined);
    setEditing(false);
    onSaved(result.data);
  };
  return (
    <View className="card result-row" data-testid={`result-${c.ticketNo}`} onClick={() => editable && !editing && setEditing(true)}>
      <View className="row">
        <Text className="name">
          {c.name}{' '}
          <Text className="muted">
            {c.ticketNo} · {LEVEL_SHORT[c.level]}
          </Text>
        </Text>
        <Text className={c.passed ? 'pass' : 'fail'}>{!c.present ? '缺考' : !c.complete ? '待录入' : c.passed ? '合格' : '不合格'}</Text>
      </View>
      <View className="muted">{c.subjects.map((s) => `${s.name} ${s.score !== undefined ? s.score : (s.note ?? '—')}`).join(' · ')}</View>
      {editing && (
        <View className="score-entry" onClick={(e) => e.stopPropagation()}>
          {c.subjects
            .filter((s) => !s.note?.startsWith('成绩取消'))
            .map((s) => (
              <View key={s.kind} className="row score-field">
                <Text>{s.name}</Text>
                <Input
                  className={`score-${s.kind}`}
                  placeholder="0-100 或 缺考"
                  value={scores[s.kind] ?? (s.score !== undefined ? String(s.score) : '')}
                  onChange={(v) => setScores((current) => ({ ...current, [s.kind]: v }))}
                />
              </View>
            ))}
          {problem && <View className="field-error">{problem}</View>}
          <Button size="small" type="primary" className="save-scores" onClick={() => void save()}>
            保存成绩
          </Button>
        </View>
      )}
    </View>
  );
}
