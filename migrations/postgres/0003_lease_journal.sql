-- Lease commits append here: no index, no trigger, no conflict check, so a
-- commit costs one WAL flush plus a few microseconds per row. Housekeeping
-- (and every lease read) folds the journal into `leases`, last batch wins.
-- The append joins each row to its subnet and writes subnet_id 0 when the
-- address lies outside it, which the CHECK refuses: the batch is rejected
-- whole at commit time, as a direct write to `leases` would be.
CREATE TABLE lease_journal (
    batch     BIGINT NOT NULL,
    ip        BIGINT NOT NULL,
    subnet_id BIGINT NOT NULL CONSTRAINT lease_address_outside_its_subnet CHECK (subnet_id > 0),
    mac       BYTEA,
    client_id BYTEA,
    hostname  TEXT,
    state     TEXT   NOT NULL CHECK (state IN ('offered', 'bound', 'released', 'expired', 'declined')),
    starts    BIGINT NOT NULL,
    ends      BIGINT NOT NULL
);
