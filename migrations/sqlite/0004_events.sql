-- The event stream's record: what a subscriber resumes from by cursor.
CREATE TABLE events (
    cursor    INTEGER NOT NULL PRIMARY KEY,
    time      INTEGER NOT NULL,
    kind      TEXT   NOT NULL,
    mac       BLOB,
    client_id BLOB,
    ip        INTEGER,
    subnet_id INTEGER,
    subnet    TEXT,
    hostname  TEXT,
    principal TEXT,
    details   TEXT   NOT NULL DEFAULT '{}'
);
