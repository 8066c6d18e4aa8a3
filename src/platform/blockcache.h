/* blockcache.h: large blocks freed by SDL (text lines, their textures, surfaces) kept mapped for
 * the next allocation of about their size, so that drawing a new line does not fault in fresh
 * pages. A page's first touch costs 15-27 us on the VMs we measure on: a 480 kB text line and
 * its texture were ~130-450 page faults, 3.5-14 ms on the main thread, every time a countdown or
 * a rep count changed; reusing a kept block costs a copy (~0.06 ms). At most BLOCKCACHE_BYTES
 * are kept, so the peak RSS rises by that at most. */
#ifndef UNKNOT_BLOCKCACHE_H
#define UNKNOT_BLOCKCACHE_H

#include <stddef.h>

enum {
    BLOCKCACHE_MIN = 128 * 1024, /* blocks this large or larger are kept (glibc maps them) */
    BLOCKCACHE_BYTES = 2 * 1024 * 1024, /* kept at most, in all */
    BLOCKCACHE_SLOTS = 8, /* blocks kept at most */
    BLOCKCACHE_STEP = 64 * 1024, /* a fresh large block's size is a multiple of this */
};

/* Routes SDL's allocations (SDL_SetMemoryFunctions) through the functions below. Call it first
 * in main, before any SDL call; it is never undone (SDL needs every block freed by the functions
 * that made it, and these free plain malloc blocks). Returns 0, or -1 where it cannot (not glibc,
 * or SDL refused): SDL then allocates as before. */
int blockcache_install(void);

/* malloc, calloc, realloc and free, keeping freed blocks of BLOCKCACHE_MIN or more (up to
 * BLOCKCACHE_BYTES) for the next request they fit (the smallest kept block at least as large and
 * at most twice as large). A fresh large block is made BLOCKCACHE_STEP-rounded. Thread-safe. Every
 * block is a malloc block: free() would take it too. */
void *blockcache_malloc(size_t size);
void *blockcache_calloc(size_t n, size_t size);
void *blockcache_realloc(void *p, size_t size);
void blockcache_free(void *p);

/* What the cache did since the process started (test_blockcache prints it). */
typedef struct {
    unsigned long reused; /* large requests served from a kept block */
    unsigned long fresh; /* large requests that had to allocate */
    size_t kept_bytes; /* usable bytes kept now */
    int kept; /* blocks kept now */
} BlockCacheStats;
BlockCacheStats blockcache_stats(void);

/* Frees every kept block (tests; a long idle). */
void blockcache_trim(void);

#endif
