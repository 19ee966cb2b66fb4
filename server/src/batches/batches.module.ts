import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatchEntity } from './batch.entity';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { BatchesService } from './batches.service';

@Module({
  imports: [TypeOrmModule.forFeature([BatchEntity]), StaffModule, IdentityModule, ApplicationsModule],
  providers: [BatchesService],
  exports: [BatchesService],
})
export class BatchesModule {}
