export type { ExamSessionEntity } from './exam-session.entity';
export { SeatAllocator } from './seat-allocator';
export type { SeatHoldEntity } from './seat-hold.entity';
export { SeatsService } from './seats.service';
export { SessionsModule } from './sessions.module';
export { SessionsService } from './sessions.service';
