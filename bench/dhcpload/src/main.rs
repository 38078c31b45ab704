//! `dhcpload`: an open-loop DHCPv4 load generator acting as a relay agent.
//!
//! Every simulated client sends one DISCOVER at its scheduled time, answers
//! its OFFER with a REQUEST at once and is done when the ACK arrives. The
//! schedule does not wait for replies (open loop), so a slow server shows up
//! as lost exchanges and latency rather than as a lower offered rate. Each
//! exchange's latency (DISCOVER sent to ACK received) goes into a histogram,
//! which is what gives the percentiles perfdhcp does not report.
//!
//! Packets are batched with `sendmmsg`/`recvmmsg` so that the generator costs
//! far less CPU per exchange than the servers it measures.
//!
//! Usage: `dhcpload --server 127.0.0.1:67 --relay 127.0.0.2 --rate 20000
//! --seconds 10 [--first-client N] [--grace-ms 1000] [--acks FILE]`; prints
//! one JSON object. `--acks FILE` writes `MAC-hex address-as-u32` for every
//! ACK, so a caller can check each one against the server's store.

// A benchmark tool, not part of the product: raw sendmmsg/recvmmsg and
// setsockopt, as the server's own sockets module does.
#![allow(unsafe_code)]

use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BATCH: usize = 64;
const PKT: usize = 300;
const MAGIC: [u8; 4] = [99, 130, 83, 99];

#[derive(Clone, Copy)]
struct Args {
    server: SocketAddrV4,
    relay: Ipv4Addr,
    rate: u64,
    seconds: f64,
    first_client: u64,
    grace: Duration,
    record_acks: bool,
}

fn parse_args() -> Result<(Args, Option<std::path::PathBuf>), String> {
    let mut a = Args {
        server: SocketAddrV4::new(Ipv4Addr::LOCALHOST, 67),
        relay: Ipv4Addr::new(127, 0, 0, 2),
        rate: 1000,
        seconds: 10.0,
        first_client: 0,
        grace: Duration::from_millis(1000),
        record_acks: false,
    };
    let mut acks_file = None;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{flag} {value}: {e}");
        match flag.as_str() {
            "--server" => a.server = value.parse().map_err(|e| bad(&e))?,
            "--relay" => a.relay = value.parse().map_err(|e| bad(&e))?,
            "--rate" => a.rate = value.parse().map_err(|e| bad(&e))?,
            "--seconds" => a.seconds = value.parse().map_err(|e| bad(&e))?,
            "--first-client" => a.first_client = value.parse().map_err(|e| bad(&e))?,
            "--acks" => acks_file = Some(std::path::PathBuf::from(value)),
            "--grace-ms" => a.grace = Duration::from_millis(value.parse().map_err(|e| bad(&e))?),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if a.rate == 0 || a.seconds <= 0.0 {
        return Err("--rate and --seconds must be positive".into());
    }
    a.record_acks = acks_file.is_some();
    Ok((a, acks_file))
}

/// The MAC of simulated client `n`: locally administered, 40 bits of `n`.
fn mac(n: u64) -> [u8; 6] {
    let b = n.to_be_bytes();
    [0x02, b[3], b[4], b[5], b[6], b[7]]
}

/// Writes the fixed BOOTP header of a relayed client request.
fn header(buf: &mut [u8; PKT], xid: u32, giaddr: Ipv4Addr, chaddr: &[u8; 6]) {
    buf.fill(0);
    buf[0] = 1; // BOOTREQUEST
    buf[1] = 1; // Ethernet
    buf[2] = 6;
    buf[3] = 1; // one relay hop
    buf[4..8].copy_from_slice(&xid.to_be_bytes());
    buf[24..28].copy_from_slice(&giaddr.octets());
    buf[28..34].copy_from_slice(chaddr);
    buf[236..240].copy_from_slice(&MAGIC);
}

fn discover(buf: &mut [u8; PKT], xid: u32, giaddr: Ipv4Addr, chaddr: &[u8; 6]) -> usize {
    header(buf, xid, giaddr, chaddr);
    let opts = [53, 1, 1, 55, 4, 1, 3, 6, 51, 255];
    buf[240..240 + opts.len()].copy_from_slice(&opts);
    240 + opts.len()
}

fn request(
    buf: &mut [u8; PKT],
    xid: u32,
    giaddr: Ipv4Addr,
    chaddr: &[u8; 6],
    yiaddr: [u8; 4],
    server_id: [u8; 4],
) -> usize {
    header(buf, xid, giaddr, chaddr);
    let mut o = vec![53, 1, 3, 50, 4];
    o.extend_from_slice(&yiaddr);
    o.extend_from_slice(&[54, 4]);
    o.extend_from_slice(&server_id);
    o.extend_from_slice(&[55, 4, 1, 3, 6, 51, 255]);
    buf[240..240 + o.len()].copy_from_slice(&o);
    240 + o.len()
}

/// A server reply: message type, xid, chaddr, yiaddr and server identifier.
struct Reply {
    kind: u8,
    xid: u32,
    chaddr: [u8; 6],
    yiaddr: [u8; 4],
    server_id: Option<[u8; 4]>,
}

fn parse_reply(p: &[u8]) -> Option<Reply> {
    if p.len() < 240 || p[0] != 2 || p[236..240] != MAGIC {
        return None;
    }
    let mut r = Reply {
        kind: 0,
        xid: u32::from_be_bytes(p[4..8].try_into().ok()?),
        chaddr: p[28..34].try_into().ok()?,
        yiaddr: p[16..20].try_into().ok()?,
        server_id: None,
    };
    let mut i = 240;
    while i < p.len() {
        let code = p[i];
        if code == 255 {
            break;
        }
        if code == 0 {
            i += 1;
            continue;
        }
        let len = *p.get(i + 1)? as usize;
        let v = p.get(i + 2..i + 2 + len)?;
        match (code, len) {
            (53, 1) => r.kind = v[0],
            (54, 4) => r.server_id = v.try_into().ok(),
            _ => {}
        }
        i += 2 + len;
    }
    Some(r)
}

/// Sends `bufs[..n]` (with their lengths) to `to` in one `sendmmsg` batch,
/// retrying the part the kernel did not take.
fn send_batch(fd: RawFd, to: &libc::sockaddr_in, bufs: &mut [[u8; PKT]], lens: &[usize]) {
    let n = lens.len();
    let mut iov: Vec<libc::iovec> = bufs[..n]
        .iter_mut()
        .zip(lens)
        .map(|(b, &len)| libc::iovec {
            iov_base: b.as_mut_ptr().cast(),
            iov_len: len,
        })
        .collect();
    // SAFETY: zeroed msghdr is a valid "no name, no control" header; the
    // pointers set below outlive the sendmmsg call.
    let mut msgs: Vec<libc::mmsghdr> = (0..n).map(|_| unsafe { std::mem::zeroed() }).collect();
    for (m, v) in msgs.iter_mut().zip(iov.iter_mut()) {
        m.msg_hdr.msg_name = (to as *const libc::sockaddr_in).cast_mut().cast();
        m.msg_hdr.msg_namelen = std::mem::size_of::<libc::sockaddr_in>() as u32;
        m.msg_hdr.msg_iov = v;
        m.msg_hdr.msg_iovlen = 1;
    }
    let mut done = 0;
    while done < n {
        // SAFETY: msgs[done..] are initialised headers pointing at live buffers.
        let r = unsafe { libc::sendmmsg(fd, msgs[done..].as_mut_ptr(), (n - done) as u32, 0) };
        if r <= 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted
                || e.raw_os_error() == Some(libc::ENOBUFS)
            {
                continue;
            }
            // A full socket buffer or a refused port: the packets are lost,
            // which the exchange count reports.
            return;
        }
        done += r as usize;
    }
}

fn sockaddr(a: SocketAddrV4) -> libc::sockaddr_in {
    libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: a.port().to_be(),
        sin_addr: libc::in_addr {
            s_addr: u32::from(*a.ip()).to_be(),
        },
        sin_zero: [0; 8],
    }
}

fn set_opt(fd: RawFd, name: libc::c_int, value: libc::c_int) {
    // SAFETY: a plain int socket option.
    unsafe {
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            name,
            (&value as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as u32,
        );
    }
}

/// What the receiving thread saw.
#[derive(Default)]
struct Seen {
    offers: u64,
    acks: u64,
    naks: u64,
    late_or_foreign: u64,
    latencies_us: Vec<u32>,
    /// (client number, address) of every ACK, when `--acks` asks for them.
    acked: Vec<(u64, [u8; 4])>,
}

fn receive(
    sock: &UdpSocket,
    args: &Args,
    started: Instant,
    sent_at: &[AtomicU64],
    acked: &[AtomicBool],
    stop: &AtomicBool,
) -> Seen {
    let fd = sock.as_raw_fd();
    let to = sockaddr(args.server);
    let mut seen = Seen::default();
    let mut rx = vec![[0u8; 1500]; BATCH];
    let mut tx = vec![[0u8; PKT]; BATCH];
    while !stop.load(Ordering::Relaxed) {
        let mut iov: Vec<libc::iovec> = rx
            .iter_mut()
            .map(|b| libc::iovec {
                iov_base: b.as_mut_ptr().cast(),
                iov_len: b.len(),
            })
            .collect();
        // SAFETY: as in send_batch.
        let mut msgs: Vec<libc::mmsghdr> =
            (0..BATCH).map(|_| unsafe { std::mem::zeroed() }).collect();
        for (m, v) in msgs.iter_mut().zip(iov.iter_mut()) {
            m.msg_hdr.msg_iov = v;
            m.msg_hdr.msg_iovlen = 1;
        }
        // SAFETY: msgs point at BATCH live receive buffers; the socket has
        // a receive timeout so this returns to check `stop`.
        let n = unsafe {
            libc::recvmmsg(
                fd,
                msgs.as_mut_ptr(),
                BATCH as u32,
                libc::MSG_WAITFORONE,
                std::ptr::null_mut(),
            )
        };
        if n <= 0 {
            continue;
        }
        let now = started.elapsed().as_nanos() as u64;
        let mut lens = Vec::with_capacity(n as usize);
        for (i, m) in msgs.iter().take(n as usize).enumerate() {
            let Some(r) = parse_reply(&rx[i][..m.msg_len as usize]) else {
                seen.late_or_foreign += 1;
                continue;
            };
            let seq = r.xid as usize;
            if seq >= sent_at.len() || r.chaddr != mac(args.first_client + seq as u64) {
                seen.late_or_foreign += 1;
                continue;
            }
            match r.kind {
                2 => {
                    seen.offers += 1;
                    let Some(sid) = r.server_id else { continue };
                    let len = request(
                        &mut tx[lens.len()],
                        r.xid,
                        args.relay,
                        &r.chaddr,
                        r.yiaddr,
                        sid,
                    );
                    lens.push(len);
                }
                5 => {
                    if !acked[seq].swap(true, Ordering::Relaxed) {
                        seen.acks += 1;
                        let t0 = sent_at[seq].load(Ordering::Relaxed);
                        seen.latencies_us
                            .push((now.saturating_sub(t0) / 1000).min(u32::MAX as u64) as u32);
                        if args.record_acks {
                            seen.acked.push((args.first_client + seq as u64, r.yiaddr));
                        }
                    }
                }
                6 => seen.naks += 1,
                _ => seen.late_or_foreign += 1,
            }
        }
        if !lens.is_empty() {
            send_batch(fd, &to, &mut tx, &lens);
        }
    }
    seen
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[i]) / 1000.0
}

fn cpu_seconds() -> f64 {
    // SAFETY: getrusage fills the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(u.ru_utime) + t(u.ru_stime)
}

fn main() {
    let (args, acks_file) = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dhcpload: {e}");
            std::process::exit(2);
        }
    };
    let sock = match UdpSocket::bind(SocketAddrV4::new(args.relay, 67)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dhcpload: bind {}:67: {e}", args.relay);
            std::process::exit(1);
        }
    };
    let fd = sock.as_raw_fd();
    set_opt(fd, libc::SO_RCVBUFFORCE, 8 << 20);
    set_opt(fd, libc::SO_SNDBUFFORCE, 8 << 20);
    if let Err(e) = sock.set_read_timeout(Some(Duration::from_millis(20))) {
        eprintln!("dhcpload: receive timeout: {e}");
        std::process::exit(1);
    }
    let total = (args.rate as f64 * args.seconds).ceil() as usize;
    let sent_at: Arc<Vec<AtomicU64>> = Arc::new((0..total).map(|_| AtomicU64::new(0)).collect());
    let acked: Arc<Vec<AtomicBool>> =
        Arc::new((0..total).map(|_| AtomicBool::new(false)).collect());
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let cpu0 = cpu_seconds();

    let receiver = {
        let sock = match sock.try_clone() {
            Ok(s) => s,
            Err(e) => {
                eprintln!("dhcpload: {e}");
                std::process::exit(1);
            }
        };
        let (sent_at, acked, stop) = (sent_at.clone(), acked.clone(), stop.clone());
        std::thread::spawn(move || receive(&sock, &args, started, &sent_at, &acked, &stop))
    };

    // The schedule: client n is due at n / rate seconds.
    let to = sockaddr(args.server);
    let mut tx = vec![[0u8; PKT]; BATCH];
    let mut lens = Vec::with_capacity(BATCH);
    let mut sent = 0usize;
    while sent < total {
        let due = ((started.elapsed().as_secs_f64() * args.rate as f64) as usize + 1).min(total);
        if due <= sent {
            std::thread::sleep(Duration::from_micros(100));
            continue;
        }
        while sent < due {
            lens.clear();
            let batch_start = sent;
            while sent < due && lens.len() < BATCH {
                let len = discover(
                    &mut tx[lens.len()],
                    sent as u32,
                    args.relay,
                    &mac(args.first_client + sent as u64),
                );
                lens.push(len);
                sent += 1;
            }
            let now = started.elapsed().as_nanos() as u64;
            for t in &sent_at[batch_start..sent] {
                t.store(now, Ordering::Relaxed);
            }
            send_batch(fd, &to, &mut tx, &lens);
        }
    }
    let send_seconds = started.elapsed().as_secs_f64();
    std::thread::sleep(args.grace);
    stop.store(true, Ordering::Relaxed);
    let Ok(mut seen) = receiver.join() else {
        eprintln!("dhcpload: the receiver thread panicked");
        std::process::exit(1);
    };
    let cpu = cpu_seconds() - cpu0;
    if let Some(path) = acks_file {
        use std::io::Write;
        let write = || -> std::io::Result<()> {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
            for (client, ip) in &seen.acked {
                let m = mac(*client);
                writeln!(
                    f,
                    "{:02x}{:02x}{:02x}{:02x}{:02x}{:02x} {}",
                    m[0],
                    m[1],
                    m[2],
                    m[3],
                    m[4],
                    m[5],
                    u32::from_be_bytes(*ip)
                )?;
            }
            f.flush()
        };
        if let Err(e) = write() {
            eprintln!("dhcpload: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    seen.latencies_us.sort_unstable();
    let l = &seen.latencies_us;
    let avg = if l.is_empty() {
        0.0
    } else {
        l.iter().map(|&v| f64::from(v)).sum::<f64>() / l.len() as f64 / 1000.0
    };
    let lost = 100.0 * (1.0 - seen.acks as f64 / total as f64);
    println!(
        "{{\"rate\": {}, \"seconds\": {}, \"send_seconds\": {send_seconds:.3}, \"sent\": {total}, \
         \"offers\": {}, \"acks\": {}, \"naks\": {}, \"late_or_foreign\": {}, \"lost_pct\": {lost:.3}, \
         \"avg_ms\": {avg:.3}, \"p50_ms\": {:.3}, \"p90_ms\": {:.3}, \"p99_ms\": {:.3}, \"p999_ms\": {:.3}, \
         \"max_ms\": {:.3}, \"cpu_s\": {cpu:.3}}}",
        args.rate,
        args.seconds,
        seen.offers,
        seen.acks,
        seen.naks,
        seen.late_or_foreign,
        percentile(l, 0.50),
        percentile(l, 0.90),
        percentile(l, 0.99),
        percentile(l, 0.999),
        percentile(l, 1.0),
    );
}
