//! Fuzz target: the snapshot reader. Any bytes opened as a snapshot give an error or a
//! snapshot whose reads never panic; and a real snapshot (of the embedded graph) with
//! bytes flipped where the input says is refused, or reports its damage, or answers
//! exactly as the sound one does.
#![no_main]

use kg::store::snapshot::map::Bytes;
use kg_testkit::probe::probe;
use kg::store::snapshot::{Snapshot, Stamp, build};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static GOOD: OnceLock<(Vec<u8>, String)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    if let Ok(snap) = Snapshot::open(Bytes::Owned(data.to_vec())) {
        probe(&snap);
    }
    let (good, expected) = GOOD.get_or_init(|| {
        let graph = kg::store::load_base(None).expect("the embedded graph loads");
        let bytes = build(graph, Stamp::default()).expect("the seed fits").into_bytes();
        let answers = probe(&Snapshot::open(Bytes::Owned(bytes.clone())).expect("it opens"));
        (bytes, answers)
    });
    let mut bad = good.clone();
    for flip in data.chunks_exact(4) {
        let at = u32::from_le_bytes([flip[0], flip[1], flip[2], 0]) as usize % bad.len();
        bad[at] ^= flip[3].max(1);
    }
    if let Ok(snap) = Snapshot::open(Bytes::Owned(bad)) {
        let got = probe(&snap);
        if snap.damage().is_none() {
            assert_eq!(&got, expected, "damage went unnoticed");
        }
    }
});
