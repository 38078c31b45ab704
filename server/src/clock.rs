//! The wall clock, read in one place. The engine never reads it: callers
//! pass `now` in, so tests step time by hand.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, Unix seconds (0 before 1970, saturating far in the future).
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Now, Unix microseconds: event and audit times.
pub fn now_micros() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
}
