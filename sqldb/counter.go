package sqldb

import "context"

// nextNumber takes the next human number of a kind of record ("decision",
// "guideline", "exception"). The upsert locks the counter row, so numbers
// stay unique under concurrent writers on both engines.
func (tx *Tx) nextNumber(ctx context.Context, name string) (int, error) {
	var n int
	err := tx.queryRow(ctx, `INSERT INTO counters (name, value) VALUES (?, 1)
		ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`, name).Scan(&n)
	return n, err
}

// raiseNumber makes sure the counter is at least n, after a record was
// stored with a number of its own (an import).
func (tx *Tx) raiseNumber(ctx context.Context, name string, n int) error {
	_, err := tx.exec(ctx, `INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE
		SET value = CASE WHEN counters.value < excluded.value THEN excluded.value ELSE counters.value END`, name, n)
	return err
}

// policyCounter counts changes to anything the policy document contains;
// instances compare it with the generation of their cached policy.
const policyCounter = "policy"

// bumpPolicy records that the policy changed, in the same transaction as the
// change, so no instance keeps serving a stale policy.
func (tx *Tx) bumpPolicy(ctx context.Context) error {
	_, err := tx.nextNumber(ctx, policyCounter)
	return err
}

// policyGeneration reads the policy counter (0 before the first change).
func (db *DB) policyGeneration(ctx context.Context) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = ?`), policyCounter).Scan(&n)
	return n, err
}
