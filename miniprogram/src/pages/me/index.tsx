import { Button, Cell, CellGroup, Input, Tag } from '@nutui/nutui-react-taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { formatChineseDate, getPlan, levelDisplayName, maskPhone, paymentDueBy, seatHoldNotice, type MeResponse } from '@skillcert/shared';
import { useEffect, useState } from 'react';
import { applicationsApi } from '../../api/applications';
import { meApi, signIn, signOut } from '../../api/auth';
import { useApi } from '../../api/useApi';
import { formatInstant } from '../../components/Timeline';
import { showPaymentBadge } from '../../lib/paymentBadge';
import { candidateSession } from '../../lib/session';
import './index.css';
import { PlansReady } from '../../components/PlansReady';

type State = { kind: 'signed-out' } | { kind: 'loading' } | { kind: 'ready'; me: MeResponse } | { kind: 'error'; message: string };

/** Sign-in, and the candidate's real-name record at a glance. */
export default function MePage() {
  const [state, setState] = useState<State>({ kind: candidateSession.current() ? 'loading' : 'signed-out' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  // Before anything personal is collected, the person agrees to how it is used (WeChat asks this of every mini program).
  const [agreed, setAgreed] = useState(false);

  const load = async () => {
    if (!candidateSession.current()) return setState({ kind: 'signed-out' });
    const me = await meApi.me();
    if (me.ok) setState({ kind: 'ready', me: me.data });
    else setState(candidateSession.current() ? { kind: 'error', message: me.error.message } : { kind: 'signed-out' });
  };
  useDidShow(() => void load());

  const onSignIn = async () => {
    if (!agreed) return setNotice('请先阅读并同意《隐私保护指引》');
    setBusy(true);
    const session = await signIn();
    setBusy(false);
    if (session.ok) setState({ kind: 'ready', me: session.data.me });
    else setNotice(session.error.message);
  };

  const onSignOut = async () => {
    await signOut();
    setState({ kind: 'signed-out' });
  };

  const onPhone = async (code: string | undefined) => {
    if (!code) return setNotice('未授权手机号，可稍后再绑定');
    const me = await meApi.savePhone(code);
    if (me.ok) setState({ kind: 'ready', me: me.data });
    else setNotice(me.error.message);
  };

  return (
    <View className="page me-page">
      {notice && (
        <View className="card notice warn" onClick={() => setNotice(undefined)}>
          {notice}
        </View>
      )}
      {state.kind === 'signed-out' && (
        <View className="card sign-in-card">
          <View className="card-title">登录后办理报名</View>
          <View className="muted">登录后可在线报名、缴费，下载准考证，查询成绩与证书。</View>
          <View className="consent" data-testid="privacy-consent" onClick={() => setAgreed(!agreed)}>
            <Text className={`tick ${agreed ? 'on' : ''}`}>{agreed ? '✓' : ''}</Text>
            <Text>我已阅读并同意《隐私保护指引》</Text>
          </View>
          <View className="link read-privacy" onClick={() => void showPrivacy()}>
            查看《隐私保护指引》
          </View>
          <Button type="primary" block loading={busy} className="sign-in" onClick={() => void onSignIn()}>
            微信一键登录
          </Button>
        </View>
      )}
      {state.kind === 'loading' && <View className="card muted">加载中…</View>}
      {state.kind === 'error' && (
        <View className="card">
          <View className="warn">{state.message}</View>
          <Button size="small" onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}
      {/* What the candidate came for first: their applications; then who they are. */}
      {state.kind === 'ready' && state.me.profile && <MyApplications phone={state.me.profile.phone} />}
      {state.kind === 'ready' && <Profile me={state.me} onPhone={onPhone} />}
      {state.kind === 'ready' && (
        <Button block fill="outline" className="sign-out" onClick={() => void onSignOut()}>
          退出登录
        </Button>
      )}
      <View className="staff-entry" onClick={() => void Taro.navigateTo({ url: '/packages/staff/login/index' })}>
        工作人员入口 ›
      </View>
    </View>
  );
}

/** What is collected and why, in a sentence a 17-year-old reads before signing in. */
const PRIVACY_GUIDE =
  '为办理职业技能等级认定报名，我们将收集您的姓名、身份证号码、手机号、电子邮箱、学历与工作经历，以及您上传的证件和证明材料照片，仅用于资格审核、考务安排、成绩与证书办理，并提供给组织认定的评价机构。您可在“我的”中查看和修改实名信息。';

const showPrivacy = () => Taro.showModal({ title: '隐私保护指引', content: PRIVACY_GUIDE, showCancel: false, confirmText: '知道了' });

function Profile({ me, onPhone }: { me: MeResponse; onPhone: (code: string | undefined) => Promise<void> }) {
  const edit = () => void Taro.navigateTo({ url: '/packages/account/profile/index' });
  if (!me.profile) {
    return (
      <View className="card" data-testid="profile-missing">
        <View className="card-title">请完成实名信息登记</View>
        <View className="muted">报名须使用本人身份证。姓名须与身份证一致。</View>
        <Button type="primary" block className="edit-profile" onClick={edit}>
          去登记
        </Button>
      </View>
    );
  }
  const p = me.profile;
  return (
    <View data-testid="profile">
      <CellGroup title="实名信息">
        <Cell title="姓名" extra={p.name} />
        <Cell title="身份证号码" extra={p.residentIdMasked} />
        <Cell title="出生日期" extra={formatChineseDate(p.birthDate)} />
        <Cell title="电子邮箱" extra={p.email ?? '未填写'} />
        <Cell title="修改实名信息" extra="›" onClick={edit} />
      </CellGroup>
      <CellGroup title="手机号">{p.phone ? <Cell title="已绑定" extra={p.phone} /> : <PhoneBinding onPhone={onPhone} />}</CellGroup>
    </View>
  );
}

/** Each application is named by its plan's rules, read as the server publishes them. */
function MyApplications({ phone }: { phone: string | undefined }) {
  return (
    <PlansReady>
      <MyApplicationsList phone={phone} />
    </PlansReady>
  );
}

function MyApplicationsList({ phone }: { phone: string | undefined }) {
  const list = useApi(() => applicationsApi.mine(), []);
  useDidShow(() => list.reload());
  useEffect(() => {
    if (list.state === 'ready') showPaymentBadge(list.data);
  }, [list]);
  return (
    <CellGroup title="我的报名">
      {list.state === 'ready' && list.data.length === 0 && <Cell title="暂无报名" description="在认定计划中完成申报条件自测后即可申报" />}
      {list.state === 'ready' &&
        list.data.map((a) => {
          const dueBy = paymentDueBy(a);
          return (
            <Cell
              key={a.id}
              className={`my-application ${dueBy ? 'payment-due' : ''}`}
              title={levelDisplayName(a.planId, a.level)}
              description={dueBy ? seatHoldNotice(formatInstant(dueBy)) : `${getPlan(a.planId).body.shortName} · ${formatChineseDate(a.appliedOn)}申报`}
              extra={dueBy ? <Tag background="#c2410c">{a.stateLabel}</Tag> : a.stateLabel}
              onClick={() => void Taro.navigateTo({ url: `/packages/account/application/index?id=${a.id}` })}
            />
          );
        })}
      {list.state === 'error' && <Cell title={list.error.message} extra="重试" onClick={list.reload} />}
      <ClaimByPhone phone={phone} onClaimed={list.reload} />
    </CellGroup>
  );
}

/**
 * A student whose school declared them: their real name and ID already match;
 * the phone number WeChat verified for them must be the one on the school's roster.
 */
function ClaimByPhone({ phone, onClaimed }: { phone: string | undefined; onClaimed: () => void }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const claim = async () => {
    const claimed = await applicationsApi.claim();
    if (!claimed.ok) return setMessage({ ok: false, text: claimed.error.message });
    setMessage({ ok: true, text: `已关联${claimed.data.length}条学校代为申报的报名` });
    setOpen(false);
    onClaimed();
  };
  return (
    <View className="claim" data-testid="claim">
      {!open && <Cell title="学校已为我集体报名" extra="关联 ›" onClick={() => setOpen(true)} />}
      {open && (
        <View className="claim-form">
          {phone ? (
            <>
              <View className="muted">将查找学校用您的姓名、身份证号和微信绑定的手机号 {maskPhone(phone)} 登记的报名。</View>
              <Button block size="large" type="primary" className="claim-now" onClick={() => void claim()}>
                查找并关联
              </Button>
            </>
          ) : (
            <Text className="muted claim-needs-phone">请先在上方“手机号”中绑定微信手机号：学校登记名单时所留的手机号须与之一致。</Text>
          )}
        </View>
      )}
      {message && <View className={message.ok ? 'ok claim-message' : 'field-error claim-message'}>{message.text}</View>}
    </View>
  );
}

/** WeChat: the phone-number button. H5 demo: the number typed, its code issued by the bundled fake WeChat. */
function PhoneBinding({ onPhone }: { onPhone: (code: string | undefined) => Promise<void> }) {
  const [phone, setPhone] = useState('');
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <View className="phone-binding">
        <NativeButton className="phone-button" openType="getPhoneNumber" onGetPhoneNumber={(e) => void onPhone((e.detail as { code?: string }).code)}>
          绑定微信手机号
        </NativeButton>
      </View>
    );
  }
  const bind = async () => {
    const issued = await meApi.demoPhoneCode(phone);
    await onPhone(issued.ok ? issued.data.code : undefined);
  };
  return (
    <View className="phone-binding">
      <Input placeholder="手机号（演示环境）" type="number" maxLength={11} value={phone} onChange={setPhone} />
      <Text className="muted">演示环境没有微信手机号授权，输入号码模拟授权。</Text>
      <Button size="small" type="primary" className="bind-phone" onClick={() => void bind()}>
        绑定
      </Button>
    </View>
  );
}
