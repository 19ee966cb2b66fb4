import type { BulkApproveRequest, CreateBatchRequest, MemberMaterialsRequest, PrereviewRequest } from '@skillcert/shared';
import { staffApi, staffTarget } from './staffClient';
import { downloadAsStaff, pickAndUploadSpreadsheet } from './files';

/** A school clerk's group declarations. */
export const batchesApi = {
  list: () => staffApi('batches'),
  one: (batchId: string) => staffApi('batch', { params: { id: batchId } }),
  create: (request: CreateBatchRequest) => staffApi('createBatch', { body: request }),
  template: () => downloadAsStaff(staffTarget('rosterTemplate', {}), '团体申报名单模板.xlsx'),
  uploadRoster: (batchId: string) => pickAndUploadSpreadsheet(staffTarget('importRoster', { id: batchId }), ['xlsx']),
  memberMaterials: (batchId: string, applicationId: string, request: MemberMaterialsRequest) =>
    staffApi('attachMemberMaterials', { params: { id: batchId, applicationId }, body: request }),
  prereview: (batchId: string, request: PrereviewRequest) => staffApi('prereview', { params: { id: batchId }, body: request }),
  submit: (batchId: string) => staffApi('submitBatch', { params: { id: batchId } }),
  tickets: (batchId: string, batchName: string) => downloadAsStaff(staffTarget('batchTicketsPdf', { id: batchId }), `准考证-${batchName}.pdf`, 'pdf'),
  payment: (batchId: string) => staffApi('batchPayment', { params: { id: batchId } }),
  orderPayment: (batchId: string) => staffApi('orderBatchPayment', { params: { id: batchId } }),
  /** H5 demo only: the bundled fake WeChat's user scans and pays. */
  demoPay: (batchId: string) => staffApi('demoCompleteBatchPayment', { params: { id: batchId } }),
};

/** The body's reviewer decides a submitted batch at once, with exceptions. */
export const batchReviewApi = {
  approve: (batchId: string, request: BulkApproveRequest) => staffApi('approveBatch', { params: { id: batchId }, body: request }),
};
