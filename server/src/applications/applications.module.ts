import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationEntity } from './application.entity';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from './application-material.entity';
import { IdentityModule } from '../identity';
import { ApplicationIntake } from './application-intake';
import { ApplicationRecords } from './application-records.service';
import { ApplicationStates } from './application-states';
import { ApplicationsService } from './applications.service';

/** The candidate's commands here; the intake checks, the state writer and the read model are shared with every module that touches applications. */
@Module({
  imports: [TypeOrmModule.forFeature([ApplicationCommitmentEntity, ApplicationEntity, ApplicationEventEntity, ApplicationMaterialEntity]), IdentityModule],
  providers: [ApplicationsService, ApplicationRecords, ApplicationIntake, ApplicationStates],
  exports: [ApplicationsService, ApplicationRecords, ApplicationIntake, ApplicationStates],
})
export class ApplicationsModule {}
