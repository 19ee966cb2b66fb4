export { FinanceModule } from './finance.module';
export { FinanceService } from './finance.service';
