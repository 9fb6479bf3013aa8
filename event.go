package bearing

import "time"

// Event is one recorded change: who did what to which record, when, and
// every field's old and new value. Events are never updated or deleted, so
// the history of a record is the list of its events.
type Event struct {
	ID         int64     `json:"id"`
	EntityType string    `json:"entity_type"` // "decision", "user", "token", …
	EntityID   string    `json:"entity_id"`
	Action     string    `json:"action"` // "created", "updated", "status", "ownership", …
	ActorEmail string    `json:"actor"`  // "" for the system
	At         time.Time `json:"at"`
	Reason     string    `json:"reason,omitempty"`
	Changes    []Change  `json:"changes"`
}

// Change is one field's move from Old to New, both rendered as text so that
// the history can show a readable diff of any field.
type Change struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}
