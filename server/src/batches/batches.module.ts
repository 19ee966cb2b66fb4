import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { BatchesController } from './batches.controller';
import { BatchesService } from './batches.service';

@Module({ imports: [IdentityModule, ApplicationsModule], controllers: [BatchesController], providers: [BatchesService] })
export class BatchesModule {}
