-- API bearer tokens: only a SHA-256 of each secret is kept.
CREATE TABLE tokens (
    name    TEXT   NOT NULL PRIMARY KEY,
    role    TEXT   NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    hash    TEXT   NOT NULL UNIQUE,
    created BIGINT NOT NULL
);
