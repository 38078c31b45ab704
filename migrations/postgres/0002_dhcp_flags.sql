-- Per-subnet DHCP behaviour: rapid commit (RFC 4039) and BOOTP, both opt-in.
ALTER TABLE subnets ADD COLUMN rapid_commit BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE subnets ADD COLUMN bootp BOOLEAN NOT NULL DEFAULT FALSE;
