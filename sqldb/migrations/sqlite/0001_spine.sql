-- Accounts, the decision log and the event history.
CREATE TABLE counters (
	name  TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('viewer','member','dna','admin')),
	password_hash TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL
);

CREATE TABLE teams (
	id   INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL
);

CREATE TABLE team_members (
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	PRIMARY KEY (team_id, user_id)
);

CREATE TABLE sessions (
	hash       TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE tokens (
	id           INTEGER PRIMARY KEY,
	user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	hash         TEXT NOT NULL UNIQUE,
	created_at   TEXT NOT NULL,
	last_used_at TEXT,
	revoked_at   TEXT
);

CREATE TABLE decisions (
	id                TEXT PRIMARY KEY,
	number            INTEGER NOT NULL UNIQUE,
	title             TEXT NOT NULL,
	status            TEXT NOT NULL,
	context           TEXT NOT NULL DEFAULT '',
	options           TEXT NOT NULL DEFAULT '[]',
	body              TEXT NOT NULL DEFAULT '',
	consequences      TEXT NOT NULL DEFAULT '',
	dos               TEXT NOT NULL DEFAULT '[]',
	donts             TEXT NOT NULL DEFAULT '[]',
	executive_summary TEXT NOT NULL DEFAULT '',
	deciders          TEXT NOT NULL DEFAULT '[]',
	consulted         TEXT NOT NULL DEFAULT '[]',
	informed          TEXT NOT NULL DEFAULT '[]',
	revisit_on        TEXT,
	team_id           INTEGER REFERENCES teams (id),
	driver_id         INTEGER REFERENCES users (id),
	source            TEXT NOT NULL DEFAULT '',
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	version           INTEGER NOT NULL
);
CREATE INDEX decisions_status ON decisions (status, number);
CREATE INDEX decisions_revisit ON decisions (revisit_on);

CREATE TABLE decision_tags (
	decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	tag         TEXT NOT NULL,
	PRIMARY KEY (decision_id, tag)
);
CREATE INDEX decision_tags_tag ON decision_tags (tag);

CREATE TABLE decision_owners (
	decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	user_id     INTEGER NOT NULL REFERENCES users (id),
	position    INTEGER NOT NULL,
	accepted_at TEXT,
	PRIMARY KEY (decision_id, user_id)
);
CREATE INDEX decision_owners_user ON decision_owners (user_id);

CREATE TABLE action_items (
	decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	text        TEXT NOT NULL,
	owner_id    INTEGER NOT NULL REFERENCES users (id),
	due         TEXT NOT NULL,
	done        INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (decision_id, position)
);

CREATE TABLE supersessions (
	old_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	new_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	PRIMARY KEY (old_id, new_id)
);
CREATE INDEX supersessions_new ON supersessions (new_id);

CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	entity_type TEXT NOT NULL,
	entity_id   TEXT NOT NULL,
	action      TEXT NOT NULL,
	actor_id    INTEGER REFERENCES users (id),
	at          TEXT NOT NULL,
	reason      TEXT NOT NULL DEFAULT '',
	changes     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_entity ON events (entity_type, entity_id, id);

-- Full-text index of decisions, maintained by the storage layer in the same
-- transaction as every write.
CREATE VIRTUAL TABLE decisions_fts USING fts5 (
	decision_id UNINDEXED,
	title,
	summary,
	body,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
