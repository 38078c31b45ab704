//! The event stream of the real daemon, through its gRPC API: the seam
//! between replay and live under concurrent writes, filters, a subscriber
//! that falls behind, resuming after a restart, and retention.

use std::sync::Arc;
use std::time::Duration;

use dhcplane_proto::v1 as pb;
use dhcplane_tests::{fresh_store, Backend, Daemon};
use pb::events_client::EventsClient;
use pb::reservations_client::ReservationsClient;
use pb::subnets_client::SubnetsClient;
use tokio::sync::Notify;
use tonic::transport::Channel;
use tonic::{Code, Status, Streaming};

dhcplane_tests::both_backends!(
    replay_meets_live_without_gap_or_duplicate,
    resume_after_restart
);

/// Waits this long at most for any one event.
const PATIENCE: Duration = Duration::from_secs(20);

async fn channel(d: &Daemon) -> Channel {
    Channel::from_shared(format!("http://{}", d.addr))
        .expect("endpoint")
        .connect()
        .await
        .expect("connect")
}

async fn add_subnet(ch: &Channel, cidr: &str) -> u64 {
    SubnetsClient::new(ch.clone())
        .create_subnet(pb::CreateSubnetRequest {
            subnet: Some(pb::Subnet {
                cidr: cidr.into(),
                ..Default::default()
            }),
            options: vec![],
        })
        .await
        .expect("create subnet")
        .into_inner()
        .id
}

/// Reservation `i` (1-based): MAC 02:00:00:00:HI:LO, address 10.0.HI.LO.
fn mac(i: u32) -> String {
    format!("02:00:00:00:{:02x}:{:02x}", i >> 8, i & 0xff)
}

async fn add_reservation(ch: &Channel, i: u32, prefix: &str) -> u64 {
    ReservationsClient::new(ch.clone())
        .create_reservation(pb::CreateReservationRequest {
            reservation: Some(pb::Reservation {
                mac: mac(i),
                ip: format!("{prefix}.{}.{}", i >> 8, i & 0xff),
                ..Default::default()
            }),
            options: vec![],
        })
        .await
        .expect("create reservation")
        .into_inner()
        .id
}

async fn watch(ch: &Channel, req: pb::WatchRequest) -> Result<Streaming<pb::Event>, Status> {
    EventsClient::new(ch.clone())
        .watch(req)
        .await
        .map(tonic::Response::into_inner)
}

/// The next `n` events, or the status the stream ended with.
async fn take(s: &mut Streaming<pb::Event>, n: usize) -> Result<Vec<pb::Event>, Status> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match tokio::time::timeout(PATIENCE, s.message()).await {
            Err(_) => panic!("no event within {PATIENCE:?}; got {} of {n}", out.len()),
            Ok(Ok(Some(e))) => out.push(e),
            Ok(Ok(None)) => panic!("stream ended after {} of {n} events", out.len()),
            Ok(Err(st)) => return Err(st),
        }
    }
    Ok(out)
}

fn cursors(events: &[pb::Event]) -> Vec<u64> {
    events.iter().map(|e| e.cursor).collect()
}

/// Subscribers join while 300 reservations are being written, with a ring
/// of 16 so their replay comes from the store, the ring and live in turn:
/// each sees every cursor exactly once, in order.
async fn replay_meets_live_without_gap_or_duplicate(backend: Backend) {
    let store = fresh_store(backend).await;
    let d = Daemon::start(&store, &["--event-buffer", "16"]);
    let ch = channel(&d).await;
    add_subnet(&ch, "10.0.0.0/16").await;
    const N: u32 = 300;
    let halfway = Arc::new(Notify::new());
    let writer = {
        let (ch, halfway) = (ch.clone(), halfway.clone());
        tokio::spawn(async move {
            for i in 1..=N {
                add_reservation(&ch, i, "10.0").await;
                if i == N / 2 {
                    halfway.notify_one();
                }
            }
        })
    };
    halfway.notified().await;
    // 1 server_started + 1 subnet_created + N reservation_created.
    let total = 2 + N as usize;
    let mut from_start = watch(
        &ch,
        pb::WatchRequest {
            since: Some(0),
            ..Default::default()
        },
    )
    .await
    .expect("watch since 0");
    let mut from_100 = watch(
        &ch,
        pb::WatchRequest {
            since: Some(100),
            ..Default::default()
        },
    )
    .await
    .expect("watch since 100");
    let all = take(&mut from_start, total).await.expect("every event");
    assert_eq!(cursors(&all), (1..=total as u64).collect::<Vec<_>>());
    assert_eq!(all[0].kind(), pb::EventKind::ServerStarted);
    assert_eq!(all[1].kind(), pb::EventKind::SubnetCreated);
    assert!(all[2..]
        .iter()
        .all(|e| e.kind() == pb::EventKind::ReservationCreated));
    assert_eq!(all[total - 1].mac, mac(N));
    let tail = take(&mut from_100, total - 100)
        .await
        .expect("events after 100");
    assert_eq!(cursors(&tail), (101..=total as u64).collect::<Vec<_>>());
    writer.await.expect("writer");
}

/// Filters by MAC, subnet and kind; bad filters name the field.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters() {
    let store = fresh_store(Backend::Sqlite).await;
    let d = Daemon::start(&store, &[]);
    let ch = channel(&d).await;
    let by_mac = |m: &str| pb::WatchRequest {
        since: Some(0),
        mac: m.into(),
        ..Default::default()
    };
    let mut mine = watch(&ch, by_mac(&mac(2))).await.expect("watch mac");
    let mut in_a = watch(
        &ch,
        pb::WatchRequest {
            subnet: "10.1.0.0/16".into(),
            kinds: vec![
                pb::EventKind::SubnetCreated.into(),
                pb::EventKind::ReservationDeleted.into(),
            ],
            ..Default::default()
        },
    )
    .await
    .expect("watch subnet and kinds");
    add_subnet(&ch, "10.1.0.0/16").await;
    add_subnet(&ch, "10.2.0.0/16").await;
    add_reservation(&ch, 1, "10.1").await;
    let second = add_reservation(&ch, 2, "10.2").await;
    add_reservation(&ch, 3, "10.1").await;
    ReservationsClient::new(ch.clone())
        .delete_reservation(pb::DeleteReservationRequest {
            key: Some(pb::delete_reservation_request::Key::Id(second)),
        })
        .await
        .expect("delete");
    ReservationsClient::new(ch.clone())
        .delete_reservation(pb::DeleteReservationRequest {
            key: Some(pb::delete_reservation_request::Key::Mac(mac(1))),
        })
        .await
        .expect("delete");

    let got = take(&mut mine, 2).await.expect("events for the MAC");
    let kinds: Vec<_> = got.iter().map(pb::Event::kind).collect();
    assert_eq!(
        kinds,
        [
            pb::EventKind::ReservationCreated,
            pb::EventKind::ReservationDeleted
        ]
    );
    assert!(got.iter().all(|e| e.mac == mac(2) && e.ip == "10.2.0.2"));
    assert!(got.iter().all(|e| e.principal.starts_with("anonymous@")));

    let got = take(&mut in_a, 2).await.expect("events for the subnet");
    let kinds: Vec<_> = got.iter().map(pb::Event::kind).collect();
    assert_eq!(
        kinds,
        [
            pb::EventKind::SubnetCreated,
            pb::EventKind::ReservationDeleted
        ]
    );
    assert!(got.iter().all(|e| e.subnet == "10.1.0.0/16"));
    assert_eq!(got[1].mac, mac(1));

    for (req, field) in [
        (by_mac("zz:00"), "mac"),
        (
            pb::WatchRequest {
                subnet: "10.0.0.0/33".into(),
                ..Default::default()
            },
            "subnet",
        ),
        (
            pb::WatchRequest {
                ip: "10.0.0".into(),
                ..Default::default()
            },
            "ip",
        ),
        (
            pb::WatchRequest {
                kinds: vec![999],
                ..Default::default()
            },
            "kinds",
        ),
    ] {
        let st = watch(&ch, req).await.expect_err("refused");
        assert_eq!(st.code(), Code::InvalidArgument, "{st:?}");
        assert!(st.message().starts_with(field), "{field}: {}", st.message());
    }
}

/// A subscriber that stops reading is cut off with the cursor to resume
/// from, and resuming there continues without a gap.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscriber_that_falls_behind_is_cut_off_and_resumes() {
    let store = fresh_store(Backend::Sqlite).await;
    let d = Daemon::start(&store, &["--event-buffer", "16"]);
    let ch = channel(&d).await;
    // Its own connection with an 8 KiB window: what it does not read backs
    // up to the server after a few dozen events.
    let narrow = Channel::from_shared(format!("http://{}", d.addr))
        .expect("endpoint")
        .initial_stream_window_size(8 * 1024)
        .initial_connection_window_size(8 * 1024)
        .connect()
        .await
        .expect("connect");
    let mut slow = watch(&narrow, pb::WatchRequest::default())
        .await
        .expect("watch");
    add_subnet(&ch, "10.0.0.0/16").await;
    const N: u32 = 1000;
    for i in 1..=N {
        add_reservation(&ch, i, "10.0").await;
    }
    // Now read: what was buffered, then the cut-off.
    let mut last = 0;
    let st = loop {
        match tokio::time::timeout(PATIENCE, slow.message()).await {
            Err(_) => {
                panic!("neither an event nor a status within {PATIENCE:?} after cursor {last}")
            }
            Ok(Ok(Some(e))) => {
                assert!(e.cursor > last, "cursors only grow");
                last = e.cursor;
            }
            Ok(Ok(None)) => panic!("stream ended without a status"),
            Ok(Err(st)) => break st,
        }
    };
    assert_eq!(st.code(), Code::ResourceExhausted, "{st:?}");
    let resume: u64 = st
        .message()
        .rsplit("since = ")
        .next()
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no cursor in {:?}", st.message()));
    assert_eq!(resume, last, "resume from the last event delivered");
    assert_eq!(
        d.json(&["status"])["counters"]["events.subscriber_lagged"],
        1
    );

    let mut again = watch(
        &ch,
        pb::WatchRequest {
            since: Some(resume),
            ..Default::default()
        },
    )
    .await
    .expect("resume");
    let total = 2 + u64::from(N);
    let rest = take(&mut again, (total - resume) as usize)
        .await
        .expect("the rest");
    assert_eq!(cursors(&rest), (resume + 1..=total).collect::<Vec<_>>());
}

/// Events survive a restart; cursors go on from where they were; the
/// stream of the stopped daemon ended with `server_stopping`.
async fn resume_after_restart(backend: Backend) {
    let store = fresh_store(backend).await;
    let mut first = Daemon::start(&store, &[]);
    let ch = channel(&first).await;
    let mut live = watch(
        &ch,
        pb::WatchRequest {
            since: Some(0),
            ..Default::default()
        },
    )
    .await
    .expect("watch");
    add_subnet(&ch, "10.0.0.0/16").await;
    let seen = take(&mut live, 2).await.expect("started, subnet");
    assert!(first.terminate(Duration::from_secs(20)).success());
    let end = take(&mut live, 1).await.expect("stopping");
    assert_eq!(end[0].kind(), pb::EventKind::ServerStopping);
    assert_eq!(end[0].cursor, 3);
    assert!(
        tokio::time::timeout(PATIENCE, live.message())
            .await
            .expect("the stream ends")
            .map_or(true, |e| e.is_none()),
        "nothing after server_stopping"
    );

    let second = Daemon::start(&store, &["--event-retention-count", "2"]);
    let ch = channel(&second).await;
    let mut resumed = watch(
        &ch,
        pb::WatchRequest {
            since: Some(seen[1].cursor),
            ..Default::default()
        },
    )
    .await
    .expect("resume");
    let got = take(&mut resumed, 2).await.expect("stopping, started");
    assert_eq!(cursors(&got), [3, 4]);
    assert_eq!(got[0].kind(), pb::EventKind::ServerStopping);
    assert_eq!(got[1].kind(), pb::EventKind::ServerStarted);

    // Retention keeps the newest 2 (3, 4) once the first write prunes: a
    // resume that needs event 2 is refused, naming the oldest kept. The
    // prune runs right after that write lands, so this polls briefly.
    let mut refused = None;
    for _ in 0..200 {
        match watch(
            &ch,
            pb::WatchRequest {
                since: Some(1),
                ..Default::default()
            },
        )
        .await
        .expect("watch")
        .message()
        .await
        {
            Err(st) => {
                refused = Some(st);
                break;
            }
            Ok(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    let st = refused.expect("retention pruned the oldest events");
    assert_eq!(st.code(), Code::OutOfRange, "{st:?}");
    assert!(
        st.message().contains("oldest event kept"),
        "{}",
        st.message()
    );
}
