import { Button, Cell, CellGroup, Collapse, CollapseItem, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { applicationWindow, feeFor, formatChineseDate, formatYuan, offeredLevels, type Plan, type PlanDetail, type PlanLevel } from '@skillcert/shared';
import { plansApi } from '../../api/plans';
import { useApi } from '../../api/useApi';
import { PageState } from '../../components/PageState';
import { todayInShanghai } from '../../lib/dates';
import './index.css';
import { PlansReady } from '../../components/PlansReady';

/** The plan's rules are read as the server publishes them. */
export default function PlanPage() {
  return (
    <PlansReady>
      <PlanPageContent />
    </PlansReady>
  );
}

function PlanPageContent() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useApi(() => plansApi.detail(id), [id]);
  return (
    <View className="page plan-page">
      <PageState value={detail}>{(d) => <PlanView plan={d.plan} point={d.acceptancePoint} />}</PageState>
    </View>
  );
}

/** `point` comes from the server, on the server's clock: a phone set to the wrong time must not say the counter is open. */
function PlanView({ plan, point }: { plan: Plan; point: PlanDetail['acceptancePoint'] }) {
  const today = todayInShanghai();
  const offered = new Set(offeredLevels(plan));
  const levels = plan.levels.filter((l) => offered.has(l.level));

  return (
    <>
      <View className="card">
        <Text className="muted">{plan.body.name}</Text>
        <View className="card-title">{plan.title}</View>
        <View className="muted">
          职业：{plan.occupation.name}（{plan.occupation.code}） · 评价标准：{plan.standard.name}
        </View>
      </View>

      <View className="section-title">认定等级、科目与费用</View>
      {levels.map((level) => (
        <LevelCard key={level.level} plan={plan} level={level} today={today} />
      ))}

      <View className="card plan-notes" data-testid="schedule-notes">
        <View className="card-title">时间安排</View>
        {[...plan.assessment.notes, ...plan.schedule.notes].map((note) => (
          <View key={note} className="muted">
            {note}
          </View>
        ))}
      </View>

      {(plan.declaration.group || plan.declaration.individual) && (
        <View className="card plan-notes" data-testid="declaration">
          <View className="card-title">申报方式</View>
          {plan.declaration.group && <View className="muted">团体申报：{plan.declaration.group}</View>}
          {plan.declaration.individual && <View className="muted">个人申报：{plan.declaration.individual}</View>}
        </View>
      )}

      {plan.assessment.site && (
        <CellGroup title="考核地点">
          <Cell title={plan.assessment.site.name} description={plan.assessment.site.address} />
        </CellGroup>
      )}

      {plan.acceptancePoint && point && (
        <CellGroup title="业务受理点">
          <Cell
            title={plan.acceptancePoint.address}
            description={plan.acceptancePoint.note}
            extra={
              <Tag type={point.open ? 'success' : 'default'} className="point-status">
                {point.label}
              </Tag>
            }
          />
        </CellGroup>
      )}

      <CellGroup title="联系方式">
        {plan.contacts.map((c) => (
          <Cell
            key={c.label}
            title={c.label}
            description={c.hours}
            extra={c.value}
            onClick={() => c.kind === 'phone' && void Taro.makePhoneCall({ phoneNumber: c.value }).catch(() => undefined)}
          />
        ))}
      </CellGroup>

      {plan.notices.length > 0 && (
        <Collapse>
          {plan.notices.map((n) => (
            <CollapseItem key={n.title} title={n.title} name={n.title}>
              {/* As published: each paragraph carries its own numbering. */}
              {[...(n.intro ? [n.intro] : []), ...n.items].map((paragraph) => (
                <View key={paragraph} className="notice-item">
                  {paragraph}
                </View>
              ))}
            </CollapseItem>
          ))}
        </Collapse>
      )}
    </>
  );
}

function LevelCard({ plan, level, today }: { plan: Plan; level: PlanLevel; today: string }) {
  const window = applicationWindow(plan.id, level.level, today);
  const total = feeFor(plan.id, level.level);
  const check = () => void Taro.navigateTo({ url: `/packages/check/eligibility/index?planId=${plan.id}&level=${level.level}` });
  return (
    <View className="card level-card" data-testid={`level-${level.level}`}>
      <View className="row">
        <View className="card-title">
          {level.name}
          {level.title ? `（${level.title}）` : ''}
        </View>
        <Text className="fee">{formatYuan(total)}</Text>
      </View>
      {level.subjects.map((s) => (
        <View key={s.kind} className="row subject">
          <Text>
            {s.name}
            {s.mode ? ` · ${s.mode}` : ''}
            {s.minutes ? ` · ${s.minutes}分钟` : ''}
          </Text>
          <Text className="muted">{formatYuan(s.feeFen)}</Text>
        </View>
      ))}
      <View className={`window ${window.open ? 'ok' : 'warn'}`}>
        {window.open
          ? `申报中：${window.closesOn ? formatChineseDate(window.closesOn) : ''}截止，${window.assessLabel ? `评价时间${window.assessLabel}` : window.assessBy ? `${formatChineseDate(window.assessBy)}考核` : ''}`
          : window.nextOpensOn
            ? `暂未开放：${formatChineseDate(window.nextOpensOn)}起可申报`
            : (window.note ?? '暂未开放')}
      </View>
      <Button type="primary" fill="outline" size="small" className="check-button" onClick={check}>
        申报条件自测
      </Button>
    </View>
  );
}
