export type { BatchEntity } from './batch.entity';
export { BatchesModule } from './batches.module';
export { BatchesService } from './batches.service';
export { rosterTemplate } from './roster-workbook';
