export { MisconductModule } from './misconduct.module';
export { MisconductService } from './misconduct.service';
