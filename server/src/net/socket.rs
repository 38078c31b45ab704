//! The DHCP socket: bound to an interface or an address, with IP_PKTINFO
//! on receive and send, and ARP entry injection (SIOCSARP) for unicast to
//! a client that has no address yet — the way dnsmasq does it.

use std::io::{self, IoSlice, IoSliceMut};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::socket::{
    recvmsg, sendmsg, setsockopt, sockopt, ControlMessage, ControlMessageOwned, MsgFlags,
    SockaddrIn,
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
    /// Receives one datagram with its arrival interface and local address.
    pub(super) fn recv(&self, buf: &mut [u8]) -> io::Result<Received> {
        let mut iov = [IoSliceMut::new(buf)];
        let mut cmsg = nix::cmsg_space!(libc::in_pktinfo);
        let msg = recvmsg::<SockaddrIn>(
            self.sock.as_raw_fd(),
            &mut iov,
            Some(&mut cmsg),
            MsgFlags::empty(),
        )
        .map_err(io::Error::from)?;
        let src = msg.address.map_or(
            SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0),
            SocketAddrV4::from,
        );
        let (mut ifindex, mut local, mut dest) = (0, Ipv4Addr::UNSPECIFIED, Ipv4Addr::UNSPECIFIED);
        for c in msg.cmsgs().map_err(io::Error::from)? {
            if let ControlMessageOwned::Ipv4PacketInfo(pi) = c {
                ifindex = pi.ipi_ifindex;
                local = addr(pi.ipi_spec_dst);
                dest = addr(pi.ipi_addr);
            }
        }
        Ok(Received {
            len: msg.bytes,
            src,
            ifindex,
            local,
            // Limited broadcast, or a subnet-directed one (not our address).
            broadcast: dest.is_broadcast() || (!dest.is_unspecified() && dest != local),
        })
    }

    /// Waits until a datagram is waiting, `limit` has passed or a signal
    /// came; the caller receives (or finds nothing) either way.
    pub(super) fn wait_readable(&self, limit: std::time::Duration) {
        let mut fds = [PollFd::new(self.sock.as_fd(), PollFlags::POLLIN)];
        let ms = u16::try_from(limit.as_millis()).unwrap_or(u16::MAX);
        let _ = poll(&mut fds, PollTimeout::from(ms));
    }

    /// Sends `bytes` to `dest` out of interface `ifindex` from `local`.
    pub(super) fn send(
        &self,
        bytes: &[u8],
        dest: SocketAddrV4,
        ifindex: i32,
        local: Ipv4Addr,
    ) -> io::Result<()> {
        let pi = libc::in_pktinfo {
            ipi_ifindex: ifindex,
            ipi_spec_dst: libc::in_addr {
                s_addr: u32::from(local).to_be(),
            },
            ipi_addr: libc::in_addr { s_addr: 0 },
        };
        let cmsg = [ControlMessage::Ipv4PacketInfo(&pi)];
        let to = SockaddrIn::from(dest);
        sendmsg(
            self.sock.as_raw_fd(),
            &[IoSlice::new(bytes)],
            &cmsg,
            MsgFlags::empty(),
            Some(&to),
        )
        .map(|_| ())
        .map_err(io::Error::from)
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
