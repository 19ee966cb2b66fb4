import { getPlan, levelDisplayName, type CertificateView } from '@skillcert/shared';
import type { CertificateEntity } from './certificate.entity';

export function certificateView(row: CertificateEntity): CertificateView {
  return {
    id: row.id,
    number: row.number,
    holderName: row.holderName,
    occupation: getPlan(row.planId).occupation.name,
    level: row.level,
    levelName: levelDisplayName(row.planId, row.level),
    issuedOn: row.issuedOn,
    body: getPlan(row.planId).body.name,
    status: row.status,
    ...(row.revokedOn ? { revokedOn: row.revokedOn } : {}),
    ...(row.revokeReason ? { revokeReason: row.revokeReason } : {}),
    collection: {
      method: row.collection,
      ...(row.address ? { address: row.address } : {}),
      ...(row.handedOverAt ? { handedOverAt: row.handedOverAt.toISOString() } : {}),
      ...(row.trackingNo ? { trackingNo: row.trackingNo } : {}),
    },
  };
}
