package perceptron

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks Linux to back the 2 MiB-aligned part of a large table
// with huge pages (MADV_HUGEPAGE; transparent huge pages are often in
// "madvise" mode): lookups at random places of a table of many megabytes
// otherwise miss the TLB nearly every time. Call it before the table is
// written, so that its pages are faulted in as huge pages. Failure is
// harmless and ignored.
func adviseHuge(p unsafe.Pointer, size uintptr) {
	const huge = 2 << 20
	if size < 2*huge {
		return
	}
	start := (uintptr(p) + huge - 1) &^ (huge - 1)
	end := (uintptr(p) + size) &^ (huge - 1)
	if end <= start {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Add(p, start-uintptr(p))), end-start)
	_ = syscall.Madvise(b, 14) // MADV_HUGEPAGE
}
