//! The boot fields of a DHCPv4 reply's fixed header (RFC 2131 section 2):
//! the server for the next boot stage (`siaddr`, "next-server"), the server
//! host name (`sname`) and the boot file name (`file`). Set server-wide
//! ([`Defaults`]), per subnet and per reservation; the most specific value
//! of each field wins.

use std::net::Ipv4Addr;

use super::Invalid;

/// Boot fields; unset fields fall back to the next scope out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BootFields {
    /// Server for the next boot stage (`siaddr`), e.g. a TFTP server.
    pub next_server: Option<Ipv4Addr>,
    /// Server host name (`sname`, at most 63 bytes; option 66 when asked).
    pub server_name: Option<String>,
    /// Boot file name (`file`, at most 127 bytes; option 67 when asked).
    pub boot_file: Option<String>,
}

impl BootFields {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.next_server.is_none() && self.server_name.is_none() && self.boot_file.is_none()
    }

    /// Each field from `self` when set, else from `outer`.
    #[must_use]
    pub fn or(&self, outer: &BootFields) -> BootFields {
        BootFields {
            next_server: self.next_server.or(outer.next_server),
            server_name: self
                .server_name
                .clone()
                .or_else(|| outer.server_name.clone()),
            boot_file: self.boot_file.clone().or_else(|| outer.boot_file.clone()),
        }
    }

    /// Checks the fields fit the header; `prefix` names the object
    /// (`subnet`, `reservation`, `defaults`).
    ///
    /// # Errors
    /// The first field that does not fit, naming it and the limit.
    pub fn validate(&self, prefix: &str) -> Result<(), Invalid> {
        if let Some(ip) = self.next_server {
            if ip.is_unspecified() || ip.is_broadcast() || ip.is_multicast() {
                return Err(Invalid::new(
                    format!("{prefix}.next_server"),
                    format!("{ip} cannot be a boot server; give the unicast address of the TFTP or boot server"),
                ));
            }
        }
        text(
            &format!("{prefix}.server_name"),
            self.server_name.as_deref(),
            63,
        )?;
        text(
            &format!("{prefix}.boot_file"),
            self.boot_file.as_deref(),
            127,
        )?;
        Ok(())
    }
}

/// A header string: not empty, printable ASCII, room for the closing NUL.
fn text(field: &str, v: Option<&str>, max: usize) -> Result<(), Invalid> {
    let Some(v) = v else { return Ok(()) };
    if v.is_empty() {
        return Err(Invalid::new(
            field,
            "is empty; leave it unset to use the default",
        ));
    }
    if v.len() > max {
        return Err(Invalid::new(
            field,
            format!("is {} bytes; the header field holds at most {max}", v.len()),
        ));
    }
    if !v.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Invalid::new(
            field,
            format!("{v:?} has spaces or characters outside printable ASCII"),
        ));
    }
    Ok(())
}

/// A partial change to boot fields: `None` keeps a field, `Some(None)`
/// clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BootUpdate {
    /// New next server.
    pub next_server: Option<Option<Ipv4Addr>>,
    /// New server host name.
    pub server_name: Option<Option<String>>,
    /// New boot file name.
    pub boot_file: Option<Option<String>>,
}

impl BootUpdate {
    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.next_server.is_none() && self.server_name.is_none() && self.boot_file.is_none()
    }

    /// `fields` after this update.
    pub fn apply(&self, fields: &BootFields) -> BootFields {
        BootFields {
            next_server: self.next_server.unwrap_or(fields.next_server),
            server_name: self
                .server_name
                .clone()
                .unwrap_or_else(|| fields.server_name.clone()),
            boot_file: self
                .boot_file
                .clone()
                .unwrap_or_else(|| fields.boot_file.clone()),
        }
    }
}

/// Server-wide settings that are not DHCP options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defaults {
    /// Boot fields for every reply whose subnet and reservation leave them unset.
    pub boot: BootFields,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inner_scope_wins_field_by_field() {
        let outer = BootFields {
            next_server: Some(Ipv4Addr::new(192, 0, 2, 9)),
            server_name: Some("boot0".into()),
            boot_file: Some("pxelinux.0".into()),
        };
        let inner = BootFields {
            boot_file: Some("grubx64.efi".into()),
            ..BootFields::default()
        };
        let got = inner.or(&outer);
        assert_eq!(got.boot_file.as_deref(), Some("grubx64.efi"));
        assert_eq!(got.server_name.as_deref(), Some("boot0"));
        assert_eq!(got.next_server, outer.next_server);
    }

    #[test]
    fn fields_that_do_not_fit_the_header_are_refused_by_name() {
        let long = BootFields {
            boot_file: Some("f".repeat(128)),
            ..BootFields::default()
        };
        let e = long.validate("subnet").expect_err("128 bytes");
        assert_eq!(e.field, "subnet.boot_file");
        assert!(e.reason.contains("at most 127"), "{e}");
        let bad = BootFields {
            next_server: Some(Ipv4Addr::BROADCAST),
            ..BootFields::default()
        };
        assert_eq!(
            bad.validate("reservation").expect_err("broadcast").field,
            "reservation.next_server"
        );
        let spaced = BootFields {
            server_name: Some("boot 1".into()),
            ..BootFields::default()
        };
        assert!(spaced.validate("defaults").is_err());
    }

    #[test]
    fn an_update_keeps_clears_and_sets() {
        let f = BootFields {
            next_server: Some(Ipv4Addr::new(192, 0, 2, 9)),
            server_name: Some("boot0".into()),
            boot_file: None,
        };
        let u = BootUpdate {
            server_name: Some(None),
            boot_file: Some(Some("x.efi".into())),
            ..BootUpdate::default()
        };
        let got = u.apply(&f);
        assert_eq!(got.next_server, f.next_server);
        assert_eq!(got.server_name, None);
        assert_eq!(got.boot_file.as_deref(), Some("x.efi"));
    }
}
