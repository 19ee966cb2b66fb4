import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExamSessionEntity } from './exam-session.entity';
import { SeatHoldEntity } from './seat-hold.entity';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { SeatAllocator } from './seat-allocator';
import { SeatSweeper } from './seat-sweeper';
import { SeatsService } from './seats.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([ExamSessionEntity, SeatHoldEntity]), IdentityModule, ApplicationsModule],
  providers: [SessionsService, SeatsService, SeatAllocator, SeatSweeper],
  exports: [SeatsService, SeatAllocator, SessionsService],
})
export class SessionsModule {}
