//! [`Delta`]: a delta file's bytes (see [`super::format`]), its header and page table
//! checked when opened, then read row by row where a query needs them, each page checked
//! against its sum the first time a row or string on it is read. Every offset is bounded
//! before it is used: a row or string out of the file reads as absent, never as a panic.

use super::format::{FormatError, Head, Layout, Section, get32, get64, page_ok, read_head};
use crate::model::{Entity, Fact, Kind, Relation, Source};
use crate::store::snapshot::map::Bytes;
use std::cell::Cell;

/// A delta file, open for reading.
///
/// A page found not to match its sum is noted ([`Delta::damage`]) and its bytes read
/// all the same (bounded as any): answers computed once damage is noted are not to be
/// used.
pub struct Delta {
    bytes: Bytes,
    head: Head,
    layout: Layout,
    /// One bit per page: checked against its sum already.
    checked: Vec<Cell<u64>>,
    /// The first page found not to match its sum.
    damaged: Cell<Option<usize>>,
}

/// An entity row: what listings and searches read of a journal entity.
#[derive(Clone, Copy, Debug)]
pub struct EntityRow<'a> {
    pub n: u32,
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a str,
    record: &'a [u8],
}

impl EntityRow<'_> {
    /// The whole record (`None` when it does not decode: never for a file kg wrote).
    pub fn entity(&self) -> Option<Entity> {
        serde_json::from_slice(self.record).ok()
    }
}

/// A fact row: what searches and listings read of a journal fact.
#[derive(Clone, Copy, Debug)]
pub struct FactRow<'a> {
    pub e: u32,
    pub subject: u32,
    pub object: u32,
    pub relation: Relation,
    pub count: Option<u64>,
    pub date: Option<&'a str>,
    record: &'a [u8],
}

impl FactRow<'_> {
    /// The whole record (`None` when it does not decode: never for a file kg wrote).
    pub fn fact(&self) -> Option<Fact> {
        serde_json::from_slice(self.record).ok()
    }
}

impl Delta {
    /// Reads a delta file's header and checks its hash and its page table's.
    ///
    /// # Complexity
    /// O(pages): the page table is hashed; each page is checked when first read.
    pub fn open(bytes: Bytes) -> Result<Delta, FormatError> {
        let (head, layout) = read_head(&bytes)?;
        Ok(Delta {
            bytes,
            head,
            checked: (0..layout.pages().div_ceil(64))
                .map(|_| Cell::new(0))
                .collect(),
            layout,
            damaged: Cell::new(None),
        })
    }

    /// The header's fields.
    pub fn head(&self) -> Head {
        self.head
    }

    /// The first page read so far that does not match its sum, if any: answers computed
    /// from this file are then not to be used.
    pub fn damage(&self) -> Option<FormatError> {
        self.damaged.get().map(FormatError::Page)
    }

    /// Checks every page not checked yet (what a query reading the whole file would).
    ///
    /// # Complexity
    /// O(file).
    pub fn check_all(&self) -> Result<(), FormatError> {
        for p in 0..self.layout.pages() {
            self.check_page(p);
        }
        self.damage().map_or(Ok(()), Err)
    }

    /// Checks page `p` against its sum, once; a page that does not match is noted.
    fn check_page(&self, p: usize) {
        let (word, bit) = (p / 64, p % 64);
        let cell = &self.checked[word];
        if cell.get() >> bit & 1 == 1 {
            return;
        }
        if page_ok(&self.bytes, &self.layout, p) {
            cell.set(cell.get() | 1 << bit);
        } else if self.damaged.get().is_none() {
            self.damaged.set(Some(p));
        }
    }

    /// Bytes `from..to` of the file (within its sections), their pages checked.
    fn checked(&self, from: usize, to: usize) -> &[u8] {
        if from < to {
            for p in self.layout.pages_of(from, to) {
                self.check_page(p);
            }
        }
        &self.bytes[from..to]
    }

    /// The byte range of section `s`.
    fn range(&self, s: Section) -> (usize, usize) {
        self.layout.sections[s as usize]
    }

    /// How many rows section `s` has.
    fn rows(&self, s: Section) -> usize {
        let (start, end) = self.range(s);
        (end - start) / s.row()
    }

    /// Row `i` of section `s` (which has it), its page checked.
    fn row(&self, s: Section, i: usize) -> &[u8] {
        let len = s.row();
        let at = self.range(s).0 + i * len;
        self.checked(at, at + len)
    }

    /// The string a reference at `at` of `row` points to, its pages checked (empty when
    /// out of bounds).
    fn bytes_at(&self, row: &[u8], at: usize) -> &[u8] {
        let off = get64(row, at);
        let len = u64::from(get32(row, at + 8));
        let (start, end) = self.range(Section::Strings);
        match off.checked_add(len) {
            Some(to) if to <= (end - start) as u64 => {
                self.checked(start + off as usize, start + to as usize)
            }
            _ => &[],
        }
    }

    fn str_at(&self, row: &[u8], at: usize) -> &str {
        std::str::from_utf8(self.bytes_at(row, at)).unwrap_or("")
    }

    /// The place of `key` in a section sorted by it, if it is there.
    fn find<K: Ord>(&self, s: Section, key: impl Fn(&[u8]) -> K, want: &K) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.rows(s));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match key(self.row(s, mid)).cmp(want) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// True when fact `e` is hidden (a removal's or a merge's).
    pub fn gone_fact(&self, e: u32) -> bool {
        self.find(Section::GoneFacts, |r| get32(r, 0), &e).is_some()
    }

    /// How many facts are hidden.
    pub fn gone_facts(&self) -> usize {
        self.rows(Section::GoneFacts)
    }

    /// The hidden facts' numbers, ascending.
    pub fn gone_fact_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        let s = Section::GoneFacts;
        (0..self.rows(s)).map(move |i| get32(self.row(s, i), 0))
    }

    /// The hidden entities' numbers, ascending.
    pub fn gone_node_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        let s = Section::GoneNodes;
        (0..self.rows(s)).map(move |i| get32(self.row(s, i), 0))
    }

    /// True when entity `n` is hidden (a merge's or a removal's).
    pub fn gone_node(&self, n: u32) -> bool {
        self.find(Section::GoneNodes, |r| get32(r, 0), &n).is_some()
    }

    /// How many entities are hidden.
    pub fn gone_nodes(&self) -> usize {
        self.rows(Section::GoneNodes)
    }

    fn entity_row(&self, i: usize) -> EntityRow<'_> {
        let r = self.row(Section::Entities, i);
        EntityRow {
            n: get32(r, 0),
            kind: Kind::ALL
                .get(r[4] as usize)
                .copied()
                .unwrap_or(Kind::ALL[0]),
            id: self.str_at(r, 8),
            name: self.str_at(r, 20),
            record: self.bytes_at(r, 32),
        }
    }

    /// The journal's record of entity `n`, if it added or replaced it.
    pub fn entity(&self, n: u32) -> Option<EntityRow<'_>> {
        let i = self.find(Section::Entities, |r| get32(r, 0), &n)?;
        Some(self.entity_row(i))
    }

    /// Every entity the journal added or replaced, by number.
    pub fn entities(&self) -> impl Iterator<Item = EntityRow<'_>> {
        (0..self.rows(Section::Entities)).map(|i| self.entity_row(i))
    }

    /// The number of the journal's entity with this id.
    pub fn node_of(&self, id: &str) -> Option<u32> {
        let i = self.find(Section::Ids, |r| self.bytes_at(r, 0), &id.as_bytes())?;
        Some(get32(self.row(Section::Ids, i), 12))
    }

    /// The journal's record of fact `e`, if it added or replaced it.
    pub fn fact(&self, e: u32) -> Option<FactRow<'_>> {
        let i = self.find(Section::Facts, |r| get32(r, 0), &e)?;
        let r = self.row(Section::Facts, i);
        Some(FactRow {
            e,
            subject: get32(r, 4),
            object: get32(r, 8),
            relation: Relation::ALL
                .get(r[12] as usize)
                .copied()
                .unwrap_or(Relation::ALL[0]),
            count: (r[13] != 0).then(|| get64(r, 16)),
            date: (r[14] != 0).then(|| self.str_at(r, 24)),
            record: self.bytes_at(r, 36),
        })
    }

    /// The journal's new facts at entity `n`, out of it (`forward`) or into it: (other
    /// end, fact), in fact order.
    pub fn adjacent(&self, forward: bool, n: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let s = if forward { Section::Out } else { Section::Into };
        let (mut lo, mut hi) = (0, self.rows(s));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if get32(self.row(s, mid), 0) < n {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo..self.rows(s))
            .map(move |i| self.row(s, i))
            .take_while(move |r| get32(r, 0) == n)
            .map(|r| (get32(r, 4), get32(r, 8)))
    }

    /// How many sources the journal holds (a removed one keeps its place).
    pub fn source_rows(&self) -> usize {
        self.rows(Section::Sources)
    }

    /// The journal's source at place `i`: its id (empty once removed) and record.
    pub fn source_at(&self, i: usize) -> (&str, Option<Source>) {
        if i >= self.source_rows() {
            return ("", None);
        }
        let r = self.row(Section::Sources, i);
        let record = serde_json::from_slice(self.bytes_at(r, 12)).ok();
        (self.str_at(r, 0), record)
    }

    /// The place of the journal's source with this id.
    pub fn source_place(&self, id: &str) -> Option<usize> {
        let key = |r: &[u8]| {
            let i = get32(r, 0) as usize;
            if i >= self.source_rows() {
                return &[][..];
            }
            self.bytes_at(self.row(Section::Sources, i), 0)
        };
        let i = self.find(Section::SourceIds, key, &id.as_bytes())?;
        Some(get32(self.row(Section::SourceIds, i), 0) as usize)
    }

    /// The ids of the sources that still name one, with their places.
    pub fn source_ids(&self) -> impl Iterator<Item = (&str, usize)> {
        (0..self.rows(Section::SourceIds)).filter_map(|i| {
            let at = get32(self.row(Section::SourceIds, i), 0) as usize;
            (at < self.source_rows()).then(|| (self.source_at_id(at), at))
        })
    }

    pub(super) fn source_at_id(&self, i: usize) -> &str {
        self.str_at(self.row(Section::Sources, i), 0)
    }

    /// True when a removal took the source with this id out.
    pub fn gone_source(&self, id: &str) -> bool {
        self.find(
            Section::GoneSources,
            |r| self.bytes_at(r, 0),
            &id.as_bytes(),
        )
        .is_some()
    }

    /// The ids of the sources removals took out.
    pub fn gone_sources(&self) -> impl Iterator<Item = &str> {
        (0..self.rows(Section::GoneSources))
            .map(|i| self.str_at(self.row(Section::GoneSources, i), 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::delta::format::tests::with_gone;
    use crate::kb::delta::format::{HEADER, PAGE};

    /// Hidden facts 0..3000 over three pages, with a byte of the third page changed.
    fn third_page_changed() -> Delta {
        let mut bytes = with_gone((0..3000).collect());
        bytes[HEADER + 2 * PAGE + 1] ^= 1;
        Delta::open(Bytes::Owned(bytes)).unwrap()
    }

    #[test]
    fn a_changed_page_is_found_when_a_row_on_it_is_read_and_not_before() {
        let d = third_page_changed();
        assert!(d.gone_fact_numbers().take(2000).eq(0..2000));
        assert!(d.gone_fact(10) && d.gone_fact(1500));
        assert_eq!(d.damage(), None, "the first two pages are whole");
        let _ = d.gone_fact_numbers().nth(2500);
        assert_eq!(d.damage(), Some(FormatError::Page(2)));
        assert_eq!(d.check_all(), Err(FormatError::Page(2)));
    }

    #[test]
    fn a_search_that_reads_a_changed_page_notes_it() {
        let d = third_page_changed();
        let _ = d.gone_fact(2999);
        assert_eq!(d.damage(), Some(FormatError::Page(2)));
    }

    #[test]
    fn a_whole_file_checks_out() {
        let d = Delta::open(Bytes::Owned(with_gone((0..3000).collect()))).unwrap();
        assert_eq!(d.check_all(), Ok(()));
        assert!(d.gone_fact(2999) && !d.gone_fact(3000));
        assert_eq!(d.damage(), None);
    }
}
