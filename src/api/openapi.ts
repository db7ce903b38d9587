// /api/openapi.json: an OpenAPI 3.1 document built from the routes' zod schemas (z.toJSONSchema), so
// the document and the validation can never disagree.
import { z } from 'zod';
import { API_ROLES } from '../store/records.js';
import type { RouteDoc } from './api-route.js';
import { ErrorBodySchema, STATUS_NAMES } from './http-error.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const s = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete s.$schema;
  return s;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, p]) => {
    const { description, ...rest } = p;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

/** fastify's /x/:id → OpenAPI's /x/{id} */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function buildOpenApi(routes: readonly RouteDoc[], info: { version: string }): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { 'application/json': { schema: jsonSchema(ErrorBodySchema, 'output') } };
  for (const r of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, doc] of Object.entries(r.responses)) {
      const type = doc.contentType ?? 'application/json';
      responses[status] = { description: doc.description, ...(doc.schema || doc.contentType ? { content: { [type]: doc.schema ? { schema: jsonSchema(doc.schema, 'output') } : {} } } : {}) };
    }
    const errors = [400, ...(r.role ? [401, 403] : [])];
    for (const status of errors) responses[String(status)] ??= { description: STATUS_NAMES[status], content: error };
    responses.default ??= { description: 'an error', content: error };
    const body = r.bodyDoc ?? (r.body ? { contentType: 'application/json', schema: r.body } : undefined);
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${openApiPath(r.url)
        .replace(/[{}]/g, '')
        .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(r.role ? { security: [{ bearer: [] }], 'x-chartline-role': r.role } : { security: [] }),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(body ? { requestBody: { required: true, content: { [body.contentType]: { schema: jsonSchema(body.schema, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'chartline API',
      version: info.version,
      description: `Bundles of medical records in, timelines and flagged discrepancies out. Every route but /healthz needs a bearer token (\`chartline token create --role R --name N\`); roles are cumulative: ${API_ROLES.join(' < ')}.`,
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a chartline API token (clt_…)' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
