import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VisitBookingEntity, VisitSlotEntity } from './visit.entity';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { VisitsService } from './visits.service';

@Module({
  imports: [TypeOrmModule.forFeature([VisitBookingEntity, VisitSlotEntity]), IdentityModule, ApplicationsModule],
  providers: [VisitsService],
  exports: [VisitsService],
})
export class VisitsModule {}
