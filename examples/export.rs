//! Prints the whole catalog as JSON, in page order.
//!
//! ```text
//! cargo run --example export > catalog.json
//! ```
//!
//! The schema is in the README.

fn main() {
    let json = serde_json::to_string_pretty(&sagemaker_permissions::Catalog)
        .expect("the catalog serializes to JSON");
    println!("{json}");
}
