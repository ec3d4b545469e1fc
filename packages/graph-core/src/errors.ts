/**
 * One error family for Bridgework. Every error carries a literal `code` that adapters map to an exit code or an
 * HTTP status, and a module-prefixed message (`graph-core/import: …`).
 */
export type BridgeworkErrorCode =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'parse'
  | 'import'
  | 'store'
  | 'unsupported';

export class BridgeworkError extends Error {
  readonly code: BridgeworkErrorCode;
  readonly details: unknown;

  constructor(code: BridgeworkErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'BridgeworkError';
    this.code = code;
    this.details = details;
  }
}

/** Where a problem sits in an input file: 1-based line and column, the offending value and why it is wrong. */
export interface InputProblem {
  file: string;
  line: number;
  column?: string | number;
  value?: string;
  reason: string;
}

export function formatProblem(p: InputProblem): string {
  const col = p.column === undefined ? '' : `, column ${p.column}`;
  const val = p.value === undefined ? '' : ` (value ${JSON.stringify(p.value)})`;
  return `${p.file}:${p.line}${col}: ${p.reason}${val}`;
}

/** A batch of input problems: thrown when an import is refused. The problems are all collected, not just the first. */
export class InputError extends BridgeworkError {
  readonly problems: InputProblem[];
  readonly total: number;

  constructor(module: string, problems: InputProblem[], total = problems.length) {
    const head = problems.slice(0, 3).map(formatProblem).join('; ');
    super('validation', `${module}: ${total} problem${total === 1 ? '' : 's'} in the input: ${head}${total > 3 ? '; …' : ''}`, problems);
    this.name = 'InputError';
    this.problems = problems;
    this.total = total;
  }
}
