// Errors the API answers with: a status code and a message meant for the caller, as
// {statusCode, error, message} — never a stack trace.
import { z } from 'zod';

export const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const ErrorBodySchema = z
  .object({
    statusCode: z.number().int().min(400).max(599),
    error: z.string().describe('the HTTP status text, e.g. "Not Found"'),
    message: z.string().describe('what went wrong, for a person'),
  })
  .strict();
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_NAMES[statusCode] ?? (statusCode >= 500 ? 'Server Error' : 'Client Error'), message };
}

export const badRequest = (message: string) => new HttpError(400, message);
export const unauthorized = (message: string) => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const payloadTooLarge = (message: string) => new HttpError(413, message);

/** 429 with the seconds to wait (sent as Retry-After by the error handler) */
export class TooManyRequestsError extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, message);
    this.name = 'TooManyRequestsError';
  }
}
