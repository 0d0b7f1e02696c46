//! (placeholder until legacy encodings land)
pub enum Encoding {
    Tcvn3,
    Vni,
}
pub enum Repair {
    Unchanged,
    Converted { text: String, from: Encoding },
    Suspect(Encoding),
}
pub fn repair(_text: &str) -> Repair {
    Repair::Unchanged
}
