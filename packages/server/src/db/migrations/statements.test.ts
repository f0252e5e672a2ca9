/** splitStatements: one statement per query for PGlite, without breaking dollar-quoted bodies. */
import { describe, expect, it } from 'vitest';
import { splitStatements } from './statements.ts';

describe('splitStatements', () => {
  it('splits on semicolons that end a line and trims each statement', () => {
    const block = `
      create table a (x int);
      create table b (
        y int
      );
      create index b_y on b (y);
    `;
    expect(splitStatements(block)).toEqual([
      'create table a (x int);',
      'create table b (\n        y int\n      );',
      'create index b_y on b (y);',
    ]);
  });

  it('keeps a function body with inner semicolons in one statement', () => {
    const block = `
    create function f() returns trigger language plpgsql as $$
    begin
      perform 1;
      raise exception 'append-only';
    end $$;
    create trigger t before update on x for each row execute function f();
    `;
    const out = splitStatements(block);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^create function f\(\)/);
    expect(out[0]).toContain('perform 1;');
    expect(out[0]).toContain("raise exception 'append-only';");
    expect(out[0]).toMatch(/end \$\$;$/);
    expect(out[1]).toBe('create trigger t before update on x for each row execute function f();');
  });

  it('handles $$ opened and closed on the same line', () => {
    const block = `create function one() returns int language sql as $$ select 1; $$;
    select 2;`;
    expect(splitStatements(block)).toEqual([
      'create function one() returns int language sql as $$ select 1; $$;',
      'select 2;',
    ]);
  });

  it('handles two dollar-quoted bodies in a row', () => {
    const block = `create function a() returns void language plpgsql as $$
    begin null; end $$;
    create function b() returns void language plpgsql as $$
    begin null; end $$;`;
    const out = splitStatements(block);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/^create function b\(\)/);
  });

  it('ends a statement at a semicolon followed by a trailing comment', () => {
    const block = `
      create table a (x int); -- the first table
      create table b (y int);   --  with spaces before
    `;
    expect(splitStatements(block)).toEqual([
      'create table a (x int); -- the first table',
      'create table b (y int);   --  with spaces before',
    ]);
  });

  it('keeps comment lines inside and before a statement with it', () => {
    const block = `
      -- regions: a subtree is a path prefix
      create table r (
        -- ancestors and self joined by '.'
        path text
      );
    `;
    const out = splitStatements(block);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^-- regions/);
    expect(out[0]).toContain('path text');
  });

  it('drops chunks that are only comments or blank', () => {
    expect(splitStatements('create table a (x int);\n-- a closing remark\n  -- and another\n')).toEqual([
      'create table a (x int);',
    ]);
    expect(splitStatements('-- nothing but a comment\n')).toEqual([]);
    expect(splitStatements('   \n\n  ')).toEqual([]);
    expect(splitStatements('')).toEqual([]);
  });

  it('keeps a last statement without a semicolon', () => {
    expect(splitStatements('create table a (x int);\nselect 1')).toEqual([
      'create table a (x int);',
      'select 1',
    ]);
  });

  it('tolerates CRLF line endings', () => {
    expect(splitStatements('create table a (x int);\r\ncreate table b (y int);\r\n')).toEqual([
      'create table a (x int);',
      'create table b (y int);',
    ]);
  });

  it('does not split on a semicolon in the middle of a line (one statement per line end)', () => {
    expect(splitStatements("insert into t values ('a;b');\nselect 1;")).toEqual([
      "insert into t values ('a;b');",
      'select 1;',
    ]);
  });
});
