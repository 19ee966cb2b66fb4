export { ApiModule } from './api.module';
export { ApplicationViews } from './application-views';
export { Endpoint } from './endpoint';
