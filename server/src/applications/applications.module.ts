import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ApplicationIntake } from './application-intake';
import { ApplicationStates } from './application-states';
import { ApplicationViews } from './application-views';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

/** The candidate's commands here; the intake checks, the state writer and the read model are shared with every module that touches applications. */
@Module({
  imports: [IdentityModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationIntake, ApplicationStates, ApplicationViews],
  exports: [ApplicationsService, ApplicationIntake, ApplicationStates, ApplicationViews],
})
export class ApplicationsModule {}
