export { PlansModule } from './plans.module';
export { PlansService } from './plans.service';
