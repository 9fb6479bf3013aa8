-- The technology radar, guidelines and exceptions.
CREATE TABLE radar_config (
	id     INTEGER PRIMARY KEY CHECK (id = 1),
	config TEXT NOT NULL
);

CREATE TABLE technologies (
	id                TEXT PRIMARY KEY,
	slug              TEXT NOT NULL UNIQUE,
	name              TEXT NOT NULL,
	aliases           TEXT NOT NULL DEFAULT '[]',
	quadrant          TEXT NOT NULL,
	ring              TEXT NOT NULL,
	description       TEXT NOT NULL DEFAULT '',
	rationale         TEXT NOT NULL DEFAULT '',
	executive_summary TEXT NOT NULL DEFAULT '',
	owners            TEXT NOT NULL DEFAULT '[]',
	decisions         TEXT NOT NULL DEFAULT '[]',
	identifiers       TEXT NOT NULL DEFAULT '[]',
	alternatives      TEXT NOT NULL DEFAULT '[]',
	revisit_on        TEXT,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	version           INTEGER NOT NULL
);
CREATE INDEX technologies_ring ON technologies (quadrant, ring, name);

CREATE TABLE ring_moves (
	id            INTEGER PRIMARY KEY,
	technology_id TEXT NOT NULL REFERENCES technologies (id) ON DELETE CASCADE,
	at            TEXT NOT NULL,
	from_ring     TEXT NOT NULL,
	to_ring       TEXT NOT NULL,
	reason        TEXT NOT NULL DEFAULT '',
	decision      TEXT NOT NULL DEFAULT '',
	actor_id      INTEGER REFERENCES users (id)
);
CREATE INDEX ring_moves_technology ON ring_moves (technology_id, id);

CREATE TABLE editions (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL,
	published_at TEXT NOT NULL
);

CREATE TABLE edition_entries (
	edition_id    INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
	technology_id TEXT NOT NULL,
	slug          TEXT NOT NULL,
	name          TEXT NOT NULL,
	quadrant      TEXT NOT NULL,
	ring          TEXT NOT NULL,
	PRIMARY KEY (edition_id, technology_id)
);

CREATE TABLE guidelines (
	id                TEXT PRIMARY KEY,
	number            INTEGER NOT NULL UNIQUE,
	statement         TEXT NOT NULL,
	level             TEXT NOT NULL,
	rationale         TEXT NOT NULL DEFAULT '',
	executive_summary TEXT NOT NULL DEFAULT '',
	scope             TEXT NOT NULL DEFAULT '{}',
	do_examples       TEXT NOT NULL DEFAULT '[]',
	dont_examples     TEXT NOT NULL DEFAULT '[]',
	decisions         TEXT NOT NULL DEFAULT '[]',
	technologies      TEXT NOT NULL DEFAULT '[]',
	owners            TEXT NOT NULL DEFAULT '[]',
	rules             TEXT NOT NULL DEFAULT '[]',
	revisit_on        TEXT,
	status            TEXT NOT NULL,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	version           INTEGER NOT NULL
);

CREATE TABLE exceptions (
	id            TEXT PRIMARY KEY,
	number        INTEGER NOT NULL UNIQUE,
	team_id       INTEGER NOT NULL REFERENCES teams (id),
	guideline     TEXT NOT NULL DEFAULT '',
	technology    TEXT NOT NULL DEFAULT '',
	scope         TEXT NOT NULL DEFAULT '[]',
	justification TEXT NOT NULL,
	risk          TEXT NOT NULL,
	compensating  TEXT NOT NULL,
	expires_on    TEXT NOT NULL,
	state         TEXT NOT NULL,
	requested_by  INTEGER NOT NULL REFERENCES users (id),
	decided_by    INTEGER REFERENCES users (id),
	decided_at    TEXT,
	reason        TEXT NOT NULL DEFAULT '',
	renewal_of    TEXT REFERENCES exceptions (id),
	renewals      INTEGER NOT NULL DEFAULT 0,
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	version       INTEGER NOT NULL
);
CREATE INDEX exceptions_state ON exceptions (state, expires_on);
