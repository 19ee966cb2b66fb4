import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({ imports: [IdentityModule, ApplicationsModule], controllers: [VisitsController], providers: [VisitsService], exports: [VisitsService] })
export class VisitsModule {}
