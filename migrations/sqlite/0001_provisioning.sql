-- dhcplane provisioning schema (SQLite). Same tables and rules as the
-- PostgreSQL schema; overlap and containment rules are triggers here.

CREATE TABLE subnets (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    network         INTEGER NOT NULL,
    broadcast       INTEGER NOT NULL,
    prefix_len      INTEGER NOT NULL CHECK (prefix_len BETWEEN 0 AND 32),
    interface       TEXT,
    lease_min       INTEGER NOT NULL CHECK (lease_min > 0),
    lease_default   INTEGER NOT NULL,
    lease_max       INTEGER NOT NULL,
    t1              INTEGER,
    t2              INTEGER,
    authoritative   BOOLEAN NOT NULL DEFAULT TRUE,
    description     TEXT    NOT NULL DEFAULT '',
    created         INTEGER NOT NULL,
    updated         INTEGER NOT NULL,
    CHECK (network BETWEEN 0 AND 4294967295 AND network <= broadcast AND broadcast <= 4294967295),
    CHECK (lease_min <= lease_default AND lease_default <= lease_max)
);
CREATE INDEX subnets_network ON subnets (network);

CREATE TRIGGER subnets_no_overlap_insert BEFORE INSERT ON subnets
WHEN EXISTS (SELECT 1 FROM subnets s WHERE s.network <= NEW.broadcast AND NEW.network <= s.broadcast)
BEGIN SELECT RAISE(ABORT, 'subnet overlaps another subnet'); END;

CREATE TRIGGER subnets_no_overlap_update BEFORE UPDATE OF network, broadcast ON subnets
WHEN EXISTS (SELECT 1 FROM subnets s WHERE s.id <> NEW.id AND s.network <= NEW.broadcast AND NEW.network <= s.broadcast)
BEGIN SELECT RAISE(ABORT, 'subnet overlaps another subnet'); END;

CREATE TABLE subnet_relays (
    subnet_id INTEGER NOT NULL REFERENCES subnets (id) ON DELETE CASCADE,
    address   INTEGER NOT NULL PRIMARY KEY
);
CREATE INDEX subnet_relays_subnet ON subnet_relays (subnet_id);

CREATE TABLE pools (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    subnet_id   INTEGER NOT NULL REFERENCES subnets (id) ON DELETE CASCADE,
    range_start INTEGER NOT NULL,
    range_end   INTEGER NOT NULL,
    exclusions  TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    CHECK (range_start <= range_end)
);
CREATE INDEX pools_subnet ON pools (subnet_id);

CREATE TRIGGER pools_rules_insert BEFORE INSERT ON pools
BEGIN
    SELECT RAISE(ABORT, 'pool range is outside its subnet')
    WHERE NOT EXISTS (SELECT 1 FROM subnets s WHERE s.id = NEW.subnet_id
                      AND s.network <= NEW.range_start AND NEW.range_end <= s.broadcast);
    SELECT RAISE(ABORT, 'pool overlaps another pool')
    WHERE EXISTS (SELECT 1 FROM pools p WHERE p.range_start <= NEW.range_end AND NEW.range_start <= p.range_end);
END;

CREATE TRIGGER pools_rules_update BEFORE UPDATE OF subnet_id, range_start, range_end ON pools
BEGIN
    SELECT RAISE(ABORT, 'pool range is outside its subnet')
    WHERE NOT EXISTS (SELECT 1 FROM subnets s WHERE s.id = NEW.subnet_id
                      AND s.network <= NEW.range_start AND NEW.range_end <= s.broadcast);
    SELECT RAISE(ABORT, 'pool overlaps another pool')
    WHERE EXISTS (SELECT 1 FROM pools p WHERE p.id <> NEW.id
                  AND p.range_start <= NEW.range_end AND NEW.range_start <= p.range_end);
END;

CREATE TABLE reservations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    subnet_id   INTEGER NOT NULL REFERENCES subnets (id) ON DELETE CASCADE,
    mac         BLOB,
    client_id   BLOB,
    ip          INTEGER NOT NULL,
    hostname    TEXT,
    CHECK (mac IS NOT NULL OR client_id IS NOT NULL),
    CONSTRAINT reservations_ip_unique UNIQUE (ip),
    CONSTRAINT reservations_mac_unique UNIQUE (subnet_id, mac),
    CONSTRAINT reservations_client_id_unique UNIQUE (subnet_id, client_id)
);
CREATE INDEX reservations_mac ON reservations (mac);

CREATE TRIGGER reservations_inside_subnet_insert BEFORE INSERT ON reservations
WHEN NOT EXISTS (SELECT 1 FROM subnets s WHERE s.id = NEW.subnet_id AND NEW.ip BETWEEN s.network AND s.broadcast)
BEGIN SELECT RAISE(ABORT, 'reservations address is outside its subnet'); END;

CREATE TRIGGER reservations_inside_subnet_update BEFORE UPDATE OF subnet_id, ip ON reservations
WHEN NOT EXISTS (SELECT 1 FROM subnets s WHERE s.id = NEW.subnet_id AND NEW.ip BETWEEN s.network AND s.broadcast)
BEGIN SELECT RAISE(ABORT, 'reservations address is outside its subnet'); END;

CREATE TABLE reservation_labels (
    reservation_id INTEGER NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
    key            TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    PRIMARY KEY (reservation_id, key)
);

CREATE TABLE options (
    scope TEXT    NOT NULL CHECK (scope IN ('global', 'subnet', 'pool', 'reservation')),
    owner INTEGER NOT NULL,
    code  INTEGER NOT NULL CHECK (code BETWEEN 1 AND 254),
    data  BLOB    NOT NULL,
    PRIMARY KEY (scope, owner, code)
);

CREATE TABLE leases (
    ip        INTEGER NOT NULL PRIMARY KEY,
    subnet_id INTEGER NOT NULL REFERENCES subnets (id) ON DELETE CASCADE,
    mac       BLOB,
    client_id BLOB,
    hostname  TEXT,
    state     TEXT    NOT NULL CHECK (state IN ('offered', 'bound', 'released', 'expired', 'declined')),
    starts    INTEGER NOT NULL,
    ends      INTEGER NOT NULL
);
CREATE INDEX leases_subnet ON leases (subnet_id);
CREATE INDEX leases_mac ON leases (mac);
CREATE INDEX leases_state_ends ON leases (state, ends);

CREATE TRIGGER leases_inside_subnet_insert BEFORE INSERT ON leases
WHEN NOT EXISTS (SELECT 1 FROM subnets s WHERE s.id = NEW.subnet_id AND NEW.ip BETWEEN s.network AND s.broadcast)
BEGIN SELECT RAISE(ABORT, 'leases address is outside its subnet'); END;

CREATE TRIGGER leases_inside_subnet_update BEFORE UPDATE OF subnet_id, ip ON leases
WHEN NOT EXISTS (SELECT 1 FROM subnets s WHERE s.id = NEW.subnet_id AND NEW.ip BETWEEN s.network AND s.broadcast)
BEGIN SELECT RAISE(ABORT, 'leases address is outside its subnet'); END;
