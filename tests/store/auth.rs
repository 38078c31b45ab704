//! API tokens (by name and by hash) and the audit log.

use super::*;

dhcplane_tests::both_backends!(tokens_by_name_and_hash, audit_log_pages_newest_first);

async fn tokens_by_name_and_hash(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    assert!(s.list_tokens().await.expect("none yet").is_empty());
    let ci = s
        .create_token("ci", Role::Operator, "hash-ci", 100)
        .await
        .expect("create");
    assert_eq!(
        ci,
        Token {
            name: "ci".into(),
            role: Role::Operator,
            created: 100
        }
    );
    s.create_token("admin.1", Role::Admin, "hash-admin", 200)
        .await
        .expect("create another");

    let e = s
        .create_token("ci", Role::Viewer, "hash-other", 300)
        .await
        .expect_err("taken name");
    assert!(
        matches!(&e, StoreError::AlreadyExists(m)
            if m == "name: a token named ci exists; revoke it first or pick another name"),
        "{e:?}"
    );
    let e = s
        .create_token("no spaces", Role::Viewer, "hash-x", 300)
        .await
        .expect_err("bad name");
    assert!(
        matches!(&e, StoreError::Invalid(i) if i.field == "name" && i.reason.contains("is not a token name")),
        "{e:?}"
    );

    let names: Vec<String> = s
        .list_tokens()
        .await
        .expect("list")
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(
        names,
        ["admin.1", "ci"],
        "by name; failed creates left nothing"
    );
    let mut hashes = s.token_hashes().await.expect("hashes");
    hashes.sort();
    assert_eq!(
        hashes,
        [
            ("hash-admin".to_string(), "admin.1".to_string(), Role::Admin),
            ("hash-ci".to_string(), "ci".to_string(), Role::Operator),
        ]
    );

    assert_eq!(s.revoke_token("ci").await.expect("revoke"), ci);
    let e = s.revoke_token("ci").await.expect_err("gone");
    assert!(
        matches!(&e, StoreError::NotFound(m) if m == "name: no token named ci"),
        "{e:?}"
    );
    assert_eq!(s.token_hashes().await.expect("hashes").len(), 1);
    s.create_token("ci", Role::Viewer, "hash-ci-2", 400)
        .await
        .expect("a revoked name is free again");
}

fn entry(principal: &str, action: &str, object: &str) -> AuditEntry {
    AuditEntry {
        id: 0,
        time: 1_000,
        principal: principal.into(),
        action: action.into(),
        object: object.into(),
        before: (action != "subnet_created").then(|| "{\"a\":1}".into()),
        after: (action != "subnet_deleted").then(|| "{\"a\":2}".into()),
    }
}

async fn audit_log_pages_newest_first(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    assert!(s.list_audit(0, 10, None).await.expect("empty").is_empty());
    let written = [
        entry("ci", "subnet_created", "subnet 10.0.0.0/24"),
        entry(
            "anonymous@127.0.0.1",
            "subnet_updated",
            "subnet 10.0.0.0/24",
        ),
        entry("ci", "subnet_deleted", "subnet 10.0.0.0/24"),
    ];
    let mut ids = Vec::new();
    for e in &written {
        ids.push(s.record_audit(e).await.expect("record"));
    }
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids grow: {ids:?}");

    let all = s.list_audit(0, 10, None).await.expect("all");
    let expected: Vec<AuditEntry> = written
        .iter()
        .zip(&ids)
        .rev()
        .map(|(e, id)| AuditEntry {
            id: *id,
            ..e.clone()
        })
        .collect();
    assert_eq!(all, expected, "newest first, every field kept");
    assert_eq!(
        s.list_audit(0, 1, None).await.expect("newest"),
        &expected[..1]
    );
    assert_eq!(
        s.list_audit(ids[2], 10, None)
            .await
            .expect("older than the newest"),
        &expected[1..]
    );
    let by_ci = s.list_audit(0, 10, Some("ci")).await.expect("by ci");
    assert_eq!(
        by_ci.iter().map(|e| e.id).collect::<Vec<_>>(),
        [ids[2], ids[0]]
    );
}
