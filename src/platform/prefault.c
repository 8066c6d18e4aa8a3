/* prefault.c: map fresh memory ahead of its first use (prefault.h).
 *
 * Why: the first write to a page of fresh memory traps into the kernel, which maps it. On the
 * 2-core virtual machine unknot is measured on, each such trap costs ~16 us, so the 8 MB
 * framebuffer of a 1920x1080 window costs ~35 ms when the first frame draws into it (measured
 * there: a first memset of 8 MB 37-41 ms, a second 0.5 ms). madvise(MADV_POPULATE_WRITE) maps
 * the whole block in one system call (~4 ms for 8 MB there); a first write per page after it
 * still costs about half (17-21 ms for 8 MB), which the helper thread of prefault_start pays
 * on the other core while the main thread loads the program, as far as it gets before
 * prefault_join: the main thread never waits for more than the system call. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1 /* madvise, MADV_POPULATE_WRITE (SDL's compile flags set it too) */
#endif

#include "prefault.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <SDL.h>

struct Prefault {
    void *mem;
    size_t size;
    SDL_atomic_t stop; /* prefault_join: stop touching, the caller needs the block now */
    SDL_Thread *thread;
};

static size_t page_size(void)
{
    long page = sysconf(_SC_PAGESIZE);
    return page > 0 ? (size_t)page : 4096;
}

/* Writes the byte back as it is: the page is written (so mapped writable), its contents kept. The
 * volatile access is not optimised away. */
static void touch_page(unsigned char *byte)
{
    volatile unsigned char *b = byte;
    unsigned char v = *b;
    *b = v;
}

int prefault_populate(void *mem, size_t size)
{
    if (!mem || size == 0)
        return -1;
#ifdef MADV_POPULATE_WRITE
    /* madvise wants a page-aligned start; populating keeps the contents of pages already mapped */
    uintptr_t start = (uintptr_t)mem & ~(uintptr_t)(page_size() - 1);
    return madvise((void *)start, (uintptr_t)mem + size - start, MADV_POPULATE_WRITE) == 0 ? 0 : -1;
#else
    return -1;
#endif
}

void prefault_touch(void *mem, size_t size)
{
    if (!mem || size == 0)
        return;
    (void)prefault_populate(mem, size); /* an older kernel: the loop below does it all */
    size_t step = page_size();
    for (size_t i = 0; i < size; i += step)
        touch_page((unsigned char *)mem + i);
    touch_page((unsigned char *)mem + size - 1);
}

/* The helper thread: memory only, no SDL call but the atomic. It touches from the end, so that
 * when it is stopped early the part it did is the part a top-down clear reaches last. */
static int prefault_run(void *data)
{
    Prefault *p = data;
    (void)prefault_populate(p->mem, p->size);
    size_t step = page_size();
    for (size_t i = p->size; i > 0 && !SDL_AtomicGet(&p->stop);) {
        i = i > step ? i - step : 0;
        touch_page((unsigned char *)p->mem + i);
    }
    return 0;
}

Prefault *prefault_start(void *mem, size_t size)
{
    if (!mem || size == 0)
        return NULL;
    Prefault *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    p->mem = mem;
    p->size = size;
    SDL_AtomicSet(&p->stop, 0);
    p->thread = SDL_CreateThread(prefault_run, "unknot-prefault", p);
    if (!p->thread) {
        free(p);
        return NULL;
    }
    return p;
}

void prefault_join(Prefault *p)
{
    if (!p)
        return;
    SDL_AtomicSet(&p->stop, 1);
    SDL_WaitThread(p->thread, NULL);
    free(p);
}
