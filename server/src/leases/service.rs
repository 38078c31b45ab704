//! The lease service: the provisioning snapshot, the lease table, the
//! counters and the event hub, loaded from the store and kept current; the
//! DHCP handlers, expiry and the API share it. It knows no protocol: a
//! handler decides with the engine and applies through [`LeaseService::with_table`].

use std::net::Ipv4Addr;
use std::sync::{Arc, Mutex, RwLock};

use tracing::{info, warn};

use super::table::LeaseTable;
use super::Provisioning;
use crate::events::{Event, EventHub, EventKind};
use crate::metrics::Counters;
use crate::model::{Lease, LeaseFilter, LeaseState, OptionMap, Page};
use crate::store::{Result, Store};

/// Shared lease state.
#[derive(Debug)]
pub struct LeaseService {
    store: Arc<dyn Store>,
    prov: RwLock<Arc<Provisioning>>,
    table: Mutex<LeaseTable>,
    /// Counters of packets, replies and drops.
    pub counters: Arc<Counters>,
    /// Where lease events go.
    pub events: Arc<EventHub>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock is a bug already logged; the table
    // itself is still consistent at every await-free step.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl LeaseService {
    /// Loads provisioning and leases from the store.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn load(store: Arc<dyn Store>, now: i64, events: Arc<EventHub>) -> Result<Arc<Self>> {
        let prov = Provisioning::load(store.as_ref()).await?;
        let mut table = LeaseTable::default();
        let mut after = 0i64;
        loop {
            let batch = store
                .list_leases(
                    &LeaseFilter::default(),
                    Page {
                        after,
                        limit: 10_000,
                    },
                )
                .await?;
            let Some(last) = batch.last() else { break };
            after = i64::from(u32::from(last.ip));
            for l in batch {
                table.insert(l);
            }
        }
        table.rebuild_pools(&prov, now);
        info!(
            leases = table.len(),
            subnets = prov.subnets().len(),
            "lease table loaded"
        );
        Ok(Arc::new(Self {
            store,
            prov: RwLock::new(Arc::new(prov)),
            table: Mutex::new(table),
            counters: events.counters.clone(),
            events,
        }))
    }

    /// The store behind the service.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The current provisioning snapshot.
    pub fn snapshot(&self) -> Arc<Provisioning> {
        self.prov.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Runs `f` on the lease table under its lock: one decision and the
    /// change it makes, with no other in between. `f` must not block.
    pub fn with_table<R>(&self, f: impl FnOnce(&mut LeaseTable) -> R) -> R {
        f(&mut lock(&self.table))
    }

    /// Re-reads provisioning from the store; the next packet sees it.
    ///
    /// # Errors
    /// When the store fails; the old snapshot stays.
    pub async fn reload(&self, now: i64) -> Result<()> {
        let prov = Arc::new(Provisioning::load(self.store.as_ref()).await?);
        lock(&self.table).rebuild_pools(&prov, now);
        *self.prov.write().unwrap_or_else(|e| e.into_inner()) = prov;
        Ok(())
    }

    /// The options a client at `scope` receives, from the current snapshot.
    pub fn resolved_options(&self, scope: crate::model::OptionScope) -> Option<OptionMap> {
        self.snapshot().resolved(scope).cloned()
    }

    /// Ends what has run out; returns the leases to persist and their
    /// events.
    pub fn expire(&self, now: i64) -> (Vec<Lease>, Vec<Event>) {
        let out = lock(&self.table).expire(now);
        if !out.is_empty() {
            self.counters.add("leases.expired", out.len() as u64);
        }
        let prov = self.snapshot();
        let events = out
            .iter()
            .map(|l| {
                let cidr = prov.subnet(l.subnet_id).map(|s| s.spec.cidr);
                Event::lease(EventKind::Expired, l, cidr)
            })
            .collect();
        (out, events)
    }

    /// Releases a lease on an operator's request: store first, then memory.
    ///
    /// # Errors
    /// When the store fails or has no such lease.
    pub async fn operator_release(&self, ip: Ipv4Addr, now: i64, principal: &str) -> Result<Lease> {
        let l = self.store.release_lease(ip, now).await?;
        if lock(&self.table)
            .end(ip, LeaseState::Released, now)
            .is_none()
        {
            warn!(ip = %ip, "released lease was not in memory");
        }
        let cidr = self.snapshot().subnet(l.subnet_id).map(|s| s.spec.cidr);
        self.events
            .emit(Event::lease(EventKind::Released, &l, cidr).by(principal));
        Ok(l)
    }
}
