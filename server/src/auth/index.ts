export { Allow, Auth, CurrentCandidate, CurrentStaff, OpenDuringPasswordChange, audienceOf } from './auth.guard';
export { AuthModule } from './auth.module';
export { AuthService } from './auth.service';
export { StaffSignIn } from './staff-sign-in';
