-- Boot fields of the DHCPv4 header (next server, server host name, boot
-- file) per subnet, per reservation and server-wide; dynamic BOOTP per
-- subnet (RFC 1534), with its lease time (NULL: bindings do not expire).
ALTER TABLE subnets
    ADD COLUMN bootp_dynamic BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN bootp_lease_time BIGINT CHECK (bootp_lease_time > 0),
    ADD COLUMN next_server BIGINT,
    ADD COLUMN server_name TEXT,
    ADD COLUMN boot_file TEXT;
ALTER TABLE reservations
    ADD COLUMN next_server BIGINT,
    ADD COLUMN server_name TEXT,
    ADD COLUMN boot_file TEXT;
-- Server-wide settings that are not DHCP options: exactly one row.
CREATE TABLE server_defaults (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    next_server BIGINT,
    server_name TEXT,
    boot_file TEXT
);
INSERT INTO server_defaults (id) VALUES (1);
