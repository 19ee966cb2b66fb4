import { Button, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { MISCONDUCT_ACTS, misconductSchema, parseWith, type CandidateAtDoor, type MisconductView } from '@skillcert/shared';
import { useState } from 'react';
import { misconductApi } from '../../../api/staff';
import { ChoiceField } from '../../../components/ChoiceField';

type Article = 1 | 2 | 3 | 4;

/**
 * The proctor records what happened, in the 须知's own terms: the article, the
 * act it lists, the subject (article 2) or how serious (articles 1 and 4), and what
 * they saw (article 1 after the sitting counts as article 4(1), so there too). The consequence is the rule's, not the proctor's: it comes back with the record.
 */
export function MisconductForm({ candidate, onRecorded }: { candidate: CandidateAtDoor; onRecorded: (record: MisconductView) => void }) {
  const [article, setArticle] = useState<Article>(2);
  const [act, setAct] = useState<string>(MISCONDUCT_ACTS[2].acts[0]!);
  const [subject, setSubject] = useState<'theory' | 'practical'>('theory');
  // Two years or five: the proctor decides; nothing is assumed.
  const [severity, setSeverity] = useState<'minor' | 'serious'>();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = parseWith(misconductSchema, {
      applicationId: candidate.applicationId,
      article,
      act,
      note,
      ...(article === 2 ? { subject } : {}),
      ...(article === 1 || article === 4 ? (severity ? { severity } : {}) : {}),
    });
    if (!parsed.ok) return setProblem(parsed.issues[0]?.message);
    setBusy(true);
    const result = await misconductApi.record(parsed.data);
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(undefined);
    onRecorded(result.data);
  };

  return (
    <View className="misconduct-form" data-testid="misconduct-form">
      <ChoiceField
        testId="misconduct-article"
        label="违纪条款"
        value={article}
        options={([1, 2, 3, 4] as const).map((a) => ({ value: a, label: MISCONDUCT_ACTS[a].title }))}
        onChange={(a) => {
          setArticle(a);
          setAct(MISCONDUCT_ACTS[a].acts[0]!);
        }}
      />
      <View className="muted article-title">{MISCONDUCT_ACTS[article].heading}</View>
      <ChoiceField
        testId="misconduct-act"
        label="违纪行为"
        value={act}
        options={MISCONDUCT_ACTS[article].acts.map((a) => ({ value: a, label: a }))}
        onChange={setAct}
      />
      {article === 2 && (
        <ChoiceField
          testId="misconduct-subject"
          label="科目"
          value={subject}
          options={[
            { value: 'theory', label: '理论知识' },
            { value: 'practical', label: '操作技能' },
          ]}
          onChange={setSubject}
        />
      )}
      {(article === 1 || article === 4) && (
        <ChoiceField
          testId="misconduct-severity"
          label={article === 1 ? '情节（已参加考核的须注明）' : '情节'}
          value={severity}
          options={[
            { value: 'minor', label: '情节轻微' },
            { value: 'serious', label: '情节严重' },
          ]}
          onChange={setSeverity}
        />
      )}
      <TextArea className="misconduct-note" placeholder="经过（时间、地点、经提醒的情况）" value={note} onChange={(v) => setNote(v)} maxLength={500} />
      {problem && <View className="field-error">{problem}</View>}
      <Button type="primary" block loading={busy} className="record-misconduct" onClick={() => void submit()}>
        记录违纪
      </Button>
    </View>
  );
}
