import { applyDecorators, Delete, Get, HttpCode, Injectable, Post, Put, UsePipes, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError, parseWith } from '@skillcert/shared';
import { ENDPOINTS, ROUTES, type Endpoint as Contract, type RouteName } from '@skillcert/shared/contract';

const MAPPINGS = { GET: Get, POST: Post, PUT: Put, DELETE: Delete } as const;

/**
 * A route as the contract writes it: its method and path from `ROUTES`, its request checked by the
 * schemas of `ENDPOINTS`, its status from what it answers (204 without a body, 201 when it creates,
 * else 200). A handler takes `@Param()`, `@Query()` and `@Body()` whole, already parsed.
 */
export function Endpoint(name: RouteName): MethodDecorator {
  const [method, path] = ROUTES[name].split(' ') as [keyof typeof MAPPINGS, string];
  const contract: Contract = ENDPOINTS[name];
  const status = contract.response === null ? 204 : contract.created ? 201 : 200;
  return applyDecorators(MAPPINGS[method](path), HttpCode(status), UsePipes(new ContractPipe(name, contract)));
}

/** Parses each request part with its schema; failures become VALIDATION_FAILED with per-field Chinese messages. */
@Injectable()
class ContractPipe implements PipeTransform {
  constructor(
    private readonly name: RouteName,
    private readonly contract: Contract,
  ) {}

  transform(value: unknown, { type }: ArgumentMetadata): unknown {
    if (type === 'custom') return value;
    const schema = type === 'param' ? this.contract.params : type === 'query' ? this.contract.query : this.contract.body;
    // A handler reading a part its contract does not describe would read it unchecked.
    if (!schema) throw new Error(`${this.name} reads its ${type}, which its contract does not describe`);
    const parsed = parseWith(schema, value);
    if (parsed.ok) return parsed.data;
    const first = parsed.issues[0];
    const message = first ? `${first.message}${first.path ? `（${first.path}）` : ''}` : undefined;
    throw new DomainError('VALIDATION_FAILED', message, parsed.issues);
  }
}
