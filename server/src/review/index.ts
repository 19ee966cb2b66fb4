export { ReviewModule } from './review.module';
export { ReviewService } from './review.service';
