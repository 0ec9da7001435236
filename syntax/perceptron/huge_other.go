//go:build !linux

package perceptron

import "unsafe"

// adviseHuge does nothing outside Linux.
func adviseHuge(p unsafe.Pointer, size uintptr) {}
