export { PlansModule } from './plans.module';
export { PlansService } from './plans.service';
export { PlanEditions } from './plan-editions';
