import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  formatAmount,
  LEVEL_SHORT,
  type BankCreditView,
  type Level,
  type PendingFeeView,
  type CreditQuery,
  type RefundItemView,
  type StatementColumnsRequest,
  type StatementImportResult,
  type StatementLayout,
} from '@skillcert/shared';
import { useState } from 'react';
import { financeApi } from '../../../api/finance';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { formatInstant } from '../../../components/Timeline';
import { staffSession } from '../../../lib/session';
import { FilterChips } from '../FilterChips';
import { ColumnMapping } from './ColumnMapping';
import { StaffBar } from '../StaffBar';
import '../staff.css';
import './index.css';

const STATUSES: { value: CreditQuery['status']; label: string }[] = [
  { value: 'review', label: '待核对' },
  { value: 'unmatched', label: '未匹配' },
  { value: 'confirmed', label: '已确认' },
  { value: 'ignored', label: '非考核费' },
];

/**
 * Finance staff reconcile bank transfers: upload the statement the bank gives
 * them; sure matches are confirmed at once, and each doubtful credit waits here
 * with its reason and the applications it might pay.
 */
export default function FinancePage() {
  const [status, setStatus] = useState<CreditQuery['status']>('review');
  const credits = useApi(() => financeApi.credits(status), [status]);
  const [result, setResult] = useState<StatementImportResult>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** A statement whose columns nobody has mapped yet: the file, kept to import once they are. */
  const [unmapped, setUnmapped] = useState<{ filePath: string; layout: StatementLayout }>();

  const importFile = async (filePath: string) => {
    const imported = await financeApi.importStatement(filePath);
    if (imported.ok) {
      setProblem(undefined);
      setUnmapped(undefined);
      setResult(imported.data);
      credits.reload();
      return;
    }
    if (imported.error.code === 'STATEMENT_COLUMNS_UNKNOWN') {
      const layout = await financeApi.statementLayout(filePath);
      if (layout.ok && layout.data.layout) {
        setProblem(undefined);
        return setUnmapped({ filePath, layout: layout.data.layout });
      }
    }
    setProblem(imported.error.message);
  };
  const upload = async () => {
    const filePath = await financeApi.pickStatement();
    if (!filePath) return;
    setBusy(true);
    setResult(undefined);
    await importFile(filePath);
    setBusy(false);
  };
  const saveColumns = async (columns: StatementColumnsRequest) => {
    if (!unmapped) return;
    setBusy(true);
    const saved = await financeApi.saveColumns(columns);
    if (saved.ok) await importFile(unmapped.filePath);
    else setProblem(saved.error.message);
    setBusy(false);
  };

  return (
    <View className="page finance-page">
      {!staffSession.current()?.staff.roles.includes('admin') && <StaffBar />}
      <View className="card">
        <View className="card-title">银行对账单</View>
        <View className="muted">
          上传银行导出的交易明细（.xlsx 或
          .csv）。附言、金额、付款人都与一份待缴费报名相符的，系统直接确认；其余在下方逐笔核对。同一份对账单重复上传不会重复确认。
        </View>
        <Button type="primary" block loading={busy} className="upload-statement" onClick={() => void upload()}>
          上传对账单
        </Button>
        {problem && <View className="field-error">{problem}</View>}
        {unmapped && (
          <ColumnMapping layout={unmapped.layout} busy={busy} onSave={(columns) => void saveColumns(columns)} onCancel={() => setUnmapped(undefined)} />
        )}
        {result && (
          <View className="import-result" data-testid="import-result">
            <View>
              新到账{result.credits}笔：自动确认{result.confirmed}笔，待核对{result.review}笔，未匹配{result.unmatched}笔
            </View>
            {result.duplicates > 0 && <View className="muted">另有{result.duplicates}笔此前已导入，已跳过</View>}
            {result.issues.map((issue) => (
              <View key={issue.row} className="field-error">
                第{issue.row}行：{issue.message}
              </View>
            ))}
          </View>
        )}
      </View>
      <Refunds />
      <FilterChips testId="credit-status" value={status} options={STATUSES} onChange={setStatus} />
      <PageState value={credits} isEmpty={(list) => list.length === 0} emptyText="没有款项">
        {(list) => (
          <View data-testid="credits">
            {list.map((credit) => (
              <Credit key={credit.id} credit={credit} onDecided={credits.reload} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}

function Credit({ credit, onDecided }: { credit: BankCreditView; onDecided: () => void }) {
  const [problem, setProblem] = useState<string>();
  const decide = async (request: () => Promise<{ ok: boolean; error?: { message: string } }>, question: string) => {
    const { confirm } = await Taro.showModal({ title: '确认', content: question, confirmText: '确认', cancelText: '取消' });
    if (!confirm) return;
    const result = await request();
    if (result.ok) onDecided();
    else setProblem(result.error?.message);
  };
  const open = credit.status === 'review' || credit.status === 'unmatched';
  return (
    <View className="card credit" data-testid="credit">
      <View className="line">
        <Text className="credit-amount">{formatAmount(credit.amountFen)}</Text>
        <Text className="muted">{formatInstant(credit.receivedAt)}</Text>
      </View>
      <View className="line">
        <Text>付款人：{credit.payer || '（空）'}</Text>
      </View>
      <View className="muted">附言：{credit.remark || '（空）'}</View>
      {credit.reason && <View className="credit-reason">{credit.reason}</View>}
      {open && credit.candidates.map((c) => <CreditCandidate key={c.applicationId} credit={credit} person={c} action="确认" decide={decide} />)}
      {credit.status === 'unmatched' && <LinkToApplication credit={credit} decide={decide} />}
      {open && (
        <View className="line">
          <Text />
          <Text className="link ignore-credit" onClick={() => void decide(() => financeApi.ignore(credit.id), '将这笔款项标记为非考核费？')}>
            非考核费
          </Text>
        </View>
      )}
      {problem && <View className="field-error">{problem}</View>}
    </View>
  );
}

type Decide = (request: () => Promise<{ ok: boolean; error?: { message: string } }>, question: string) => Promise<void>;

/** One application a credit may pay, and the tap that says it does — asked once more before it is settled. */
function CreditCandidate({
  credit,
  person,
  detail = '',
  action,
  decide,
}: {
  credit: BankCreditView;
  person: { applicationId: string; name: string; residentIdMasked: string; level: Level };
  detail?: string;
  action: string;
  decide: Decide;
}) {
  return (
    <View className="line candidate">
      <Text>
        {person.name} · {person.residentIdMasked} · {LEVEL_SHORT[person.level]}
        {detail}
      </Text>
      <Text
        className="link confirm-credit"
        onClick={() =>
          void decide(
            () => financeApi.confirm(credit.id, person.applicationId),
            `确认这笔${formatAmount(credit.amountFen)}为${person.name}的考核费？确认后该报名即为已缴费。`,
          )
        }
      >
        {action}
      </Text>
    </View>
  );
}

/**
 * A credit no rule could place ("4级考核费 陈同学" from a parent's account) is linked by hand: the
 * applications still waiting for their fee, the ones the transfer names first, each one tap from
 * confirming — the same confirmation, and the same record, as a doubtful match.
 */
function LinkToApplication({ credit, decide }: { credit: BankCreditView; decide: Decide }) {
  const [offered, setOffered] = useState<PendingFeeView[]>();
  const [problem, setProblem] = useState<string>();
  const load = async () => {
    const result = await financeApi.pendingFor(credit.id);
    if (result.ok) setOffered(result.data);
    else setProblem(result.error.message);
  };
  if (!offered) {
    return (
      <>
        <View className="line">
          <Text />
          <Text className="link link-credit" onClick={() => void load()}>
            关联报名…
          </Text>
        </View>
        {problem && <View className="field-error">{problem}</View>}
      </>
    );
  }
  if (offered.length === 0) return <View className="muted">没有待缴费的报名</View>;
  return (
    <View className="link-options" data-testid="link-options">
      {offered.slice(0, 8).map((p) => (
        <CreditCandidate
          key={p.applicationId}
          credit={credit}
          person={p}
          detail={` · 应缴${formatAmount(p.feeFen)}${p.named ? '（附言或付款人提到）' : ''}`}
          action="关联"
          decide={decide}
        />
      ))}
    </View>
  );
}

const REFUND_STATES: Record<RefundItemView['state'], string> = {
  pending: '微信支付原路退回中',
  owed: '待财务转回',
  refunded: '已退回',
  flagged: '到账金额不符，待核对',
};

/**
 * Money the body must give back — a fee paid twice, a cancelled application's fee — and money that
 * fits no fee. WeChat's goes back by itself; a transfer is sent back by finance to the account it
 * came from (shown here), who then records it. Nothing here is hidden in a log line.
 */
function Refunds() {
  const open = useApi(() => financeApi.refunds('open'), []);
  const [problem, setProblem] = useState<string>();
  const sent = async (item: RefundItemView) => {
    const { confirm } = await Taro.showModal({
      title: '确认',
      content: `已将${formatAmount(item.amountFen)}转回${item.payer ?? '付款账户'}？`,
      confirmText: '已转回',
      cancelText: '取消',
    });
    if (!confirm) return;
    const result = await financeApi.refundSent(item.paymentId);
    if (result.ok) open.reload();
    else setProblem(result.error.message);
  };
  // Nothing owed: nothing to show (the credits below are the page's work).
  if (open.state === 'ready' && open.data.length === 0) return null;
  return (
    <PageState value={open}>
      {(list) => (
        <View className="card refunds" data-testid="refunds">
          <View className="card-title">应退款项（{list.length}）</View>
          {list.map((item) => (
            <View key={item.paymentId} className="refund" data-testid="refund">
              <View className="line">
                <Text className="credit-amount">{formatAmount(item.amountFen)}</Text>
                <Text className="muted">{REFUND_STATES[item.state]}</Text>
              </View>
              <View>
                {item.name} · {item.residentIdMasked}
                {item.level ? ` · ${LEVEL_SHORT[item.level]}` : ''}
              </View>
              <View className="muted">
                {item.channel === 'bank' ? `银行转账，付款人：${item.payer ?? '未知'}` : '微信支付'} · 单号 {item.reference}
                {item.paidAt ? ` · ${formatInstant(item.paidAt)}到账` : ''}
              </View>
              <View className="credit-reason">{item.reason}</View>
              {item.state === 'owed' && (
                <View className="line">
                  <Text />
                  <Text className="link refund-sent" onClick={() => void sent(item)}>
                    登记已转回
                  </Text>
                </View>
              )}
            </View>
          ))}
          {problem && <View className="field-error">{problem}</View>}
        </View>
      )}
    </PageState>
  );
}
