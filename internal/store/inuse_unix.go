//go:build linux || darwin || freebsd || netbsd || openbsd

package store

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// shmDMSByte is the byte of a WAL database's -shm file on which every process that
// has the database open holds a shared lock (SQLite's unix VFS: UNIX_SHM_BASE 120 +
// SQLITE_SHM_NLOCK 8).
const shmDMSByte = 128

// sqliteInUse reports whether another process has the WAL database at path open, by
// asking whether a write lock on its -shm file's DMS byte would conflict. It only
// asks (F_GETLK) and takes no lock. Locks are per process, so this process's own
// connections never count.
func sqliteInUse(path string) (bool, error) {
	f, err := os.Open(path + "-shm")
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: shmDMSByte, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil {
		return false, err
	}
	return lk.Type != syscall.F_UNLCK, nil
}
