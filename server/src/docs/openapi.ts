import { eligibilityRequestSchema, ERROR_CODES, windowQuerySchema } from '@skillcert/shared';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';

/**
 * The OpenAPI document, generated from the same zod schemas that validate the
 * requests, so the docs cannot drift from what the server accepts.
 */
function schemaOf(schema: $ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

const errorResponse = {
  description: '错误：稳定的错误码与可直接展示的中文提示',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ERROR_CODES },
          message: { type: 'string' },
          issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  },
};

const planId = { name: 'id', in: 'path', required: true, schema: { type: 'string', example: 'shanghai-2026' } };
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export function buildOpenApiDocument(): Record<string, unknown> {
  const windowQuery = schemaOf(windowQuerySchema) as { properties: Record<string, unknown>; required?: string[] };
  return {
    openapi: '3.1.0',
    info: { title: 'SkillCert API', version: '0.1.0', description: '职业技能等级认定报名与成绩系统（呼叫中心服务员）' },
    paths: {
      '/api/health': { get: { summary: '服务与数据库状态', responses: { 200: json('正常'), 503: json('数据库不可用') } } },
      '/api/plans': { get: { summary: '认定计划列表', responses: { 200: json('计划摘要') } } },
      '/api/plans/{id}': {
        get: { summary: '认定计划详情（规则包、受理点是否办公）', parameters: [planId], responses: { 200: json('计划'), 404: errorResponse } },
      },
      '/api/plans/{id}/eligibility': {
        post: {
          summary: '申报条件自测：满足哪一条，或还差什么',
          parameters: [planId],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(eligibilityRequestSchema) } } },
          responses: { 200: json('结论'), 400: errorResponse, 404: errorResponse },
        },
      },
      '/api/plans/{id}/window': {
        get: {
          summary: '某日某等级是否可申报',
          parameters: [
            planId,
            ...Object.entries(windowQuery.properties).map(([name, schema]) => ({
              name,
              in: 'query',
              required: windowQuery.required?.includes(name) ?? false,
              schema,
            })),
          ],
          responses: { 200: json('申报窗口'), 400: errorResponse, 404: errorResponse },
        },
      },
    },
  };
}
