// Wide-character curses: must be defined before the header so cchar_t and the
// *_wch functions exist.
#define NCURSES_WIDECHAR 1
#include <ncursesw/ncurses.h>
