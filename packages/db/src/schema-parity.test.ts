// The two schema files must stay twins: same exported names, same row types. The type-level
// half is checked by `tsc` (npm run typecheck) through the assignments below; the run-time
// half by this test.
import {
  getTableColumns,
  getTableName,
  type InferInsertModel,
  type InferSelectModel,
  type Table,
} from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from './schema/postgres.ts';
import * as sqlite from './schema/sqlite.ts';

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type TableNames = keyof typeof pg & keyof typeof sqlite;
type RowsMatch = {
  [K in TableNames]: (typeof pg)[K] extends Table
    ? (typeof sqlite)[K] extends Table
      ? [
          Same<InferSelectModel<(typeof pg)[K]>, InferSelectModel<(typeof sqlite)[K]>>,
          Same<InferInsertModel<(typeof pg)[K]>, InferInsertModel<(typeof sqlite)[K]>>,
        ]
      : [false, false]
    : [false, false];
};
const everyTableMatches: { [K in TableNames]: [true, true] } = {} as RowsMatch;
void everyTableMatches;
const sameExports: Same<keyof typeof pg, keyof typeof sqlite> = true;
void sameExports;

describe('schema parity', () => {
  it('exports the same tables under the same names, with the same SQL names and columns', () => {
    expect(Object.keys(sqlite).sort()).toEqual(Object.keys(pg).sort());
    for (const name of Object.keys(pg) as TableNames[]) {
      const [a, b] = [pg[name], sqlite[name]] as [Table, Table];
      expect(getTableName(b), name).toBe(getTableName(a));
      const columns = (t: Table) =>
        Object.entries(getTableColumns(t)).map(([key, c]) => [
          key,
          c.name,
          c.notNull,
          c.primary,
          c.hasDefault,
        ]);
      expect(columns(b), name).toEqual(columns(a));
    }
  });

  it('infers identical row types', () => {
    expectTypeOf<InferSelectModel<typeof sqlite.users>>().toEqualTypeOf<
      InferSelectModel<typeof pg.users>
    >();
    expectTypeOf<InferSelectModel<typeof sqlite.outboxEvents>>().toEqualTypeOf<
      InferSelectModel<typeof pg.outboxEvents>
    >();
  });
});
