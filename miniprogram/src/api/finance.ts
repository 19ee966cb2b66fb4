import type { CreditQuery, RefundQuery, StatementColumnsRequest } from '@skillcert/shared';
import { staffApi, staffTarget } from './staffClient';
import { pickSpreadsheet, uploadAsStaff } from './files';

/** Finance staff reconciling bank transfers. */
export const financeApi = {
  /** The statement file picked on the phone or the computer: its path, kept for a second try once its columns are mapped. */
  pickStatement: () => pickSpreadsheet(['xlsx', 'csv']),
  importStatement: (filePath: string) => uploadAsStaff(staffTarget('importStatement', {}), filePath),
  statementLayout: (filePath: string) => uploadAsStaff(staffTarget('statementLayout', {}), filePath),
  saveColumns: (columns: StatementColumnsRequest) => staffApi('saveStatementColumns', { body: columns }),
  credits: (status: CreditQuery['status']) => staffApi('credits', { query: { status } }),
  confirm: (creditId: string, applicationId: string) => staffApi('confirmCredit', { params: { id: creditId }, body: { applicationId } }),
  /** Applications still waiting for their fee, those the credit names first: to link a credit no rule could place. */
  pendingFor: (creditId: string) => staffApi('creditCandidates', { params: { id: creditId } }),
  ignore: (creditId: string) => staffApi('ignoreCredit', { params: { id: creditId } }),
  /** Money going back (a fee paid twice, a cancelled application's), and money that fits no fee. */
  refunds: (state: RefundQuery['state']) => staffApi('refunds', { query: { state } }),
  /** A transfer finance has sent back to the account it came from. */
  refundSent: (paymentId: string) => staffApi('refundSent', { params: { id: paymentId } }),
};
