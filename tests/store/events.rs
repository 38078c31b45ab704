//! The event log: appends keep every field, reads page by cursor, bounds
//! follow appends and prunes, a cursor is written once.

use super::*;

dhcplane_tests::both_backends!(
    event_log_appends_pages_and_prunes,
    event_log_takes_big_batches
);

/// An event at `cursor`, `time` microseconds, with some of every field.
fn event(cursor: u64, time: i64) -> Event {
    let lease = cursor.is_multiple_of(2);
    let mut e = Event::new(if lease {
        EventKind::Bound
    } else {
        EventKind::SubnetCreated
    });
    e.cursor = cursor;
    e.time = time;
    if lease {
        e.mac = Some("02:00:00:00:00:01".parse().expect("mac"));
        e.client_id = Some("01:02:00:00:00:00:01".parse().expect("cid"));
        e.ip = Some(ip("10.0.0.5"));
        e.hostname = Some("h".into());
    } else {
        e.principal = Some("admin".into());
    }
    e.subnet_id = Some(SubnetId(7));
    e.subnet = Some("10.0.0.0/24".parse().expect("cidr"));
    e.with("n", cursor)
}

async fn event_log_appends_pages_and_prunes(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    assert_eq!(s.event_bounds().await.expect("bounds"), None);
    assert!(s.list_events(0, 10).await.expect("list").is_empty());
    let all: Vec<Event> = (1..=5).map(|c| event(c, c as i64 * 1_000)).collect();
    s.append_events(&all[..3].iter().collect::<Vec<_>>())
        .await
        .expect("append");
    s.append_events(&all[3..].iter().collect::<Vec<_>>())
        .await
        .expect("append more");
    assert_eq!(
        s.list_events(0, 100).await.expect("list"),
        all,
        "as written"
    );
    assert_eq!(s.list_events(2, 2).await.expect("page"), &all[2..4]);
    assert!(s
        .list_events(5, 10)
        .await
        .expect("after the last")
        .is_empty());
    assert_eq!(s.event_bounds().await.expect("bounds"), Some((1, 5)));

    let e = s
        .append_events(&[&event(6, 6_000), &event(3, 3_000)])
        .await
        .expect_err("cursor 3 is taken");
    assert!(matches!(e, StoreError::AlreadyExists(_)), "{e:?}");
    assert_eq!(
        s.event_bounds().await.expect("bounds"),
        Some((1, 5)),
        "a failed append writes none of its events"
    );

    // Older than 2,500 µs: cursors 1 and 2.
    assert_eq!(s.prune_events(2_500, 100).await.expect("by age"), 2);
    assert_eq!(s.event_bounds().await.expect("bounds"), Some((3, 5)));
    // All but the newest one.
    assert_eq!(s.prune_events(0, 1).await.expect("by count"), 2);
    assert_eq!(s.list_events(0, 100).await.expect("list"), &all[4..]);
    assert_eq!(s.prune_events(0, 1).await.expect("nothing to do"), 0);
}

/// More events than one statement carries on SQLite, in one append.
async fn event_log_takes_big_batches(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let many: Vec<Event> = (1..=1_200).map(|c| event(c, 1_000 + c as i64)).collect();
    s.append_events(&many.iter().collect::<Vec<_>>())
        .await
        .expect("append");
    assert_eq!(s.event_bounds().await.expect("bounds"), Some((1, 1_200)));
    let mut read = Vec::new();
    let mut after = 0;
    loop {
        let page = s.list_events(after, 500).await.expect("page");
        let Some(last) = page.last() else { break };
        after = last.cursor;
        read.extend(page);
    }
    assert_eq!(read, many);
}
