//! Fuzz target: the journal reader. Any text read as a journal gives an error or a
//! journal that writes back to text reading as the same journal; applied to the embedded
//! graph and laid over its snapshot, it gives a graph, a named error, or an overlay whose
//! reads never panic.
#![no_main]

use kg::kb::Journal;
use kg::store::snapshot::map::Bytes;
use kg_testkit::probe::probe_view;
use kg::kb::Overlay;
use kg::store::snapshot::{Snapshot, Stamp, build};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SNAP: OnceLock<Vec<u8>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(journal) = Journal::parse(text) else {
        return;
    };
    let again = Journal::parse(&journal.to_text()).expect("written journals read back");
    assert_eq!(again, journal);
    let graph = kg::store::load_base(None).expect("the embedded graph loads");
    let mut file = graph.clone().into_file();
    journal.apply(&mut file);
    let _ = kg::model::KnowledgeGraph::from_file(file);
    let bytes = SNAP.get_or_init(|| {
        build(graph, Stamp::default())
            .expect("the seed fits")
            .into_bytes()
    });
    let snap = Snapshot::open(Bytes::Owned(bytes.clone())).expect("it opens");
    if let Ok(overlay) = Overlay::new(&snap, journal) {
        let (entities, facts) = overlay.counts();
        probe_view(&overlay.view(), entities, facts);
    }
});
