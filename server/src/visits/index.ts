export { VisitsModule } from './visits.module';
export { VisitsService } from './visits.service';
