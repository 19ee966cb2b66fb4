import type {
  BatchPaymentView,
  BatchView,
  BulkApproveRequest,
  BulkApproveResult,
  CreateBatchRequest,
  MemberMaterialsRequest,
  PrereviewRequest,
  RosterReport,
} from '@skillcert/shared';
import { staffApi } from './client';
import { downloadAsStaff, pickAndUploadSpreadsheet } from './files';

const BATCHES = '/api/institution/batches';
const id = encodeURIComponent;

/** A school clerk's group declarations. */
export const batchesApi = {
  list: () => staffApi<BatchView[]>('GET', BATCHES),
  one: (batchId: string) => staffApi<BatchView>('GET', `${BATCHES}/${id(batchId)}`),
  create: (request: CreateBatchRequest) => staffApi<BatchView>('POST', BATCHES, request),
  template: () => downloadAsStaff(`${BATCHES}/roster-template`, '团体申报名单模板.xlsx'),
  uploadRoster: (batchId: string) => pickAndUploadSpreadsheet<RosterReport>(`${BATCHES}/${id(batchId)}/roster`, ['xlsx']),
  memberMaterials: (batchId: string, applicationId: string, request: MemberMaterialsRequest) =>
    staffApi<BatchView>('PUT', `${BATCHES}/${id(batchId)}/members/${id(applicationId)}/materials`, request),
  prereview: (batchId: string, request: PrereviewRequest) => staffApi<BatchView>('POST', `${BATCHES}/${id(batchId)}/prereview`, request),
  submit: (batchId: string) => staffApi<BatchView>('POST', `${BATCHES}/${id(batchId)}/submit`),
  tickets: (batchId: string, batchName: string) => downloadAsStaff(`${BATCHES}/${id(batchId)}/tickets.pdf`, `准考证-${batchName}.pdf`, 'pdf'),
  payment: (batchId: string) => staffApi<BatchPaymentView>('GET', `${BATCHES}/${id(batchId)}/payment`),
  orderPayment: (batchId: string) => staffApi<BatchPaymentView>('POST', `${BATCHES}/${id(batchId)}/payments/wechat`),
  /** H5 demo only: the bundled fake WeChat's user scans and pays. */
  demoPay: (batchId: string) => staffApi<BatchPaymentView>('POST', `${BATCHES}/${id(batchId)}/payments/wechat/demo-complete`),
};

/** The body's reviewer decides a submitted batch at once, with exceptions. */
export const batchReviewApi = {
  approve: (batchId: string, request: BulkApproveRequest) => staffApi<BulkApproveResult>('POST', `/api/review/batches/${id(batchId)}/approve`, request),
};
