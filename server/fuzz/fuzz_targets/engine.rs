//! Any datagram through parse -> decide -> apply -> encode, directly and
//! through a relay: must never panic, and every reply must be a well-formed
//! BOOTREPLY within the client's size limit. The world is the engine
//! tests' (serve::world), with rapid commit, dynamic BOOTP, a boot file,
//! an excluded address and an option too long for one TLV.

#![no_main]

use dhcplane_server::engine::v4::parse;
use dhcplane_server::serve::world::{from_relay, on_eth0, subnet, World};
use dhcplane_server::model::OptionScope;
use libfuzzer_sys::fuzz_target;

fn world() -> World {
    World::with(subnet(|s| {
        s.rapid_commit = true;
        s.bootp = true;
        s.bootp_dynamic = true;
        s.boot.boot_file = Some("pxelinux.0".into());
    }))
    .exclude("10.0.0.101")
    .option(OptionScope::Global, "vendor-specific", &"ab".repeat(400))
}

fuzz_target!(|data: &[u8]| {
    let Ok(req) = parse(data) else { return };
    // The client's limit, plus the relay's option 82, which the relay strips.
    let relay_82 = req.relay_info.as_ref().map_or(0, |r| r.len() + 2 * r.len().div_ceil(255).max(1));
    let limit = (usize::from(req.max_size.unwrap_or(0)).max(576) - 28).max(300) + relay_82;
    let mut w = world();
    // Two passes each way, so later decisions see the state earlier ones made.
    for (now, arrival) in [(1000, on_eth0()), (1010, from_relay()), (1020, on_eth0())] {
        let Ok(d) = w.decide(data, &arrival, now) else { return };
        if let Some(r) = &d.reply {
            assert_eq!(r.bytes[0], 2, "BOOTREPLY");
            assert!(r.bytes.len() >= 300 && r.bytes[236..240] == [99, 130, 83, 99]);
            assert!(r.bytes.len() <= limit, "reply {} over the client's limit {limit}", r.bytes.len());
        }
        let _ = w.table.expire(now + 100_000);
    }
});
