import type { BankCreditView, CreditQuery, PendingFeeView, StatementColumnsRequest, StatementColumnsView, StatementImportResult } from '@skillcert/shared';
import { staffApi } from './client';
import { pickSpreadsheet, uploadAsStaff } from './files';

const id = encodeURIComponent;

/** Finance staff reconciling bank transfers. */
export const financeApi = {
  /** The statement file picked on the phone or the computer: its path, kept for a second try once its columns are mapped. */
  pickStatement: () => pickSpreadsheet(['xlsx', 'csv']),
  importStatement: (filePath: string) => uploadAsStaff<StatementImportResult>('/api/finance/statements', filePath),
  statementLayout: (filePath: string) => uploadAsStaff<StatementColumnsView>('/api/finance/statement-columns/layout', filePath),
  saveColumns: (columns: StatementColumnsRequest) => staffApi<StatementColumnsView>('PUT', '/api/finance/statement-columns', columns),
  credits: (status: CreditQuery['status']) => staffApi<BankCreditView[]>('GET', `/api/finance/credits?status=${status}`),
  confirm: (creditId: string, applicationId: string) => staffApi<BankCreditView>('POST', `/api/finance/credits/${id(creditId)}/confirm`, { applicationId }),
  /** Applications still waiting for their fee, those the credit names first: to link a credit no rule could place. */
  pendingFor: (creditId: string) => staffApi<PendingFeeView[]>('GET', `/api/finance/credits/${id(creditId)}/applications`),
  ignore: (creditId: string) => staffApi<void>('POST', `/api/finance/credits/${id(creditId)}/ignore`),
};
