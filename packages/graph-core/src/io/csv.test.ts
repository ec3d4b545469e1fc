import { describe, expect, it } from '@jest/globals';
import { detectDelimiter, protectCell, readCsv, unprotectCell, writeCsv } from './csv.js';

describe('readCsv', () => {
  it('splits simple rows and gives each its 1-based line', () => {
    const { rows, problems } = readCsv('a,b\n1,2\n3,4\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const { rows } = readCsv('name,note\n"Smith, J","said ""hi""\nand left"\nlast,row');
    expect(rows[1]?.cells).toEqual(['Smith, J', 'said "hi"\nand left']);
    expect(rows[2]).toEqual({ line: 4, cells: ['last', 'row'] });
  });

  it('keeps line numbers right after a quoted field spanning several CRLF lines', () => {
    const text = 'id,note\r\n1,"one\r\ntwo\r\nthree"\r\n2,plain\r\n3,"x"\r\n';
    const { rows } = readCsv(text);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(rows[1]?.cells[1]).toBe('one\r\ntwo\r\nthree');
  });

  it('drops a byte-order mark, skips blank lines and keeps empty trailing fields', () => {
    const { rows } = readCsv('\uFEFFa,b,c\n\n1,,\n   \n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 3, cells: ['1', '', ''] },
    ]);
  });

  it('keeps a row made of one quoted empty field', () => {
    expect(readCsv('a\n""\nb').rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('reports an unterminated quote where it opened and keeps the rows before it', () => {
    const { rows, problems } = readCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(rows).toHaveLength(2);
    expect(problems).toEqual([
      {
        file: 'input',
        line: 3,
        column: 2,
        reason: 'unterminated quoted field: the quote opened at line 3, character 3 is never closed',
      },
    ]);
  });

  it('detects tab, comma and semicolon delimiters from the first line', () => {
    expect(detectDelimiter('a\tb\tc\n1,2\t3')).toBe('\t');
    expect(detectDelimiter('a,b;c,d\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('"x,y";z\n')).toBe(';');
    expect(detectDelimiter('# comment, here\nu\tv', ['#'])).toBe('\t');
    expect(readCsv('a;b\n"1;2";3').rows[1]?.cells).toEqual(['1;2', '3']);
  });

  it('skips comment lines when asked and keeps their line numbers counted', () => {
    const { rows } = readCsv('# header comment\na,b\n% another\n1,2\n', { commentPrefixes: ['#', '%'] });
    expect(rows).toEqual([
      { line: 2, cells: ['a', 'b'] },
      { line: 4, cells: ['1', '2'] },
    ]);
  });

  it('is lenient with stray quotes in unquoted fields', () => {
    expect(readCsv('a"b,"c"d\n').rows[0]?.cells).toEqual(['a"b', 'cd']);
  });
});

describe('writeCsv', () => {
  it('quotes only the fields that need it', () => {
    const text = writeCsv([
      ['id', 'note'],
      ['1', 'plain'],
      ['2', 'a,b'],
      ['3', 'say "x"'],
      ['4', 'two\nlines'],
      ['5', ' padded '],
    ]);
    expect(text).toBe('id,note\r\n1,plain\r\n2,"a,b"\r\n3,"say ""x"""\r\n4,"two\nlines"\r\n5," padded "\r\n');
  });

  it('protects text cells that a spreadsheet would run as formulas, but not numbers', () => {
    const text = writeCsv([['=SUM(A1)', '+1', '-x', '@me', '\tx', -3, 'plain', '-3']], { lineEnding: '\n' });
    expect(text).toBe(`'=SUM(A1),'+1,'-x,'@me,'\tx,-3,plain,'-3\n`);
  });

  it('writes numbers, booleans and nulls plainly', () => {
    expect(writeCsv([[0.1 + 0.2, true, false, null, undefined, 1e-7]], { lineEnding: '\n' })).toBe(
      '0.30000000000000004,true,false,,,1e-7\n',
    );
  });

  it('uses the delimiter and byte-order mark asked for', () => {
    expect(writeCsv([['a', 'b;c']], { delimiter: ';', bom: true, lineEnding: '\n' })).toBe('\uFEFFa;"b;c"\n');
    expect(writeCsv([['a', 'b\tc']], { delimiter: '\t', lineEnding: '\n' })).toBe('a\t"b\tc"\n');
  });

  it('reads back what it writes, formula protection included', () => {
    const rows = [
      ['id', 'text'],
      ['1', '=1+1'],
      ['2', "'=already"],
      ['3', "''+x"],
      ['4', "it's"],
      ['5', 'line\r\nbreak, "quoted"'],
      ['6', ''],
    ];
    const back = readCsv(writeCsv(rows), { unprotectFormulas: true }).rows.map((r) => r.cells);
    expect(back).toEqual(rows);
  });

  it('makes protection reversible for every kind of leading apostrophe', () => {
    for (const s of ['', "'", "''", "'=", "''=", '=', '-1', "'-1", 'plain', "'plain", '@', '\r']) {
      expect(unprotectCell(protectCell(s))).toBe(s);
    }
    expect(protectCell("'plain")).toBe("'plain");
    expect(protectCell("'=x")).toBe("''=x");
  });
});
