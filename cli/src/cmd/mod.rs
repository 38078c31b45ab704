//! The commands of `dhcpctl`, one module per group. Each parses its own
//! flags, calls the API through [`Client`](crate::client::Client) and
//! prints through [`list`](crate::list) and [`output`](crate::output);
//! this file holds the flag parsing several groups share.

use anyhow::anyhow;

pub(crate) mod audit;
pub(crate) mod boot;
pub(crate) mod defaults;
pub(crate) mod health;
pub(crate) mod lease;
pub(crate) mod option;
pub(crate) mod pool;
pub(crate) mod reservation;
pub(crate) mod site;
pub(crate) mod status;
pub(crate) mod subnet;
pub(crate) mod token;
pub(crate) mod watch;

/// The name and value of a `NAME=VALUE` flag, trimmed.
///
/// # Errors
/// When there is no `=`; names `field`, the flag.
pub(crate) fn name_value(field: &str, s: &str) -> anyhow::Result<(String, String)> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .ok_or_else(|| anyhow!("{field} {s:?} is not NAME=VALUE"))
}

/// The items of a comma-separated flag, trimmed; blanks are dropped, so an
/// empty flag is an empty list (which clears what it replaces).
pub(crate) fn comma_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_value_flags_are_trimmed_and_need_an_equals_sign() {
        assert_eq!(
            name_value("--label", " rack = r7 ").ok(),
            Some(("rack".into(), "r7".into()))
        );
        let e = name_value("--option", "mtu").expect_err("no =");
        assert_eq!(e.to_string(), "--option \"mtu\" is not NAME=VALUE");
    }

    #[test]
    fn an_empty_comma_list_clears() {
        assert_eq!(
            comma_list(" 10.0.0.1, ,10.0.0.2 "),
            ["10.0.0.1", "10.0.0.2"]
        );
        assert!(comma_list("").is_empty());
    }
}
