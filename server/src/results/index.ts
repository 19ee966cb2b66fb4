export { marksOf } from './carried-marks';
export { writeMarks } from './marks-writer';
export type { Marks } from './marks-writer';
export { ResultsModule } from './results.module';
export { ResultsService } from './results.service';
