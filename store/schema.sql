CREATE TABLE department (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);

CREATE TABLE department_goal (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	indicators VARCHAR NOT NULL, 
	first_line INTEGER NOT NULL, 
	last_line INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE TABLE document (
	id INTEGER NOT NULL, 
	department_id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	stage VARCHAR NOT NULL, 
	revision INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	compiled_by VARCHAR NOT NULL, 
	reviewed_by VARCHAR NOT NULL, 
	source_filename VARCHAR NOT NULL, 
	source_sha256 VARCHAR NOT NULL, 
	source_format VARCHAR NOT NULL, 
	source_encoding VARCHAR NOT NULL, 
	line_count INTEGER NOT NULL, 
	imported_at VARCHAR NOT NULL, 
	unit_count INTEGER DEFAULT '0' NOT NULL, 
	project_count INTEGER DEFAULT '0' NOT NULL, 
	indicator_count INTEGER DEFAULT '0' NOT NULL, 
	budget_fen INTEGER DEFAULT '0' NOT NULL, 
	unread_count INTEGER DEFAULT '0' NOT NULL, 
	warning_count INTEGER DEFAULT '0' NOT NULL, 
	kind VARCHAR DEFAULT 'budget_text' NOT NULL, 
	department_code VARCHAR DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (department_id, year, stage, revision), 
	FOREIGN KEY(department_id) REFERENCES department (id), 
	UNIQUE (source_sha256)
);

CREATE TABLE document_source (
	document_id INTEGER NOT NULL, 
	text_zlib BLOB NOT NULL, 
	PRIMARY KEY (document_id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE TABLE finding_dismissal (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	finding_key VARCHAR NOT NULL, 
	note VARCHAR NOT NULL, 
	reviewer VARCHAR NOT NULL, 
	dismissed_at VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (document_id, finding_key), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE TABLE import_note (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	line INTEGER, 
	severity VARCHAR NOT NULL, 
	message VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE TABLE indicator (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	level1 VARCHAR NOT NULL, 
	level2 VARCHAR NOT NULL, 
	level3 VARCHAR NOT NULL, 
	description VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	basis VARCHAR NOT NULL, 
	target_kind VARCHAR NOT NULL, 
	target_op VARCHAR, 
	target_number VARCHAR, 
	target_unit VARCHAR, 
	line INTEGER NOT NULL, 
	period VARCHAR DEFAULT 'annual' NOT NULL, 
	comparator VARCHAR, 
	measure_unit VARCHAR, 
	weight VARCHAR, 
	direction VARCHAR, 
	value_type VARCHAR, 
	explanation VARCHAR, 
	scoring_rule VARCHAR, 
	remark VARCHAR, 
	previous_value VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);

CREATE TABLE pairing_decision (
	id INTEGER NOT NULL, 
	a_project_id INTEGER NOT NULL, 
	b_project_id INTEGER NOT NULL, 
	decision VARCHAR NOT NULL, 
	reviewer VARCHAR NOT NULL, 
	decided_at VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (a_project_id, b_project_id), 
	FOREIGN KEY(a_project_id) REFERENCES project (id) ON DELETE CASCADE, 
	FOREIGN KEY(b_project_id) REFERENCES project (id) ON DELETE CASCADE
);

CREATE TABLE project (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	ordinal INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	code VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	money_unit VARCHAR NOT NULL, 
	budget_fen INTEGER NOT NULL, 
	fiscal_fen INTEGER, 
	other_fen INTEGER, 
	purpose VARCHAR NOT NULL, 
	plan_3 VARCHAR, 
	plan_6 VARCHAR, 
	plan_10 VARCHAR, 
	plan_12 VARCHAR, 
	first_line INTEGER NOT NULL, 
	last_line INTEGER NOT NULL, 
	code_key VARCHAR DEFAULT '' NOT NULL, 
	name_key VARCHAR DEFAULT '' NOT NULL, 
	previous_project_id INTEGER, 
	change_fen INTEGER, 
	attribute VARCHAR DEFAULT '' NOT NULL, 
	period VARCHAR DEFAULT '' NOT NULL, 
	manager VARCHAR DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, 
	FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE
);

CREATE TABLE project_fund (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	label VARCHAR NOT NULL, 
	amount_fen INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);

CREATE TABLE project_goal (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	line INTEGER NOT NULL, 
	period VARCHAR DEFAULT 'annual' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);

CREATE TABLE review_conclusion (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	grade VARCHAR, 
	note VARCHAR NOT NULL, 
	reviewer VARCHAR NOT NULL, 
	updated_at VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE TABLE review_mark (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	indicator_id INTEGER, 
	state VARCHAR, 
	note VARCHAR NOT NULL, 
	reviewer VARCHAR NOT NULL, 
	updated_at VARCHAR NOT NULL, 
	grade VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE, 
	FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE
);

CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', columnsize=0, tokenize='ascii');

CREATE TABLE search_text (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	project_id INTEGER, 
	indicator_id INTEGER, 
	kind VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE, 
	FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE
);

CREATE TABLE toc_entry (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	ordinal INTEGER, 
	title VARCHAR NOT NULL, 
	page INTEGER NOT NULL, 
	line INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE TABLE unit (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	code VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	line INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE INDEX ix_department_goal_document_id ON department_goal (document_id);

CREATE INDEX ix_document_department_id ON document (department_id);

CREATE INDEX ix_document_imported_at ON document (imported_at, id);

CREATE INDEX ix_finding_dismissal_document_id ON finding_dismissal (document_id);

CREATE INDEX ix_import_note_document_id ON import_note (document_id);

CREATE INDEX ix_indicator_project_id ON indicator (project_id);

CREATE INDEX ix_pairing_decision_a_project_id ON pairing_decision (a_project_id);

CREATE INDEX ix_pairing_decision_b_project_id ON pairing_decision (b_project_id);

CREATE INDEX ix_project_budget ON project (budget_fen, id);

CREATE INDEX ix_project_change ON project (change_fen, id);

CREATE INDEX ix_project_code ON project (code);

CREATE INDEX ix_project_document_id ON project (document_id);

CREATE INDEX ix_project_fund_project_id ON project_fund (project_id);

CREATE INDEX ix_project_goal_project_id ON project_goal (project_id);

CREATE INDEX ix_project_unit_id ON project (unit_id);

CREATE UNIQUE INDEX ix_review_conclusion_document_id ON review_conclusion (document_id);

CREATE INDEX ix_review_mark_document_id ON review_mark (document_id);

CREATE UNIQUE INDEX ix_review_mark_indicator ON review_mark (indicator_id) WHERE indicator_id IS NOT NULL;

CREATE UNIQUE INDEX ix_review_mark_project ON review_mark (project_id) WHERE indicator_id IS NULL;

CREATE INDEX ix_search_text_document_id ON search_text (document_id);

CREATE INDEX ix_toc_entry_document_id ON toc_entry (document_id);

CREATE INDEX ix_unit_document_id ON unit (document_id);
