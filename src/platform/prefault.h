/* prefault.h: map fresh memory before the code that draws into it needs it (start-up: the
 * window's framebuffer), so that drawing does not stop at every new page. */
#ifndef UNKNOT_PREFAULT_H
#define UNKNOT_PREFAULT_H

#include <stddef.h>

typedef struct Prefault Prefault;

/* Starts mapping the bytes [mem, mem + size) on a helper thread (prefault_populate), then
 * touching their pages from the end, keeping their values. Nothing else may use or free the
 * block until prefault_join. Returns NULL (and touches nothing) when the block is empty or the
 * thread cannot start. */
Prefault *prefault_start(void *mem, size_t size);

/* Stops the helper thread where it has got to (the pages it did not reach are touched as they
 * are first used), waits for it and frees p; NULL does nothing. */
void prefault_join(Prefault *p);

/* The same on the calling thread, to the end: maps the block's pages in one system call where
 * the kernel can (prefault_populate), then writes each page's first byte back to itself. */
void prefault_touch(void *mem, size_t size);

/* Maps the block's pages writable in one system call (Linux 5.14: MADV_POPULATE_WRITE), keeping
 * their values; returns 0, or -1 when the kernel cannot (nothing is changed then). */
int prefault_populate(void *mem, size_t size);

#endif
