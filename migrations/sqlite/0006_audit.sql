-- Every provisioning and token change: who, when, what, before and after.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    time      INTEGER NOT NULL,
    principal TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    object    TEXT    NOT NULL,
    before    TEXT,
    after     TEXT
);
