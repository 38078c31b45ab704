-- The event stream's record: what a subscriber resumes from by cursor.
CREATE TABLE events (
    cursor    BIGINT NOT NULL PRIMARY KEY,
    time      BIGINT NOT NULL,
    kind      TEXT   NOT NULL,
    mac       BYTEA,
    client_id BYTEA,
    ip        BIGINT,
    subnet_id BIGINT,
    subnet    TEXT,
    hostname  TEXT,
    principal TEXT,
    details   TEXT   NOT NULL DEFAULT '{}'
);
