// Request input through a zod schema: the parsed value, or a 400 whose message names each bad field,
// e.g. `query.kind[0]: Invalid option: expected one of "exam_plan_mismatch"|…; body.note: Too big…`.
import type { z } from 'zod';
import { badRequest } from './http-error.js';

export function describeIssues(issues: readonly z.core.$ZodIssue[], where: string): string {
  return issues
    .slice(0, 10)
    .map((i) => {
      const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      return `${where}${path}: ${i.message}`;
    })
    .join('; ');
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'params' | 'query' | 'body' | 'form'): z.output<S> {
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!r.success) {
    if (where === 'body' && (value === undefined || value === null || typeof value !== 'object')) {
      throw badRequest('the request needs a JSON object as its body (Content-Type: application/json)');
    }
    throw badRequest(describeIssues(r.error.issues, where));
  }
  return r.data;
}
