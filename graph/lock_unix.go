//go:build unix

package graph

import (
	"errors"
	"os"
	"syscall"
)

// checkLock reports ErrLocked when another process holds the bolt file.
// bolt itself would wait for the lock forever.
func checkLock(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return ErrLocked
		}
		return err
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
