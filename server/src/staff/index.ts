export { StaffModule } from './staff.module';
export { StaffService } from './staff.service';
