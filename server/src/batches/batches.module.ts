import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatchEntity } from './batch.entity';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { BatchesController } from './batches.controller';
import { BatchesService } from './batches.service';

@Module({
  imports: [TypeOrmModule.forFeature([BatchEntity]), StaffModule, IdentityModule, ApplicationsModule],
  controllers: [BatchesController],
  providers: [BatchesService],
  exports: [BatchesService],
})
export class BatchesModule {}
