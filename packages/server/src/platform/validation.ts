/**
 * Request validation against the contract's zod schemas, with one house rule on top: request
 * bodies are strict. A field the schema does not know answers 400 VALIDATION at its own path
 * (`body.actualStart`, `body.milestones.0.note`) instead of being dropped without a word — a
 * script that misspells a field learns it at once. The contract keeps plain `z.object` (readable,
 * and the web's forms parse with the same schemas); strictness is applied here, to bodies only:
 * query strings stay lenient (an extra parameter such as a cache-buster is harmless, and dropped),
 * and responses are serialized as before.
 */
import { pickLang, type Lang } from '@ducha/contract';
import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError as Issue } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, unknownFieldEn } from './errors.ts';

type Def = Record<string, unknown> & { type: string };
type Schema = z.ZodType & { clone(def: Def): z.ZodType; _zod: { def: Def } };

const strictCache = new WeakMap<object, z.ZodType>();

/**
 * The same schema with every object in it strict (unknown keys refused) and no coercion (a JSON
 * value is taken as the type it is), nested ones included:
 * through optional/nullable/default, arrays, records, tuples, unions (discriminated too) and pipes.
 * An object that already says what to do with unknown keys (`z.looseObject`, `.catchall`) keeps it;
 * intersections and lazy schemas are left as they are (strict halves would refuse each other's keys).
 */
export function strictSchema<T extends z.ZodType>(schema: T): T {
  const s = schema as unknown as Schema;
  const hit = strictCache.get(s);
  if (hit) return hit as T;
  const def = s._zod.def;
  const deep = (x: unknown) => strictSchema(x as z.ZodType);
  let out: z.ZodType = s;
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, deep(v)]),
      );
      out = s.clone({ ...def, shape, catchall: def.catchall ?? z.never() });
      break;
    }
    case 'array':
      out = s.clone({ ...def, element: deep(def.element) });
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      out = s.clone({ ...def, innerType: deep(def.innerType) });
      break;
    case 'union':
      out = s.clone({ ...def, options: (def.options as z.ZodType[]).map(deep) });
      break;
    case 'pipe':
      out = s.clone({ ...def, in: deep(def.in), out: deep(def.out) });
      break;
    case 'record':
      out = s.clone({ ...def, valueType: deep(def.valueType) });
      break;
    // JSON carries numbers and booleans as themselves: a body's `z.coerce` (shared with path and
    // query parameters, which arrive as text) must not read `true` as id 1 or `"5"` as 5
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'string':
    case 'date':
      if (def.coerce) out = s.clone({ ...def, coerce: false });
      break;
    case 'tuple':
      out = s.clone({
        ...def,
        items: (def.items as z.ZodType[]).map(deep),
        rest: def.rest ? deep(def.rest) : def.rest,
      });
      break;
  }
  strictCache.set(s, out);
  return out as T;
}

/** The Chinese wording of an unknown field (errors.ts renders it in English for English callers). */
export const unknownFieldMessage = (key: string) => `未知字段“${key}”：接口不接受该字段`;

/**
 * A route without a body schema takes no body: an empty one (or `{}`, or JSON `null`) passes, a
 * JSON body with fields answers 400 at each field, any other JSON value 400 at `body`. Other
 * content types (uploads, as raw bodies) are the routes' own business.
 */
export function refuseBodiesWithoutSchema(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const b = req.body;
    if (req.routeOptions.schema?.body || b === undefined || b === null) return;
    // only JSON bodies: uploads (raw Buffers, text) are the routes' own business
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) return;
    const lang: Lang = pickLang(req.headers['accept-language']);
    if (typeof b !== 'object' || Array.isArray(b))
      throw new DomainError('VALIDATION', 400, [
        { path: 'body', message: lang === 'en' ? 'This endpoint takes no body' : '此接口不接受请求体' },
      ]);
    const keys = Object.keys(b);
    if (keys.length)
      throw new DomainError(
        'VALIDATION',
        400,
        keys.map((k) => ({
          path: `body.${k}`,
          message: lang === 'en' ? unknownFieldEn(k) : unknownFieldMessage(k),
        })),
      );
  });
}

/**
 * fastify-type-provider-zod's compiler, with strict bodies; an unrecognized-keys issue (one per
 * object, naming every key) becomes one issue per unknown field, at that field's path.
 */
export const strictValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const schema = route.httpPart === 'body' ? strictSchema(route.schema) : route.schema;
  const validate = validatorCompiler({ ...route, schema }) as (data: unknown) => {
    error?: Issue[];
    value?: unknown;
  };
  return (data: unknown) => {
    const result = validate(data);
    if (!result.error) return result;
    const error = result.error.flatMap((issue) =>
      issue.keyword === 'unrecognized_keys'
        ? (issue.params.keys as string[]).map((key) => ({
            ...issue,
            instancePath: `${issue.instancePath.replace(/\/$/, '')}/${key}`,
            message: unknownFieldMessage(key),
            params: { ...issue.params, keys: [key] },
          }))
        : [issue],
    );
    return { error };
  };
};
