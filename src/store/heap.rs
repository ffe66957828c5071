//! Giving the heap a phase freed back to the system, so that the next phase does not grow
//! on top of it.
//!
//! The allocator (glibc's `malloc`) keeps what a program frees for later allocations, and
//! gives memory back on its own only from the top of its heap: one small allocation made
//! late (an article's id kept for the spans file) keeps every freed page below it
//! resident. A phase that frees millions of small allocations (the migration's plan: the
//! entities twice, the builder's names and index, the articles) leaves them resident, and
//! the next phase's large arrays (the snapshot's sections, each its own mapping) are added
//! on top: at 10M facts, 1.26 GB freed but resident under the snapshot's 2.6 GB.
//! [`release_freed`] asks the allocator for the free pages back wherever they lie
//! (`malloc_trim`), once, between the two phases.
//!
//! The second place in kg that uses `unsafe` (the first is [`super::snapshot::map`]): one
//! call to the C library, which takes no pointer and changes nothing a live allocation
//! holds.
#![allow(unsafe_code)]

/// Gives the free pages of every heap of the allocator back to the system (they stay
/// usable: a later allocation faults them in again, zeroed); true when some were. Costs a
/// walk of the free lists (milliseconds for a heap of gigabytes). Where the allocator is
/// not glibc's, nothing is done (false).
pub fn release_freed() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: `malloc_trim` takes no pointer and only hands whole free pages back to
        // the kernel (`MADV_DONTNEED`); it is thread-safe (each arena is locked while it
        // is trimmed) and changes no allocation in use. Rust's global allocator here is
        // the system's `malloc` (kg sets no other).
        unsafe { malloc_trim(0) != 0 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Releasing leaves every live allocation as it was, whatever was freed around it
    /// and while another thread allocates and frees. What it gives back is not tested
    /// here: in a test thread's heap the freed strings below a live one were not kept
    /// resident to begin with (`RssAnon` 1.7 MB before the release), unlike the
    /// migration's plan; `bench/results.md` measures it ("the 10M migration of many small
    /// articles within 4 GB").
    #[test]
    fn releasing_leaves_live_allocations_as_they_were() {
        let mut many: Vec<String> = (0..200_000).map(|i| format!("{i:0>100}")).collect();
        let kept: Vec<String> = many.iter().step_by(1000).cloned().collect();
        many.retain(|s| !s.ends_with('7'));
        let busy = std::thread::spawn(|| {
            (0..200_000)
                .map(|i| format!("{i:0>50}").len())
                .sum::<usize>()
        });
        release_freed();
        assert_eq!(busy.join().unwrap(), 200_000 * 50);
        assert_eq!(many.len(), 180_000);
        assert!(many.iter().all(|s| s.len() == 100 && !s.ends_with('7')));
        let want: Vec<String> = (0..200_000)
            .step_by(1000)
            .map(|i| format!("{i:0>100}"))
            .collect();
        assert_eq!(kept, want);
    }
}
