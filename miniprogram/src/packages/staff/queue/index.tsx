import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import {
  clauseLabel,
  formatChineseDate,
  getPlan,
  LEVEL_SHORT,
  levelDisplayName,
  offeredLevels,
  planIdsOfBody,
  type Level,
  type ReviewItem,
  type ReviewQuery,
} from '@skillcert/shared';
import { useState } from 'react';
import { reviewApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { staffSession } from '../../../lib/session';
import { FilterChips } from '../FilterChips';
import { StaffBar } from '../StaffBar';
import '../staff.css';
import './index.css';
import { staffSignInAgain } from '../../../lib/returnTo';

type StateFilter = ReviewQuery['state'];
const STATES: { value: StateFilter; label: string }[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'returned', label: '已退回' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '不通过' },
  { value: 'withdrawn', label: '已撤回' },
];
const CHANNELS: { value: ReviewQuery['channel']; label: string }[] = [
  { value: undefined, label: '全部渠道' },
  { value: 'individual', label: '个人申报' },
  { value: 'group', label: '团体申报' },
];

/** The reviewer's queue: what waits for a decision, filtered the way the counter works; and the counter's code lookup. */
export default function ReviewQueuePage() {
  const session = staffSession.current();
  const planIds = session ? planIdsOfBody(session.staff.bodyId) : [];
  const [state, setState] = useState<StateFilter>('submitted');
  const [planId, setPlanId] = useState<string | undefined>(planIds.length === 1 ? planIds[0] : undefined);
  const [level, setLevel] = useState<Level | undefined>();
  const [channel, setChannel] = useState<ReviewQuery['channel']>();

  const queue = useApi(() => reviewApi.queue({ state, planId, level, channel }), [state, planId, level, channel]);
  useDidShow(() => {
    if (!staffSession.current()) staffSignInAgain();
    else queue.reload();
  });
  usePullDownRefresh(() => {
    queue.reload();
    void Taro.stopPullDownRefresh();
  });

  const levels = planId ? offeredLevels(getPlan(planId)) : ([5, 4, 3, 2, 1] as Level[]);

  return (
    <View className="page review-queue">
      <StaffBar />
      <CounterLookup />
      <FilterChips testId="filter-state" value={state} options={STATES} onChange={setState} />
      {planIds.length > 1 && (
        <FilterChips
          testId="filter-plan"
          value={planId}
          options={[
            { value: undefined, label: '全部计划' },
            ...planIds.map((id) => ({ value: id, label: `${getPlan(id).year}年度 ${getPlan(id).body.shortName}` })),
          ]}
          onChange={(id) => {
            setPlanId(id);
            setLevel(undefined);
          }}
        />
      )}
      <FilterChips
        testId="filter-level"
        value={level}
        options={[{ value: undefined, label: '全部等级' }, ...levels.map((l) => ({ value: l, label: LEVEL_SHORT[l] }))]}
        onChange={setLevel}
      />
      <FilterChips testId="filter-channel" value={channel} options={CHANNELS} onChange={setChannel} />
      <PageState value={queue} isEmpty={(items) => items.length === 0} emptyText="没有符合条件的报名">
        {(items) => (
          <View data-testid="queue">
            <View className="muted queue-count">共 {items.length} 件</View>
            {items.map((item) => (
              <QueueCard key={item.id} item={item} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}

function QueueCard({ item }: { item: ReviewItem }) {
  const batch = item.batch;
  const open = () => void Taro.navigateTo({ url: `/packages/staff/review/index?id=${item.id}` });
  return (
    <View className="card review-card" data-testid="queue-item" onClick={open}>
      <View className="line">
        <Text className="name">{item.candidate.name}</Text>
        <Text className={`channel-badge ${item.channel}`}>{item.channel === 'group' ? '团体' : '个人'}</Text>
      </View>
      <View className="line muted">
        <Text>{item.candidate.residentIdMasked}</Text>
        <Text>{item.candidate.age}岁</Text>
      </View>
      <View className="line">
        <Text>{levelDisplayName(item.planId, item.level)}</Text>
        <Text className="muted">{formatChineseDate(item.appliedOn)}</Text>
      </View>
      <View className="line">
        {item.eligibility.eligible ? (
          <Text className="verdict-ok">✓ {item.eligibility.satisfied.map(clauseLabel).join('、')}</Text>
        ) : (
          <Text className="verdict-no">✗ 不符合申报条件</Text>
        )}
        {item.visit && <Text className="muted">预约 {item.visit.label}</Text>}
      </View>
      {batch && (
        <View className="line">
          <Text className="muted">
            {batch.institution} · {batch.name}
          </Text>
          {item.state === 'submitted' && (
            <Text
              className="link batch-link"
              onClick={(event) => {
                event.stopPropagation();
                void Taro.navigateTo({ url: `/packages/staff/batch/index?id=${batch.id}` });
              }}
            >
              整批审核 ›
            </Text>
          )}
        </View>
      )}
    </View>
  );
}

/**
 * At the acceptance counter: the candidate shows the QR code of the booked visit;
 * the reviewer scans it (WeChat) or types the 8 characters under it.
 */
function CounterLookup() {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const lookUp = async (typed: string) => {
    const normalized = typed.trim().toUpperCase();
    if (!/^[0-9A-Z]{8}$/.test(normalized)) return setProblem('预约码为8位字母和数字');
    setBusy(true);
    const found = await reviewApi.byVisitCode(normalized);
    setBusy(false);
    if (!found.ok) return setProblem(found.error.message);
    setProblem(undefined);
    setCode('');
    void Taro.navigateTo({ url: `/packages/staff/review/index?id=${found.data.id}` });
  };
  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await lookUp(result);
    } catch {
      // Cancelled: nothing to do.
    }
  };

  return (
    <View className="card counter" data-testid="counter-lookup">
      <View className="counter-row">
        <Input className="visit-code-input" placeholder="输入预约码" value={code} onChange={setCode} maxLength={8} />
        <Button size="small" type="primary" loading={busy} className="look-up" onClick={() => void lookUp(code)}>
          查找
        </Button>
        {process.env.TARO_ENV !== 'h5' && (
          <Button size="small" className="scan" onClick={() => void scan()}>
            扫码
          </Button>
        )}
      </View>
      {problem && <View className="field-error">{problem}</View>}
    </View>
  );
}
