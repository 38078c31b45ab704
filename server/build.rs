//! Rebuilds the server when a migration is added: `sqlx::migrate!` embeds
//! the migration directories at compile time.

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
