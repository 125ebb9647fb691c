#include "core/file_lock.hpp"

#include <sys/file.h>

#include <cerrno>

namespace litmus {

bool try_lock_exclusive(int fd) {
  int rc;
  do {
    rc = ::flock(fd, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  return rc == 0;
}

void unlock(int fd) { ::flock(fd, LOCK_UN); }

}  // namespace litmus
