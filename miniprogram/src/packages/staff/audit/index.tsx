import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { APPLICATION_STATE_NAMES, type AuditEntryView } from '@skillcert/shared';
import { reviewApi } from '../../../api/staff';
import { useApi } from '../../../api/useApi';
import { PageState } from '../../../components/PageState';
import { formatInstant } from '../../../components/Timeline';
import '../staff.css';

function change(entry: AuditEntryView): string {
  return `${entry.from ? APPLICATION_STATE_NAMES[entry.from] : '新建'} → ${APPLICATION_STATE_NAMES[entry.to]}`;
}

/** Who decided what, and when: the trail an admin answers a complaint from. Newest first. */
export default function AuditPage() {
  const trail = useApi(() => reviewApi.audit(), []);
  return (
    <View className="page audit-page">
      <PageState value={trail} isEmpty={(list) => list.length === 0} emptyText="暂无记录">
        {(entries) => (
          <CellGroup data-testid="audit">
            {entries.map((entry, i) => (
              <Cell
                key={`${entry.at}-${i}`}
                title={`${entry.applicant} · ${change(entry)}`}
                description={[
                  `${formatInstant(entry.at)} · ${entry.by}`,
                  ...(entry.note ? [entry.note] : []),
                  ...(entry.corrections ?? []).map((c) => `${c.label}：${c.note}`),
                ].join('\n')}
              />
            ))}
          </CellGroup>
        )}
      </PageState>
    </View>
  );
}
