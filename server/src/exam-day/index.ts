export { ExamDayModule } from './exam-day.module';
export { ExamDayService } from './exam-day.service';
