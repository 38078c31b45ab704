//! The boot fields of a DHCPv4 reply's header (next server, server name,
//! boot file) as the flags `subnet`, `reservation` and `defaults` share,
//! and how they are printed. The server checks the values; nothing here
//! second-guesses it, so its message (naming the field) is what a user sees.

use clap::Args;

use crate::output::cell;

/// `--next-server`, `--server-name`, `--boot-file`. An empty value ('')
/// means unset: on `update` and `defaults set` it clears the field, so the
/// next scope out applies (reservation, then subnet, then the server-wide
/// defaults).
#[derive(Debug, Default, Args)]
pub(crate) struct BootFlags {
    /// Server for the next boot stage (TFTP or HTTP server), sent as siaddr,
    /// e.g. 192.0.2.234; '' clears it.
    #[arg(long, value_name = "IPV4")]
    pub(crate) next_server: Option<String>,
    /// Server host name, sent in the sname field (and as option 66 when the
    /// client asks); '' clears it.
    #[arg(long, value_name = "NAME")]
    pub(crate) server_name: Option<String>,
    /// Boot file name, sent in the file field (and as option 67 when the
    /// client asks), e.g. pxelinux.0; '' clears it.
    #[arg(long, value_name = "FILE")]
    pub(crate) boot_file: Option<String>,
}

impl BootFlags {
    /// Whether no boot flag was given.
    pub(crate) fn is_empty(&self) -> bool {
        self.next_server.is_none() && self.server_name.is_none() && self.boot_file.is_none()
    }
}

/// The boot fields of one object as stored, empty meaning unset.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Boot<'a> {
    /// siaddr.
    pub(crate) next_server: &'a str,
    /// sname.
    pub(crate) server_name: &'a str,
    /// file.
    pub(crate) boot_file: &'a str,
}

impl Boot<'_> {
    /// One table cell: the fields that are set, in header order (`next=`
    /// siaddr, `sname=`, `file=`), or `-` for none.
    pub(crate) fn cell(&self) -> String {
        let parts: Vec<String> = [
            ("next", self.next_server),
            ("sname", self.server_name),
            ("file", self.boot_file),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
        cell(&parts.join(" "))
    }

    /// The `name  value` lines of a record, `-` for an unset field.
    pub(crate) fn rows(&self) -> [(&'static str, String); 3] {
        [
            ("next server", cell(self.next_server)),
            ("server name", cell(self.server_name)),
            ("boot file", cell(self.boot_file)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_names_what_is_set() {
        let b = Boot {
            next_server: "192.0.2.234",
            server_name: "",
            boot_file: "pxelinux.0",
        };
        assert_eq!(b.cell(), "next=192.0.2.234 file=pxelinux.0");
        let none = Boot {
            next_server: "",
            server_name: "",
            boot_file: "",
        };
        assert_eq!(none.cell(), "-");
        assert_eq!(none.rows()[2], ("boot file", "-".to_string()));
    }
}
