// libarchive reads the zip, rar and 7z containers of EPUBs and comic archives.
#include <archive.h>
#include <archive_entry.h>
