-- `leases` is written in bulk by the journal fold (thousands of rows a
-- statement). Row-level checks cost more than the rest of the fold together
-- (a PL/pgSQL call and a foreign-key query per row), so the same rules now
-- run once per statement over the rows it wrote:
--  * every lease lies inside an existing subnet (was: a row trigger and a
--    foreign key);
--  * deleting a subnet deletes its leases (was: ON DELETE CASCADE);
--  * the subnets a statement's leases name are locked as a foreign key
--    would lock them (FOR KEY SHARE), so a subnet cannot be deleted from
--    under leases being written until they commit, and its deletion then
--    sees them.
-- leases_state_ends served no query; leases_mac serves equality lookups
-- only, which a hash index does with half the upkeep of a btree.
DROP TRIGGER leases_inside_subnet ON leases;
ALTER TABLE leases DROP CONSTRAINT leases_subnet_id_fkey;
DROP INDEX leases_state_ends;
DROP INDEX leases_mac;
CREATE INDEX leases_mac ON leases USING hash (mac);
-- Room on each page for a renewal's new row version next to the old one: a
-- renewal changes no indexed column, so when the new version fits on the
-- page it is a heap-only update that touches no index.
ALTER TABLE leases SET (fillfactor = 80);

CREATE FUNCTION dhcplane_leases_inside_subnet() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad BIGINT;
BEGIN
    PERFORM 1 FROM subnets WHERE id IN (SELECT DISTINCT subnet_id FROM written) ORDER BY id FOR KEY SHARE;
    SELECT w.ip INTO bad FROM written w
        LEFT JOIN subnets s ON s.id = w.subnet_id AND w.ip BETWEEN s.network AND s.broadcast
        WHERE s.id IS NULL LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'leases address is outside its subnet (address %)', bad USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER leases_inside_subnet_insert AFTER INSERT ON leases
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION dhcplane_leases_inside_subnet();
CREATE TRIGGER leases_inside_subnet_update AFTER UPDATE ON leases
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION dhcplane_leases_inside_subnet();

CREATE FUNCTION dhcplane_subnet_leases_go() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM leases WHERE subnet_id IN (SELECT id FROM gone);
    RETURN NULL;
END $$;

CREATE TRIGGER subnets_delete_leases AFTER DELETE ON subnets
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION dhcplane_subnet_leases_go();
