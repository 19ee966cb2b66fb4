import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  createBatchSchema,
  getPlan,
  LEVEL_SHORT,
  levelDisplayName,
  offeredLevels,
  parseWith,
  planIdsOfBody,
  type BatchView,
  type Level,
} from '@skillcert/shared';
import { useState } from 'react';
import { batchesApi } from '../../../api/institution';
import { staffSignOut } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { ChoiceField } from '../../../components/ChoiceField';
import { PageState } from '../../../components/PageState';
import { TextField } from '../../../components/TextField';
import { issuesByPath } from '../../../lib/issues';
import { staffSession } from '../../../lib/session';
import '../institution.css';
import { staffSignInAgain } from '../../../lib/returnTo';

/** A school's group declarations: the batches so far, and a new one for a plan and level. */
export default function BatchesPage() {
  const session = staffSession.current();
  const batches = useApi(() => batchesApi.list(), []);
  useDidShow(() => {
    if (!staffSession.current()) staffSignInAgain();
    else batches.reload();
  });
  const signOut = async () => {
    await staffSignOut();
    void Taro.redirectTo({ url: '/packages/staff/login/index' });
  };

  return (
    <View className="page batches-page">
      {session && (
        <View className="row clerk-bar">
          <Text className="clerk">
            {session.staff.institution?.name ?? ''} · {session.staff.displayName}
          </Text>
          <Text className="link" onClick={() => void signOut()}>
            退出
          </Text>
        </View>
      )}
      {session && (
        <NewBatch bodyId={session.staff.bodyId} onCreated={(batch) => void Taro.navigateTo({ url: `/packages/institution/batch/index?id=${batch.id}` })} />
      )}
      <PageState value={batches} isEmpty={(list) => list.length === 0} emptyText="还没有申报批次">
        {(list) => (
          <CellGroup title="申报批次" data-testid="batches">
            {list.map((batch) => (
              <Cell
                key={batch.id}
                className="batch-row"
                title={batch.name}
                description={`${levelDisplayName(batch.planId, batch.level)} · ${batch.members.length}人`}
                extra={batch.state === 'submitted' ? '已提交' : '填报中'}
                onClick={() => void Taro.navigateTo({ url: `/packages/institution/batch/index?id=${batch.id}` })}
              />
            ))}
          </CellGroup>
        )}
      </PageState>
    </View>
  );
}

function NewBatch({ bodyId, onCreated }: { bodyId: string; onCreated: (batch: BatchView) => void }) {
  const planIds = planIdsOfBody(bodyId);
  const [planId, setPlanId] = useState(planIds[0] ?? '');
  const levels = planId ? offeredLevels(getPlan(planId)) : [];
  const [level, setLevel] = useState<Level>(levels.includes(4) ? 4 : (levels[0] ?? 4));
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const parsed = parseWith(createBatchSchema, { planId, level, name: name.trim() });
    if (!parsed.ok) return setErrors(issuesByPath(parsed.issues));
    setErrors({});
    setBusy(true);
    const created = await batchesApi.create(parsed.data);
    setBusy(false);
    if (created.ok) onCreated(created.data);
    else setErrors({ name: created.error.message });
  };

  return (
    <View className="card new-batch" data-testid="new-batch">
      <View className="card-title">新建申报批次</View>
      {planIds.length > 1 && (
        <ChoiceField label="认定计划" value={planId} options={planIds.map((id) => ({ value: id, label: `${getPlan(id).year}年度` }))} onChange={setPlanId} />
      )}
      <ChoiceField label="申报等级" value={level} options={levels.map((l) => ({ value: l, label: LEVEL_SHORT[l] }))} onChange={setLevel} testId="batch-level" />
      <TextField
        className="batch-name"
        label="批次名称"
        placeholder="如：2026届呼叫中心1班"
        value={name}
        onChange={setName}
        maxLength={60}
        error={errors.name}
      />
      <Button type="primary" block loading={busy} className="create-batch" onClick={() => void create()}>
        新建批次
      </Button>
    </View>
  );
}
