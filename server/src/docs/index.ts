export { answersFollowTheContract } from './contract-check';
export { buildOpenApiDocument } from './openapi';
