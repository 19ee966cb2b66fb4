import type { BankCreditView, CreditQuery, StatementImportResult } from '@skillcert/shared';
import { staffApi } from './client';
import { pickAndUploadSpreadsheet } from './files';

const id = encodeURIComponent;

/** Finance staff reconciling bank transfers. */
export const financeApi = {
  uploadStatement: () => pickAndUploadSpreadsheet<StatementImportResult>('/api/finance/statements', ['xlsx', 'csv']),
  credits: (status: CreditQuery['status']) => staffApi<BankCreditView[]>('GET', `/api/finance/credits?status=${status}`),
  confirm: (creditId: string, applicationId: string) => staffApi<BankCreditView>('POST', `/api/finance/credits/${id(creditId)}/confirm`, { applicationId }),
  ignore: (creditId: string) => staffApi<void>('POST', `/api/finance/credits/${id(creditId)}/ignore`),
};
