#pragma once
// Advisory whole-file locks (flock) that die with the process: a journal is
// locked by the process writing it, so recovery can tell a live session
// from one whose process is gone.

namespace litmus {

// Takes an exclusive lock without waiting; false when another open file
// description (another process, or another open() in this one) holds it.
bool try_lock_exclusive(int fd);
void unlock(int fd);

}  // namespace litmus
