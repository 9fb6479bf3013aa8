-- Check reports from repositories, and the ADR files they keep.
CREATE TABLE reports (
	id          INTEGER PRIMARY KEY,
	repo        TEXT NOT NULL,
	team        TEXT NOT NULL DEFAULT '',
	commit_sha  TEXT NOT NULL,
	at          TEXT NOT NULL,
	policy_hash TEXT NOT NULL DEFAULT '',
	items       TEXT NOT NULL DEFAULT '[]',
	item_count  INTEGER NOT NULL DEFAULT 0,
	errors      INTEGER NOT NULL DEFAULT 0,
	warnings    INTEGER NOT NULL DEFAULT 0,
	suppressed  INTEGER NOT NULL DEFAULT 0,
	UNIQUE (repo, commit_sha)
);
CREATE INDEX reports_at ON reports (at);
CREATE INDEX reports_repo ON reports (repo, at);

CREATE TABLE report_findings (
	report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	subject    TEXT NOT NULL,
	rule_id    TEXT NOT NULL,
	severity   TEXT NOT NULL,
	suppressed INTEGER NOT NULL DEFAULT 0,
	path       TEXT NOT NULL DEFAULT '',
	line       INTEGER NOT NULL DEFAULT 0,
	message    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_findings_report ON report_findings (report_id, subject);

CREATE TABLE repo_adrs (
	repo       TEXT NOT NULL,
	path       TEXT NOT NULL,
	commit_sha TEXT NOT NULL,
	team       TEXT NOT NULL DEFAULT '',
	number     INTEGER NOT NULL DEFAULT 0,
	title      TEXT NOT NULL,
	status     TEXT NOT NULL,
	content    TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (repo, path)
);
