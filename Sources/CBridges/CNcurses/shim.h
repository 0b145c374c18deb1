// Wide-character curses: must be defined before the header so cchar_t and the
// *_wch functions exist.
#define NCURSES_WIDECHAR 1
#include <ncursesw/ncurses.h>

// Macros and variables Swift cannot import, as functions.
static inline int st_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t st_a_bold(void) { return A_BOLD; }
static inline attr_t st_a_dim(void) { return A_DIM; }
static inline attr_t st_a_reverse(void) { return A_REVERSE; }
static inline attr_t st_a_underline(void) { return A_UNDERLINE; }
static inline attr_t st_a_normal(void) { return A_NORMAL; }
static inline WINDOW *st_stdscr(void) { return stdscr; }
static inline int st_lines(void) { return LINES; }
static inline int st_cols(void) { return COLS; }
static inline int st_colors(void) { return COLORS; }
static inline mmask_t st_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int st_mouse_is_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int st_mouse_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }
static inline int st_mouse_is_click(mmask_t m) { return (m & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
