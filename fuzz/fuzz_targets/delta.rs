//! Fuzz target: the journal's delta file reader. Any bytes (their hashes made to match,
//! to get past the checks) give an error or a delta file whose reads over the embedded
//! graph's snapshot never panic, nor do they with a byte of a page changed after, which
//! checking every page then finds; any journal laid over the snapshot reads the same
//! through its delta file as through the overlay, and every page of it checks out.
#![no_main]

use kg::kb::delta::{Delta, Layered, format, laid_over};
use kg::kb::{Journal, Overlay};
use kg::store::snapshot::map::Bytes;
use kg::store::snapshot::{Snapshot, Stamp, build};
use kg_testkit::probe::probe_view;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SNAP: OnceLock<Vec<u8>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let bytes = SNAP.get_or_init(|| {
        let graph = kg::store::load_base(None).expect("the embedded graph loads");
        build(graph, Stamp::default())
            .expect("the seed fits")
            .into_bytes()
    });
    let snap = Snapshot::open(Bytes::Owned(bytes.clone())).expect("it opens");
    if let Some(journal) = std::str::from_utf8(data)
        .ok()
        .and_then(|t| Journal::parse(t).ok())
        && let Ok(overlay) = Overlay::new(&snap, journal)
    {
        let delta = Delta::open(Bytes::Owned(overlay.to_delta())).expect("it reads back");
        let layered = Layered::new(&snap, &delta);
        let (entities, facts) = overlay.counts();
        assert_eq!(layered.counts(), (entities, facts));
        assert_eq!(
            probe_view(&layered, entities, facts),
            probe_view(&overlay.view(), entities, facts)
        );
        assert_eq!(delta.damage(), None);
        assert_eq!(delta.check_all(), Ok(()));
        return;
    }
    let mut sealed = data.to_vec();
    format::seal(&mut sealed);
    if probe(&snap, sealed.clone()).is_err() {
        return;
    }
    // The same with a byte of its pages changed (the first byte of the input says which):
    // it still opens, its reads never panic, and checking every page finds the change.
    let (_, layout) = format::read_head(&sealed).expect("it opened");
    let pages = format::HEADER..layout.pages_off;
    if let Some(&pick) = data.first()
        && !pages.is_empty()
    {
        let at = pages.start + usize::from(pick) * 31 % pages.len();
        sealed[at] ^= 0x5a;
        let delta = probe(&snap, sealed).expect("a changed page is found when read");
        assert!(
            delta.check_all().is_err(),
            "byte {at} changed, every page checked out"
        );
    }
});

/// Opens the delta file `bytes` and, when it is laid over `snap` and not too large, reads
/// it over `snap` every way a query can.
fn probe(snap: &Snapshot, bytes: Vec<u8>) -> Result<Delta, format::FormatError> {
    let delta = Delta::open(Bytes::Owned(bytes))?;
    let head = delta.head();
    if laid_over(&delta, snap) && head.new_nodes <= 1 << 16 && head.new_edges <= 1 << 16 {
        let layered = Layered::new(snap, &delta);
        let (entities, facts) = layered.counts();
        probe_view(&layered, entities, facts);
    }
    Ok(delta)
}
