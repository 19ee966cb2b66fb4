import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { applicationWindow, formatChineseDate, formatYuan, WINDOW_STAGE_NAMES, windowStage } from '@skillcert/shared';
import type { PlanSummary } from '@skillcert/shared';
import { applicationsApi } from '../../api/applications';
import { plansApi } from '../../api/plans';
import { useApi } from '../../api/useApi';
import { PageState } from '../../components/PageState';
import { todayInShanghai } from '../../lib/dates';
import { showPaymentBadge } from '../../lib/paymentBadge';
import { candidateSession } from '../../lib/session';
import './index.css';

/** Bodies with their plans; the first thing a candidate sees. */
export default function Home() {
  const plans = useApi(() => plansApi.list(), []);
  const today = todayInShanghai();
  // A payment waiting on a signed-in candidate is marked on the 我的 tab from the first screen they open.
  useDidShow(() => {
    if (!candidateSession.current()) return;
    void applicationsApi.mine().then((mine) => mine.ok && showPaymentBadge(mine.data));
  });

  return (
    <View className="page home">
      <View className="hero">
        <Text className="hero-title">职业技能等级认定</Text>
        <Text className="hero-sub">呼叫中心服务员 · 在线报名、缴费、准考证与成绩查询</Text>
      </View>
      <PageState value={plans} isEmpty={(list) => list.length === 0} emptyText="暂无开放的认定计划">
        {(list) => (
          <>
            <View className="section-title">评价机构与认定计划</View>
            {list.map((plan) => (
              <PlanCard key={plan.id} plan={plan} today={today} />
            ))}
          </>
        )}
      </PageState>
      <View className="verify-entry link" onClick={() => void Taro.navigateTo({ url: '/packages/verify/index' })}>
        证书查验 ›
      </View>
    </View>
  );
}

function PlanCard({ plan, today }: { plan: PlanSummary; today: string }) {
  const firstLevel = plan.levels[0];
  const window = firstLevel ? applicationWindow(plan.id, firstLevel.level, today) : undefined;
  const open = () => void Taro.navigateTo({ url: `/pages/plan/index?id=${plan.id}` });
  return (
    <View className="card plan-card" onClick={open} data-testid={`plan-${plan.id}`}>
      <View className="row">
        <Text className="muted">
          {plan.body.name} · {plan.body.city}
        </Text>
        {window && <Tag type={window.open ? 'success' : 'default'}>{WINDOW_STAGE_NAMES[windowStage(window)]}</Tag>}
      </View>
      <View className="card-title plan-title">{plan.title}</View>
      <View className="tags">
        {plan.levels.map((l) => (
          <Tag key={l.level} type="primary">
            {l.title ? `${l.name}·${l.title}` : l.name} {formatYuan(l.feeFen)}
          </Tag>
        ))}
      </View>
      {window && (
        <View className="muted window-line">{window.open && window.closesOn ? `本期申报截止 ${formatChineseDate(window.closesOn)}` : (window.note ?? '')}</View>
      )}
      <View className="row plan-link">
        <Text>查看计划、费用与申报条件</Text>
        <Text className="muted">›</Text>
      </View>
    </View>
  );
}
