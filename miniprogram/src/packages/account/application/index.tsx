import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { clauseLabel, formatChineseDate, getPlan, levelDisplayName, nextStates, type ApplicationView } from '@skillcert/shared';
import { useState } from 'react';
import { applicationsApi } from '../../../api/applications';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import './index.css';

/** One application: where it stands, what it was decided on, everything that happened to it. */
export default function ApplicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const loaded = useApi(() => applicationsApi.one(id), [id]);
  const [current, setCurrent] = useState<ApplicationView>();
  const [error, setError] = useState<string>();

  const withdraw = async (application: ApplicationView) => {
    const { confirm } = await Taro.showModal({
      title: '撤回报名',
      content: '撤回后如需参加认定，须重新申报。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '不撤回',
    });
    if (!confirm) return;
    const result = await applicationsApi.withdraw(application.id);
    if (result.ok) setCurrent(result.data);
    else setError(result.error.message);
  };

  return (
    <View className="page application-page">
      <PageState value={loaded}>
        {(fetched) => {
          const application = current ?? fetched;
          const plan = getPlan(application.planId);
          const canWithdraw = nextStates(application.state, 'candidate').includes('withdrawn');
          return (
            <>
              <View className="card" data-testid="application-status">
                <View className="row">
                  <Text className="muted">{plan.body.name}</Text>
                  <Tag type={application.state === 'withdrawn' || application.state === 'rejected' ? 'default' : 'primary'}>{application.stateLabel}</Tag>
                </View>
                <View className="card-title">{levelDisplayName(plan.id, application.level)}</View>
                <View className="muted">{plan.title}</View>
              </View>
              {error && <View className="card warn">{error}</View>}
              <CellGroup title="申报信息">
                <Cell title="申报日期" extra={formatChineseDate(application.appliedOn)} />
                {application.assessBy && <Cell title="考核时间" extra={`${formatChineseDate(application.assessBy)}前`} />}
                <Cell title="符合条件" extra={application.eligibility.satisfied.map(clauseLabel).join('、')} />
              </CellGroup>
              <CellGroup title="办理进度">
                <View className="timeline" data-testid="timeline">
                  {application.timeline.map((event, i) => (
                    <View key={`${event.at}-${i}`} className="timeline-item">
                      <View className="timeline-dot" />
                      <View>
                        <View className="timeline-label">{event.label}</View>
                        <View className="muted">{new Date(event.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</View>
                        {event.note && <View className="timeline-note">{event.note}</View>}
                      </View>
                    </View>
                  ))}
                </View>
              </CellGroup>
              {canWithdraw && (
                <Button block fill="outline" className="withdraw" onClick={() => void withdraw(application)}>
                  撤回报名
                </Button>
              )}
            </>
          );
        }}
      </PageState>
    </View>
  );
}
