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

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;

    /// This process's anonymous resident memory, in KiB.
    fn anon_kib() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let line = status.lines().find(|l| l.starts_with("RssAnon:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    /// A million small strings freed below one that stays (as the migration's plan is
    /// freed below the spans' ids) stay resident until they are released. (Other tests
    /// run beside this one: only a drop of half the freed memory is asked for.)
    #[test]
    fn freed_small_allocations_below_a_live_one_go_back_to_the_system() {
        let many: Vec<String> = (0..1_000_000).map(|i| format!("{i:0>100}")).collect();
        // Of a size no freed chunk has: taken from the top of the heap, above `many`.
        let kept = "k".repeat(5000);
        drop(many);
        let before = anon_kib();
        assert!(release_freed());
        let after = anon_kib();
        assert!(
            before.saturating_sub(after) > 56 * 1024,
            "{before} KiB resident before the release, {after} after"
        );
        assert_eq!(kept.len(), 5000);
    }
}
