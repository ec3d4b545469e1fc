/**
 * A small validating scanner for JSON text that reports *where* things are, which `JSON.parse` does not: the
 * offset (hence line and column) of the first syntax error, and the offsets of values by path (`ties`, `ties[3]`,
 * `ties[3].strength`) down to a chosen depth. It builds no values (the caller uses `JSON.parse` for those) and is
 * iterative, so deeply nested input cannot overflow the stack.
 */

/** A JSON syntax error: 0-based offset, 1-based line and column, and what was expected. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/** The result of `scanJson`. */
export interface JsonScan {
  error?: JsonSyntaxError;
  /** Offset of the first character of each value (or, for object members, of the key) by path. */
  positions: Map<string, number>;
}

/** Options of `scanJson`. */
export interface JsonScanOptions {
  /** Where to start (default 0). */
  from?: number;
  /** Stop after the first complete value instead of requiring the end of the text. */
  single?: boolean;
  /** Record positions of values nested at most this deep (0 = the root only). Default 2. */
  maxDepth?: number;
}

/** 1-based line and column of an offset, with the line starts computed once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** `base` extended by an object key or array index, in the `a[0].b` notation. */
export function joinJsonPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (safe.startsWith('"')) return `${base}[${safe}]`;
  return base === '' ? safe : `${base}.${safe}`;
}

interface Frame {
  kind: 'object' | 'array';
  path: string;
  index: number;
  key: string;
}

type State = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'done';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Scan JSON text; see the file header. `lines` may be passed to reuse a LineIndex of the same text. */
export function scanJson(text: string, options: JsonScanOptions = {}, lines?: LineIndex): JsonScan {
  const positions = new Map<string, number>();
  const maxDepth = options.maxDepth ?? 2;
  const n = text.length;
  const stack: Frame[] = [];
  let i = options.from ?? 0;
  let state: State = 'value';
  let pendingPath = '';
  let keyOffset = -1;

  const fail = (message: string, at = i): JsonScan => {
    const where = (lines ?? new LineIndex(text)).at(at);
    return { positions, error: { offset: at, line: where.line, column: where.column, message } };
  };
  const describe = (at: number) => (at >= n ? 'the end of the input' : `${JSON.stringify(text[at])}`);

  /** Reads a string starting at the opening quote; returns its raw text or an error message. */
  const readString = (): { raw: string } | { error: string; at: number } => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) return { error: 'unterminated string', at: start };
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return { raw: text.slice(start, i) };
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return { error: 'bad \\u escape in string', at: i };
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return { error: 'bad escape in string', at: i };
        continue;
      }
      if (c < 0x20) return { error: 'control character in string (escape it, e.g. \\n)', at: i };
      i++;
    }
  };
  const afterValue = (): State => (stack.length === 0 ? 'done' : 'comma-or-end');

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    const c = text[i];
    switch (state) {
      case 'done':
        if (options.single || i >= n) return { positions };
        return fail(`unexpected ${describe(i)} after the end of the JSON value`);
      case 'value-or-end':
      case 'value': {
        if (state === 'value-or-end' && c === ']') {
          i++;
          stack.pop();
          state = afterValue();
          break;
        }
        if (stack.length <= maxDepth && !positions.has(pendingPath))
          positions.set(pendingPath, keyOffset >= 0 ? keyOffset : i);
        keyOffset = -1;
        if (c === '{') {
          stack.push({ kind: 'object', path: pendingPath, index: 0, key: '' });
          i++;
          state = 'key-or-end';
        } else if (c === '[') {
          stack.push({ kind: 'array', path: pendingPath, index: 0, key: '' });
          pendingPath = joinJsonPath(pendingPath, 0);
          i++;
          state = 'value-or-end';
        } else if (c === '"') {
          const s = readString();
          if ('error' in s) return fail(s.error, s.at);
          state = afterValue();
        } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) return fail('bad number');
          i += m[0].length;
          state = afterValue();
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          state = afterValue();
        } else if (text.startsWith('false', i)) {
          i += 5;
          state = afterValue();
        } else {
          return fail(`expected a value but found ${describe(i)}`);
        }
        break;
      }
      case 'key-or-end':
      case 'key': {
        const top = stack[stack.length - 1] as Frame;
        if (state === 'key-or-end' && c === '}') {
          i++;
          stack.pop();
          state = afterValue();
          break;
        }
        if (c !== '"') return fail(`expected a property name in double quotes but found ${describe(i)}`);
        keyOffset = i;
        const s = readString();
        if ('error' in s) return fail(s.error, s.at);
        top.key = JSON.parse(s.raw) as string;
        state = 'colon';
        break;
      }
      case 'colon': {
        const top = stack[stack.length - 1] as Frame;
        if (c !== ':') return fail(`expected ':' after the property name but found ${describe(i)}`);
        i++;
        pendingPath = joinJsonPath(top.path, top.key);
        state = 'value';
        break;
      }
      case 'comma-or-end': {
        const top = stack[stack.length - 1] as Frame;
        const close = top.kind === 'object' ? '}' : ']';
        if (c === ',') {
          i++;
          if (top.kind === 'object') state = 'key';
          else {
            top.index++;
            pendingPath = joinJsonPath(top.path, top.index);
            state = 'value';
          }
        } else if (c === close) {
          i++;
          stack.pop();
          state = afterValue();
        } else {
          return fail(`expected ',' or '${close}' but found ${describe(i)}`);
        }
        break;
      }
    }
  }
}
