// libc interfaces Swift's Glibc module leaves out: fts(3) walks the library roots.
#include <sys/types.h>
#include <sys/stat.h>
#include <fts.h>

/// fts_name is a flexible array member, which Swift imports as a one-byte tuple.
static inline const char *seedtui_fts_name(const FTSENT *entry) { return entry->fts_name; }
