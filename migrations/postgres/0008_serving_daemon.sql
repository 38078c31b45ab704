-- The daemon that serves this database, written by it while it holds the
-- session-level advisory lock that keeps a second daemon out (see
-- server/src/store/lock.rs). A row whose session no longer holds the lock
-- is stale: the next holder replaces it, and nobody reads it meanwhile.
CREATE TABLE serving_daemon (
    backend_pid integer NOT NULL,  -- pg_backend_pid() of the holder's session
    host        text    NOT NULL,
    pid         bigint  NOT NULL,
    started     text    NOT NULL   -- RFC 3339, UTC
);
