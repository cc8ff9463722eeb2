import type { IncomingMessage } from 'node:http';
import * as v from 'valibot';
import { HttpError } from './respond.ts';

/** Largest JSON body accepted, in bytes (1 MB). */
export const MAX_BODY_BYTES = 1024 * 1024;

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads a JSON body: an absent body is `{}`; a body that is not
 * `application/json` is 415; one over `maxBytes` is 413 (reading stops at the
 * limit, the connection is closed after the answer); malformed JSON is 400.
 */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
): Promise<unknown> {
  if (!hasBody(req)) return {};
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !type?.endsWith('+json')) {
    throw new HttpError(415, 'bad_request', 'the body must be application/json');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new HttpError(400, 'bad_request', `could not read the body: ${error.message}`));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_request', 'the body is not valid JSON');
  }
}

function tooLarge(): HttpError {
  return new HttpError(
    413,
    'payload_too_large',
    `the body is larger than ${MAX_BODY_BYTES} bytes`,
    {
      Connection: 'close',
    },
  );
}

/** Validates a parsed body with a schema from src/model/api.ts; 400 with the first issue. */
export function parseBody<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  const message = issue ? `${path ?? 'body'}: ${issue.message}` : 'invalid body';
  throw new HttpError(400, 'bad_request', message);
}
