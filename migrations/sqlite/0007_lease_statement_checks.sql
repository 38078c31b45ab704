-- leases_state_ends served no query; every lease commit paid for it.
DROP INDEX leases_state_ends;
