//! `dhcplane.v1.Events`: replay from the store, then the hub's ring, then
//! live, meeting with no gap and no duplicate (see `crate::events`).

use std::pin::Pin;

use dhcplane_proto::v1 as pb;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use super::convert as cv;
use super::{status, Api};
use crate::model::SubnetSpec;
use crate::model::{Event, EventFilter, EventKind};

/// Events read from the store per query while replaying.
const REPLAY_PAGE: u32 = 1000;
/// Events queued for one subscriber's connection.
const OUT_QUEUE: usize = 256;

/// The proto form of an event.
pub(super) fn event(e: &Event) -> pb::Event {
    pb::Event {
        cursor: e.cursor,
        time: Some(prost_types::Timestamp {
            seconds: e.time.div_euclid(1_000_000),
            nanos: i32::try_from(e.time.rem_euclid(1_000_000) * 1000).unwrap_or(0),
        }),
        kind: e.kind.number(),
        mac: e.mac.map(|m| m.to_string()).unwrap_or_default(),
        client_id: e
            .client_id
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        ip: e.ip.map(|i| i.to_string()).unwrap_or_default(),
        subnet_id: e.subnet_id.map_or(0, |s| u64::try_from(s.0).unwrap_or(0)),
        subnet: e.subnet.map(|s| s.to_string()).unwrap_or_default(),
        hostname: e.hostname.clone().unwrap_or_default(),
        principal: e.principal.clone().unwrap_or_default(),
        details: e
            .details
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

fn filter(r: &pb::WatchRequest) -> Result<EventFilter, Status> {
    let subnet = match r.subnet.trim() {
        "" => None,
        s => Some(
            SubnetSpec::parse_cidr("subnet", s)
                .map_err(|e| Status::invalid_argument(e.to_string()))?,
        ),
    };
    let kinds = r
        .kinds
        .iter()
        .map(|&k| {
            EventKind::from_number(k).ok_or_else(|| {
                Status::invalid_argument(format!(
                    "kinds: {k} is not an EventKind; leave kinds empty for all"
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(EventFilter {
        mac: cv::mac("mac", &r.mac)?,
        ip: cv::opt_ip("ip", &r.ip)?,
        subnet,
        kinds,
    })
}

type Out = mpsc::Sender<Result<pb::Event, Status>>;

/// Sends `e` if it passes; false when the subscriber has gone.
async fn deliver(out: &Out, f: &EventFilter, e: &Event) -> bool {
    !f.matches(e) || out.send(Ok(event(e))).await.is_ok()
}

impl Api {
    /// Streams to `out` until the subscriber goes or falls behind.
    async fn watch(&self, since: Option<u64>, f: EventFilter, out: Out) {
        let hub = self.leases.events.clone();
        let sub = hub.subscribe(f.clone());
        let ring_first = sub.recent.first().map_or(sub.next, |e| e.cursor);
        // Everything up to `last` has been delivered (or filtered out).
        let mut last = match since {
            None => sub.next.saturating_sub(1),
            Some(s) => s,
        };
        if let Some(since) = since {
            if since.saturating_add(1) < ring_first {
                // Older than the ring: from the store, once it has all of it.
                hub.persisted_through(ring_first.saturating_sub(1)).await;
                match self.store.event_bounds().await {
                    Ok(Some((oldest, _))) if since > 0 && since.saturating_add(1) < oldest => {
                        let _ = out
                            .send(Err(Status::out_of_range(format!(
                                "since: cursor {since} is older than the oldest event kept ({oldest}); \
                                 resume with since = {} or 0 for everything kept",
                                oldest - 1
                            ))))
                            .await;
                        return;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let _ = out.send(Err(status(e))).await;
                        return;
                    }
                }
                while last.saturating_add(1) < ring_first {
                    let page = match self.store.list_events(last, REPLAY_PAGE).await {
                        Ok(p) => p,
                        Err(e) => {
                            let _ = out.send(Err(status(e))).await;
                            return;
                        }
                    };
                    let Some(end) = page.last().map(|e| e.cursor) else {
                        break;
                    };
                    for e in page.iter().filter(|e| e.cursor < ring_first) {
                        if !deliver(&out, &f, e).await {
                            return;
                        }
                    }
                    last = end.min(ring_first.saturating_sub(1));
                    if end >= ring_first {
                        break;
                    }
                }
                last = last.max(ring_first.saturating_sub(1));
            }
            let from = last;
            for e in sub.recent.iter().filter(|e| e.cursor > from) {
                if !deliver(&out, &f, e).await {
                    return;
                }
                last = e.cursor;
            }
        }
        let mut live = sub.live;
        loop {
            let got = tokio::select! {
                got = live.recv() => got,
                // The subscriber went (or the server is stopping).
                () = out.closed() => return,
            };
            let Some(e) = got else {
                if sub.lagged.load(std::sync::atomic::Ordering::Acquire) {
                    let _ = out
                        .send(Err(Status::resource_exhausted(format!(
                            "subscriber fell more than the event buffer behind and was cut off; \
                             resume with since = {last} to get the rest"
                        ))))
                        .await;
                }
                return;
            };
            if e.cursor <= last {
                continue;
            }
            // Live events already passed the filter in the hub.
            if out.send(Ok(event(&e))).await.is_err() {
                return;
            }
            last = e.cursor;
        }
    }
}

#[tonic::async_trait]
impl pb::events_server::Events for Api {
    type WatchStream = Pin<Box<dyn Stream<Item = Result<pb::Event, Status>> + Send + 'static>>;

    async fn watch(
        &self,
        req: Request<pb::WatchRequest>,
    ) -> Result<Response<Self::WatchStream>, Status> {
        let r = req.into_inner();
        let f = filter(&r)?;
        let (tx, rx) = mpsc::channel(OUT_QUEUE);
        let api = self.clone();
        tokio::spawn(async move { api.watch(r.since, f, tx).await });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
