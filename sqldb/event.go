package sqldb

import (
	"context"
	"encoding/json"

	"github.com/bearingorg/bearing"
)

// insertEvent records a change in the same transaction as the change itself,
// so history and data can never disagree.
func (tx *Tx) insertEvent(ctx context.Context, entityType, entityID, action, reason string, changes []bearing.Change) error {
	if changes == nil {
		changes = []bearing.Change{}
	}
	buf, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	var actor any
	if u := bearing.UserFromContext(ctx); u != nil && u.ID != 0 {
		actor = u.ID
	}
	_, err = tx.exec(ctx, `INSERT INTO events (entity_type, entity_id, action, actor_id, at, reason, changes)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, entityType, entityID, action, actor, tx.now, reason, string(buf))
	return err
}

// findEvents lists the events of one record, oldest first.
func (tx *Tx) findEvents(ctx context.Context, entityType, entityID string) ([]*bearing.Event, error) {
	rows, err := tx.query(ctx, `SELECT e.id, e.entity_type, e.entity_id, e.action, COALESCE(u.email, ''), e.at, e.reason, e.changes
		FROM events e LEFT JOIN users u ON u.id = e.actor_id
		WHERE e.entity_type = ? AND e.entity_id = ? ORDER BY e.id`, entityType, entityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*bearing.Event
	for rows.Next() {
		var e bearing.Event
		var changes string
		if err := rows.Scan(&e.ID, &e.EntityType, &e.EntityID, &e.Action, &e.ActorEmail, scanTime{&e.At}, &e.Reason, &changes); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(changes), &e.Changes); err != nil {
			return nil, err
		}
		out = append(out, &e)
	}
	return out, rows.Err()
}
