/**
 * The API's logger: pino JSON lines. Request logs carry the request id, method, route template, status, duration
 * and key id — never names, contact details, bodies or URLs with ids in them.
 */
import { destination, pino, type Logger } from 'pino';

export type { Logger };

/** A pino logger writing to a file descriptor (1 stdout, 2 stderr) at `level` (default LOG_LEVEL or info). */
export function createLogger(options: { fd?: 1 | 2; level?: string } = {}): Logger {
  return pino({ level: options.level ?? process.env.LOG_LEVEL ?? 'info' }, destination(options.fd ?? 1));
}
