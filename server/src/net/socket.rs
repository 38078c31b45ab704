//! The DHCP socket: bound to an interface or an address, with IP_PKTINFO
//! on receive and send, and ARP entry injection (SIOCSARP) for unicast to
//! a client that has no address yet — the way dnsmasq does it.

// System calls the socket crates do not wrap (in_pktinfo control
// messages, sendmmsg with a per-message source, SIOCSARP); each block says
// why it is sound.
#![allow(unsafe_code)]

use std::io::{self, IoSliceMut};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::socket::{
    recvmmsg, setsockopt, sockopt, ControlMessageOwned, MsgFlags, MultiHeaders, SockaddrIn,
};
use socket2::{Domain, Protocol, Socket, Type};

use crate::model::Mac;

/// A bound, non-blocking DHCP server socket.
#[derive(Debug)]
pub struct DhcpSocket {
    sock: Socket,
}

impl AsRawFd for DhcpSocket {
    fn as_raw_fd(&self) -> RawFd {
        self.sock.as_raw_fd()
    }
}

impl AsFd for DhcpSocket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.sock.as_fd()
    }
}

/// A received datagram's metadata.
#[derive(Debug, Clone, Copy)]
pub(super) struct Received {
    pub(super) len: usize,
    pub(super) src: SocketAddrV4,
    pub(super) ifindex: i32,
    /// `ipi_spec_dst`: the local address to answer from.
    pub(super) local: Ipv4Addr,
    /// Whether the datagram was sent to a broadcast address.
    pub(super) broadcast: bool,
}

/// Most datagrams taken from the socket with one system call.
pub(super) const RECV_BATCH: usize = 32;
/// A datagram to send and where to.
pub(super) type Datagram<'a> = (&'a [u8], SocketAddrV4);

/// Most datagrams sent with one system call.
const SEND_BATCH: usize = 64;
/// Room for one datagram: more than a DHCP message over Ethernet can be.
const DATAGRAM_MAX: usize = 4096;

/// Buffers for [`DhcpSocket::recv_batch`]: the datagrams and what is known
/// of each.
#[derive(Debug)]
pub(super) struct RecvBatch {
    bufs: Vec<u8>,
    got: Vec<Received>,
}

impl RecvBatch {
    pub(super) fn new() -> Self {
        Self {
            bufs: vec![0; RECV_BATCH * DATAGRAM_MAX],
            got: Vec::with_capacity(RECV_BATCH),
        }
    }

    /// The datagrams of the last receive, with their metadata.
    pub(super) fn datagrams(&self) -> impl Iterator<Item = (&[u8], &Received)> {
        self.bufs
            .chunks(DATAGRAM_MAX)
            .zip(&self.got)
            .map(|(b, r)| (&b[..r.len.min(b.len())], r))
    }
}

/// Receive buffer asked for: about 8,000 DHCP datagrams.
const RECV_BUFFER: usize = 4 << 20;

fn base() -> io::Result<Socket> {
    let s = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
    s.set_reuse_address(true)?;
    s.set_broadcast(true)?;
    s.set_nonblocking(true)?;
    // Room for bursts: a full receive buffer means the kernel drops requests.
    // As root the size may exceed net.core.rmem_max; otherwise it is capped.
    if setsockopt(&s, sockopt::RcvBufForce, &RECV_BUFFER).is_err() {
        let _ = s.set_recv_buffer_size(RECV_BUFFER);
    }
    setsockopt(&s, sockopt::Ipv4PacketInfo, &true).map_err(io::Error::from)?;
    Ok(s)
}

/// A socket on `0.0.0.0:port` that sees only `iface`'s traffic
/// (SO_BINDTODEVICE), broadcasts included.
///
/// # Errors
/// When the interface does not exist or the port is taken.
pub fn bind_interface(iface: &str, port: u16) -> io::Result<DhcpSocket> {
    let s = base()?;
    s.bind_device(Some(iface.as_bytes()))
        .map_err(|e| io::Error::new(e.kind(), format!("interface {iface}: {e}")))?;
    s.bind(&SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port).into())?;
    Ok(DhcpSocket { sock: s })
}

/// A socket on `addr:port` only, so other programs may use the port on
/// other addresses. It sees unicast (relayed) traffic, not broadcasts.
///
/// # Errors
/// When the address is not local or the port is taken.
pub fn bind_address(addr: Ipv4Addr, port: u16) -> io::Result<DhcpSocket> {
    let s = base()?;
    s.bind(&SocketAddrV4::new(addr, port).into())
        .map_err(|e| io::Error::new(e.kind(), format!("{addr}:{port}: {e}")))?;
    Ok(DhcpSocket { sock: s })
}

fn addr(a: libc::in_addr) -> Ipv4Addr {
    Ipv4Addr::from(u32::from_be(a.s_addr))
}

impl DhcpSocket {
    /// Receives the datagrams waiting, up to [`RECV_BATCH`], with one system
    /// call; returns how many (zero when none was waiting).
    ///
    /// # Errors
    /// When receiving fails for another reason than an empty queue.
    pub(super) fn recv_batch(&self, b: &mut RecvBatch) -> io::Result<usize> {
        b.got.clear();
        // Fresh headers each time: the kernel rewrites their name and
        // control lengths on every receive.
        let mut headers: MultiHeaders<SockaddrIn> =
            MultiHeaders::preallocate(RECV_BATCH, Some(nix::cmsg_space!(libc::in_pktinfo)));
        let mut iovs: Vec<[IoSliceMut<'_>; 1]> = b
            .bufs
            .chunks_mut(DATAGRAM_MAX)
            .map(|c| [IoSliceMut::new(c)])
            .collect();
        let msgs = match recvmmsg(
            self.sock.as_raw_fd(),
            &mut headers,
            iovs.iter_mut(),
            MsgFlags::empty(),
            None,
        ) {
            Ok(m) => m,
            Err(nix::errno::Errno::EAGAIN) => return Ok(0),
            Err(e) => return Err(e.into()),
        };
        for msg in msgs {
            let src = msg.address.map_or(
                SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0),
                SocketAddrV4::from,
            );
            let (mut ifindex, mut local, mut dest) =
                (0, Ipv4Addr::UNSPECIFIED, Ipv4Addr::UNSPECIFIED);
            for c in msg.cmsgs().map_err(io::Error::from)? {
                if let ControlMessageOwned::Ipv4PacketInfo(pi) = c {
                    ifindex = pi.ipi_ifindex;
                    local = addr(pi.ipi_spec_dst);
                    dest = addr(pi.ipi_addr);
                }
            }
            b.got.push(Received {
                len: msg.bytes,
                src,
                ifindex,
                local,
                // Limited broadcast, or a subnet-directed one (not our address).
                broadcast: dest.is_broadcast() || (!dest.is_unspecified() && dest != local),
            });
        }
        Ok(b.got.len())
    }

    /// Waits until a datagram is waiting, `limit` has passed or a signal
    /// came; the caller receives (or finds nothing) either way.
    pub(super) fn wait_readable(&self, limit: std::time::Duration) {
        let mut fds = [PollFd::new(self.sock.as_fd(), PollFlags::POLLIN)];
        let ms = u16::try_from(limit.as_millis()).unwrap_or(u16::MAX);
        let _ = poll(&mut fds, PollTimeout::from(ms));
    }

    /// Sends each `(bytes, destination)` out of interface `ifindex` from
    /// `local`, up to [`SEND_BATCH`] datagrams per system call (sendmmsg).
    /// Returns the destinations that could not be sent to, with the error.
    pub(super) fn send_many(
        &self,
        msgs: &[Datagram<'_>],
        ifindex: i32,
        local: Ipv4Addr,
    ) -> Vec<(SocketAddrV4, io::Error)> {
        // Called directly rather than through nix, whose sendmmsg reports
        // the count sent only through an iterator that reads receive-side
        // addresses. One control message, IP_PKTINFO, shared by every datagram.
        #[repr(C)]
        struct PktInfoCmsg {
            hdr: libc::cmsghdr,
            info: libc::in_pktinfo,
        }
        // SAFETY: plain old data; all-zero is a valid value.
        let mut cmsg: PktInfoCmsg = unsafe { std::mem::zeroed() };
        // SAFETY: CMSG_LEN only computes a length.
        cmsg.hdr.cmsg_len =
            unsafe { libc::CMSG_LEN(std::mem::size_of::<libc::in_pktinfo>() as u32) } as _;
        cmsg.hdr.cmsg_level = libc::IPPROTO_IP;
        cmsg.hdr.cmsg_type = libc::IP_PKTINFO;
        cmsg.info.ipi_ifindex = ifindex;
        cmsg.info.ipi_spec_dst.s_addr = u32::from(local).to_be();

        let mut failed = Vec::new();
        let mut rest = msgs;
        while !rest.is_empty() {
            let chunk = &rest[..rest.len().min(SEND_BATCH)];
            let mut names: Vec<libc::sockaddr_in> = chunk
                .iter()
                .map(|(_, d)| *SockaddrIn::from(*d).as_ref())
                .collect();
            let mut iovs: Vec<libc::iovec> = chunk
                .iter()
                .map(|(b, _)| libc::iovec {
                    iov_base: b.as_ptr().cast_mut().cast(),
                    iov_len: b.len(),
                })
                .collect();
            let mut hdrs: Vec<libc::mmsghdr> = names
                .iter_mut()
                .zip(iovs.iter_mut())
                .map(|(name, iov)| {
                    // SAFETY: plain old data; all-zero is a valid value.
                    let mut h: libc::mmsghdr = unsafe { std::mem::zeroed() };
                    h.msg_hdr.msg_name = (&raw mut *name).cast();
                    h.msg_hdr.msg_namelen = std::mem::size_of::<libc::sockaddr_in>() as u32;
                    h.msg_hdr.msg_iov = iov;
                    h.msg_hdr.msg_iovlen = 1;
                    h.msg_hdr.msg_control = (&raw mut cmsg).cast();
                    h.msg_hdr.msg_controllen = std::mem::size_of::<PktInfoCmsg>() as _;
                    h
                })
                .collect();
            // SAFETY: every header points at a name, one iovec and the control
            // message, all alive until the call returns; the kernel reads them
            // and writes only each header's msg_len.
            let sent = unsafe {
                libc::sendmmsg(
                    self.sock.as_raw_fd(),
                    hdrs.as_mut_ptr(),
                    hdrs.len() as u32,
                    0,
                )
            };
            // A negative result means the first datagram failed; a short
            // count means the one after the last sent did (or would block).
            let step = match usize::try_from(sent) {
                Ok(n) if n > 0 => n,
                _ => {
                    failed.push((chunk[0].1, io::Error::last_os_error()));
                    1
                }
            };
            rest = &rest[step..];
        }
        failed
    }

    /// Adds (or replaces) the ARP entry `ip -> mac` on interface `ifindex`,
    /// so a unicast reply reaches a client that cannot answer ARP yet.
    pub(super) fn add_arp(&self, ifindex: i32, ip: Ipv4Addr, mac: Mac) -> io::Result<()> {
        let name = ifname(ifindex)
            .ok_or_else(|| io::Error::other(format!("no interface with index {ifindex}")))?;
        // SAFETY: arpreq is plain old data; all-zero is a valid value.
        let mut req: libc::arpreq = unsafe { std::mem::zeroed() };
        let pa = libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: 0,
            sin_addr: libc::in_addr {
                s_addr: u32::from(ip).to_be(),
            },
            sin_zero: [0; 8],
        };
        // SAFETY: sockaddr_in fits in sockaddr (both 16 bytes); we copy its bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(
                (&raw const pa).cast::<u8>(),
                (&raw mut req.arp_pa).cast::<u8>(),
                std::mem::size_of::<libc::sockaddr_in>(),
            );
        }
        req.arp_ha.sa_family = libc::ARPHRD_ETHER;
        for (d, s) in req.arp_ha.sa_data.iter_mut().zip(mac.0) {
            *d = s as libc::c_char;
        }
        req.arp_flags = libc::ATF_COM;
        for (d, s) in req.arp_dev.iter_mut().zip(name.bytes().take(15)) {
            *d = s as libc::c_char;
        }
        // SAFETY: a valid socket fd and a fully initialised arpreq that outlives the call.
        let rc = unsafe { libc::ioctl(self.sock.as_raw_fd(), libc::SIOCSARP, &req) };
        if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

/// The name of interface `ifindex`.
pub(super) fn ifname(ifindex: i32) -> Option<String> {
    let idx = u32::try_from(ifindex).ok().filter(|i| *i > 0)?;
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: buf has IF_NAMESIZE bytes, as if_indextoname requires.
    let p = unsafe { libc::if_indextoname(idx, buf.as_mut_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: on success buf holds a NUL-terminated name.
    let name = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Some(name.to_string_lossy().into_owned())
}
