import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  clauseText,
  feeFor,
  formatAmount,
  LEVEL_NAMES,
  levelDisplayName,
  visitsRequired,
  type ApplicantFacts,
  type ApplicationView,
  type Level,
  type Plan,
} from '@skillcert/shared';
import { useEffect, useState } from 'react';
import { applicationsApi } from '../../../api/applications';
import { candidateSession } from '../../../lib/session';
import { MaterialsForm, type MaterialsDraftState } from './MaterialsForm';

/**
 * The last step: the materials the clauses met call for, then one look at what is being sent, and
 * the application sent (or a returned one sent back). Shown once the facts meet a clause.
 */
export function SubmitCard({
  plan,
  level,
  facts,
  satisfied,
  materials,
  onMaterialsChange: setMaterials,
  materialErrors,
  correcting,
  fromApplication,
}: {
  plan: Plan;
  level: Level;
  facts: ApplicantFacts;
  satisfied: readonly string[];
  materials: MaterialsDraftState;
  onMaterialsChange: (next: MaterialsDraftState) => void;
  /** The same rule the server enforces, by field: every required upload, every commitment signed with the ID card's name. */
  materialErrors: Record<string, string>;
  correcting?: ApplicationView;
  fromApplication: boolean;
}) {
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string>();
  const [showMaterialErrors, setShowMaterialErrors] = useState(false);
  const materialsComplete = Object.keys(materialErrors).length === 0;
  useEffect(() => {
    if (materialsComplete) setApplyError(undefined);
  }, [materialsComplete]);
  const applyNow = async () => {
    if (!candidateSession.current()) {
      void Taro.showToast({ title: '请先登录并完成实名登记', icon: 'none' });
      void Taro.switchTab({ url: '/pages/me/index' });
      return;
    }
    if (!materialsComplete) {
      setShowMaterialErrors(true);
      setApplyError('请按提示上传材料并签署承诺');
      return;
    }
    // One look at what is being sent before it is sent: a new application cannot be taken back, only withdrawn.
    if (!correcting) {
      const { confirm } = await Taro.showModal({
        title: '确认提交申报',
        content: submitSummary(plan, level, satisfied, materials, visitsRequired(plan.id)),
        confirmText: '确认提交',
        confirmColor: '#1f6feb',
        cancelText: '再检查',
      });
      if (!confirm) return;
    }
    setApplying(true);
    setApplyError(undefined);
    const attached = {
      materials: Object.entries(materials.files).map(([materialId, list]) => ({ materialId, fileIds: list.map((f) => f.id) })),
      commitments: Object.entries(materials.signatures).map(([materialId, signedName]) => ({ materialId, signedName: signedName.trim() })),
    };
    let result = correcting
      ? await applicationsApi.resubmit(correcting.id, { facts: facts, ...attached })
      : await applicationsApi.apply({ planId: plan.id, level, facts: facts, ...attached });
    // Passed subjects still valid for this level: a full application gives them up. Said plainly; only an explicit yes goes on.
    if (!result.ok && result.error.code === 'MAKEUP_FORFEIT_UNCONFIRMED') {
      const { confirm } = await Taro.showModal({
        title: '放弃补考机会？',
        content: result.error.message,
        confirmText: '仍要重新申报',
        cancelText: '去申请补考',
      });
      if (confirm) result = await applicationsApi.apply({ planId: plan.id, level, facts: facts, ...attached, confirmForfeit: true });
      else {
        setApplying(false);
        return void Taro.switchTab({ url: '/pages/me/index' });
      }
    }
    setApplying(false);
    if (result.ok && correcting && fromApplication) void Taro.navigateBack();
    else if (result.ok) void Taro.redirectTo({ url: `/packages/account/application/index?id=${result.data.id}` });
    else setApplyError(result.error.message);
  };

  return (
    <View className="card apply-card">
      <View className="muted">申报后，审核人员将核验您的证明材料。{plan.declaration.individual ?? ''}</View>
      <MaterialsForm
        planId={plan.id}
        level={level}
        satisfied={satisfied}
        draft={materials}
        onChange={setMaterials}
        errors={showMaterialErrors ? materialErrors : {}}
      />
      {applyError && <View className="warn apply-error">{applyError}</View>}
      <Button type="primary" block loading={applying} className="apply-now" onClick={() => void applyNow()}>
        {correcting ? '修改完成，重新提交' : `用此信息申报${LEVEL_NAMES[level].split('/')[0]}`}
      </Button>
    </View>
  );
}

/** What is about to be sent, in a few lines: the level, the clause met, the fee and when it is paid, the materials, and the visit. */
function submitSummary(plan: Plan, level: Level, satisfied: readonly string[], materials: MaterialsDraftState, inPerson: boolean): string {
  const uploaded = Object.values(materials.files).reduce((sum, list) => sum + list.length, 0);
  return [
    `${levelDisplayName(plan.id, level)} · ${plan.body.shortName}`,
    satisfied[0] ? `符合：${clauseText(plan.id, satisfied[0])}` : '',
    `考核费${formatAmount(feeFor(plan.id, level))}，审核通过后缴纳`,
    `已上传${uploaded}张材料照片${Object.keys(materials.signatures).length ? '，报名表已签名' : ''}`,
    inPerson ? '提交后携带身份证原件及证明材料到受理点现场办理（可预约到场时段）' : '',
  ]
    .filter(Boolean)
    .join('\n');
}
