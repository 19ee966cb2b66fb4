export { ApplicationIntake, activeKeyOf } from './application-intake';
export { ApplicationRecords, applicationFee } from './application-records.service';
export type { DraftField } from './application-records.service';
export { ApplicationStates } from './application-states';
export type { EventActor } from './application-states';
export type { ApplicationEntity } from './application.entity';
export { ApplicationsModule } from './applications.module';
export { ApplicationsService } from './applications.service';
export type { WrittenApplication } from './applications.service';
