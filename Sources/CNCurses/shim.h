/*
 * The only C in wangge, and the only place ncurses is named.
 *
 * SwiftPM drops pkg-config's -D flags, so the wide-character API has to be switched on
 * here, before the header is read; without these two defines cchar_t, get_wch, setcchar
 * and mvadd_wch are not declared at all.
 *
 * Swift cannot import function-like or computed macros, so each one the backend needs is
 * wrapped in a static inline function named wangge_*.
 */
#ifndef WANGGE_CNCURSES_SHIM_H
#define WANGGE_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Attributes (computed macros). */
static inline attr_t wangge_attr_normal(void) { return A_NORMAL; }
static inline attr_t wangge_attr_bold(void) { return A_BOLD; }
static inline attr_t wangge_attr_dim(void) { return A_DIM; }
static inline attr_t wangge_attr_reverse(void) { return A_REVERSE; }
static inline attr_t wangge_attr_underline(void) { return A_UNDERLINE; }

/* Window size (getmaxyx assigns to its arguments, so it cannot be imported). */
static inline int wangge_max_x(WINDOW *win) { return getmaxx(win); }
static inline int wangge_max_y(WINDOW *win) { return getmaxy(win); }

/* Key codes that are macros with arguments. */
static inline int wangge_key_f(int n) { return KEY_F(n); }
static inline int wangge_key_code_yes(void) { return KEY_CODE_YES; }

/* The number of wide characters a cchar_t holds (base + combining marks). */
static inline int wangge_ccharw_max(void) { return CCHARW_MAX; }

/* glibc's wcwidth (not importable: declared only under _XOPEN_SOURCE), so a running
   console can check its Swift width table against the live C library. */
static inline int wangge_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
