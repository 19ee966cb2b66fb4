import { HttpStatus, RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ENDPOINTS, errorBodySchema, views, type Endpoint } from '@skillcert/shared/contract';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import type { $ZodObject, $ZodType } from 'zod/v4/core';
import { audienceOf } from '../auth';
import { routeNameOf } from './contract-check';

/** A route as Nest registered it: method, Express path, who it admits, the status of success. */
export interface RegisteredRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  /** Absent: open to anyone (the route checks what it needs, e.g. WeChat Pay's signature). */
  audience?: readonly string[];
  status: number;
}

const METHODS: Partial<Record<RequestMethod, RegisteredRoute['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
};

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route of every controller, read from the metadata Nest routes by. */
export function registeredRoutes(app: INestApplication): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (!method || path === undefined) continue;
        const status = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
        const audience = audienceOf(handler as () => unknown, controller);
        routes.push({ method, path: joinPath(prefix, path), status, ...(audience ? { audience } : {}) });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

const ROLE_NAMES: Record<string, string> = {
  candidate: '考生',
  institution: '机构经办人',
  reviewer: '审核员',
  finance: '财务',
  proctor: '考务',
  admin: '管理员',
};

const BINARY = { type: 'string', format: 'binary' } as const;

function operation(name: string, endpoint: Endpoint, route: RegisteredRoute): ZodOpenApiOperationObject {
  const who = route.audience ? route.audience.map((role) => ROLE_NAMES[role] ?? role).join('、') : endpoint.wechat ? '微信支付（验签）' : '无需登录';
  const success: ZodOpenApiResponseObject =
    endpoint.response === null
      ? { description: '完成，无内容' }
      : 'file' in endpoint.response
        ? { description: '文件', content: { [endpoint.response.file]: { schema: BINARY } } }
        : { description: '成功', content: { 'application/json': { schema: endpoint.response } } };
  const params = {
    ...(endpoint.params ? { path: endpoint.params as $ZodObject } : {}),
    ...(endpoint.query ? { query: endpoint.query as $ZodObject } : {}),
  };
  return {
    operationId: name,
    summary: endpoint.summary,
    description: `可访问：${who}${endpoint.demo ? '。仅演示与测试环境' : ''}`,
    tags: [route.path.split('/')[2] ?? 'api'],
    ...(route.audience ? { security: [{ bearer: [] }], 'x-roles': [...route.audience] } : {}),
    ...(Object.keys(params).length ? { requestParams: params } : {}),
    ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: endpoint.body } } } } : {}),
    ...(endpoint.upload
      ? {
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: BINARY } } } },
          },
        }
      : {}),
    responses: {
      [String(endpoint.response === null ? HttpStatus.NO_CONTENT : route.status)]: success,
      default: { description: '错误：稳定的错误码与中文提示', content: { 'application/json': { schema: errorBodySchema } } },
    },
  };
}

/** The contract's answer shapes by name (applicationViewSchema → ApplicationView): the document refers to each once. */
function namedViews(): Record<string, $ZodType> {
  const named: Record<string, $ZodType> = {};
  for (const [key, schema] of Object.entries(views))
    if (key.endsWith('Schema')) named[key[0]!.toUpperCase() + key.slice(1, -'Schema'.length)] = schema as $ZodType;
  return named;
}

/**
 * The OpenAPI document, generated from the router (each route Nest registered, with the roles it admits)
 * and the contract's schemas (`@skillcert/shared/contract`) by zod-openapi. A route the contract does
 * not name cannot be documented: the build of the document fails, and a test builds it.
 */
export function buildOpenApiDocument(app: INestApplication): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of registeredRoutes(app)) {
    const name = routeNameOf(route.method, route.path);
    if (!name) throw new Error(`${route.method} ${route.path} has no entry in the contract (shared/src/contract/routes.ts)`);
    const openApiPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const item = (paths[openApiPath] ??= {});
    item[route.method.toLowerCase() as 'get'] = operation(name, ENDPOINTS[name], route);
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'SkillCert API', version: '0.1.0', description: '职业技能等级认定报名与成绩系统（呼叫中心服务员）' },
    components: { schemas: namedViews(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '登录返回的 token' } } },
    paths,
  });
}
