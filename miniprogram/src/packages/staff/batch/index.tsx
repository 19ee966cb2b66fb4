import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { bulkApproveSchema, clauseLabel, levelDisplayName, parseWith, type BulkApproveResult, type ReviewItem } from '@skillcert/shared';
import { useState } from 'react';
import { batchReviewApi } from '../../../api/institution';
import { reviewApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { issuesByPath } from '../../../lib/issues';
import '../staff.css';
import './index.css';

type Exception = { decision: 'returned' | 'rejected'; note: string };

/**
 * A school's batch decided at once: everyone approved except the students
 * marked here, each returned or rejected with a reason.
 */
export default function BatchReviewPage() {
  const { params } = useRouter();
  const batchId = params.id ?? '';
  const waiting = useApi(() => reviewApi.queue({ state: 'submitted', channel: 'group', batchId }), [batchId]);
  const [exceptions, setExceptions] = useState<Record<string, Exception>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<BulkApproveResult>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const mark = (id: string, exception: Exception | undefined) =>
    setExceptions((current) => {
      const next = { ...current };
      if (exception) next[id] = exception;
      else delete next[id];
      return next;
    });

  const approve = async (members: ReviewItem[]) => {
    const request = { exceptions: Object.entries(exceptions).map(([applicationId, e]) => ({ applicationId, decision: e.decision, note: e.note.trim() })) };
    const parsed = parseWith(bulkApproveSchema, request);
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    setErrors({});
    const { confirm } = await Taro.showModal({
      title: '批量审核',
      content: `通过${members.length - request.exceptions.length}人，退回或不通过${request.exceptions.length}人。确定吗？`,
      confirmText: '确定',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setBusy(true);
    const decided = await batchReviewApi.approve(batchId, parsed.data);
    setBusy(false);
    if (!decided.ok) return setFailure(decided.error.message);
    setFailure(undefined);
    setResult(decided.data);
    setExceptions({});
    waiting.reload();
  };

  return (
    <View className="page batch-review">
      {result && (
        <View className="card decided" data-testid="bulk-result">
          已通过{result.approved}人，退回{result.returned}人，不通过{result.rejected}人
          {result.skipped.length > 0 && `，${result.skipped.length}人状态已变化未处理`}
          <View className="link back-to-queue" onClick={() => void Taro.navigateBack()}>
            返回审核列表 ›
          </View>
        </View>
      )}
      {failure && <View className="card warn">{failure}</View>}
      <PageState value={waiting} isEmpty={(items) => items.length === 0} emptyText="该批次没有待审核的学员">
        {(members) => {
          const batch = members[0]?.batch;
          return (
            <>
              <View className="card">
                <View className="card-title">{batch?.name}</View>
                <View className="muted">
                  {batch?.institution} · {members[0] && levelDisplayName(members[0].planId, members[0].level)} · 待审核{members.length}人
                </View>
                <View className="muted">默认全部通过；个别学员需退回或不通过时，在其名下选择并写明原因。</View>
              </View>
              {members.map((member, index) => {
                const exception = exceptions[member.id];
                const errorIndex = Object.keys(exceptions).indexOf(member.id);
                return (
                  <View key={member.id} className="card review-card" data-testid={`batch-member-${index + 1}`}>
                    <View className="line">
                      <Text className="name" onClick={() => void Taro.navigateTo({ url: `/packages/staff/review/index?id=${member.id}` })}>
                        {member.candidate.name} ›
                      </Text>
                      <Text className="muted">{member.candidate.residentIdMasked}</Text>
                    </View>
                    <View className="line">
                      {member.eligibility.eligible ? (
                        <Text className="verdict-ok">✓ {member.eligibility.satisfied.map(clauseLabel).join('、')}</Text>
                      ) : (
                        <Text className="verdict-no">✗ 不符合申报条件</Text>
                      )}
                      <Text className="muted">材料{member.materials.reduce((n, m) => n + m.files.length, 0)}份</Text>
                    </View>
                    <View className="exception-choice">
                      {(
                        [
                          [undefined, '通过'],
                          ['returned', '退回'],
                          ['rejected', '不通过'],
                        ] as const
                      ).map(([decision, label]) => (
                        <View
                          key={label}
                          className={`filter-chip ${(exception?.decision ?? undefined) === decision ? 'active' : ''}`}
                          onClick={() => mark(member.id, decision ? { decision, note: exception?.note ?? '' } : undefined)}
                        >
                          {label}
                        </View>
                      ))}
                    </View>
                    {exception && (
                      <>
                        <Input
                          className="exception-note"
                          placeholder={exception.decision === 'returned' ? '需要修改的内容' : '不通过的原因'}
                          value={exception.note}
                          maxLength={200}
                          onChange={(note) => mark(member.id, { ...exception, note })}
                        />
                        {errors[`exceptions.${errorIndex}.note`] && <View className="field-error">{errors[`exceptions.${errorIndex}.note`]}</View>}
                      </>
                    )}
                  </View>
                );
              })}
              <Button type="primary" block loading={busy} className="bulk-approve" onClick={() => void approve(members)}>
                通过其余{members.length - Object.keys(exceptions).length}人
              </Button>
            </>
          );
        }}
      </PageState>
    </View>
  );
}
