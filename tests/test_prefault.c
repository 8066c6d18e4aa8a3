/* test_prefault.c: prefault maps memory ahead of its first use and never changes what it holds
 * (the start-up touches the window's framebuffer on a helper thread with it). */
#define _DEFAULT_SOURCE 1 /* mincore, MAP_ANONYMOUS */

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "prefault.h"
#include "testutil.h"

/* Pages of [mem, mem + size) the kernel has mapped in, or -1 when it cannot say. */
static long resident_pages(void *mem, size_t size)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), n = (size + page - 1) / page;
    unsigned char *vec = malloc(n);
    if (!vec || mincore(mem, size, vec) != 0) {
        free(vec);
        return -1;
    }
    long in = 0;
    for (size_t i = 0; i < n; i++)
        in += vec[i] & 1;
    free(vec);
    return in;
}

/* A fresh anonymous mapping of pages: nothing of it is mapped in yet. */
static unsigned char *fresh(size_t pages)
{
    void *m =
        mmap(NULL, pages * (size_t)sysconf(_SC_PAGESIZE), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return m == MAP_FAILED ? NULL : m;
}

/* The helper thread maps every page of a fresh block (a framebuffer nothing has drawn into). */
static void thread_maps_fresh_block(void)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), pages = 512; /* 2 MB: a 1920x1080 frame is 2025 pages */
    unsigned char *m = fresh(pages);
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK_INT(resident_pages(m, pages * page), 0);
    Prefault *p = prefault_start(m, pages * page);
    CHECK(p != NULL);
    /* given time, the thread maps every page (bounded wait: a loaded machine or ASan is slow) */
    for (int i = 0; i < 2000 && resident_pages(m, pages * page) < (long)pages; i++)
        usleep(10000);
    prefault_join(p);
    CHECK_INT(resident_pages(m, pages * page), (long)pages);
    size_t nonzero = 0;
    for (size_t i = 0; i < pages * page; i++)
        nonzero += m[i] != 0;
    CHECK_INT(nonzero, 0); /* fresh memory reads as zeros, touched or not */
    munmap(m, pages * page);
}

/* What a block holds is kept, at any alignment and length (a surface's pixels need not start or
 * end on a page), and nothing outside the block is written. */
static void contents_kept(void)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), pages = 8;
    unsigned char *m = fresh(pages);
    CHECK(m != NULL);
    if (!m)
        return;
    for (size_t i = 0; i < pages * page; i++)
        m[i] = (unsigned char)(i * 7 + i / 251);
    size_t offset = 100, size = 5 * page + 333;
    prefault_touch(m + offset, size);
    Prefault *p = prefault_start(m + offset + 1, size - 2);
    CHECK(p != NULL);
    for (int i = 0; i < 2000 && resident_pages(m, pages * page) < 7; i++)
        usleep(10000);
    prefault_join(p);
    p = prefault_start(m + 1, pages * page - 1);
    CHECK(p != NULL);
    prefault_join(p); /* stopped at once: wherever it got to, nothing changed */
    size_t changed = 0;
    for (size_t i = 0; i < pages * page; i++)
        changed += m[i] != (unsigned char)(i * 7 + i / 251);
    CHECK_INT(changed, 0);
    munmap(m, pages * page);
}

/* prefault_populate maps a fresh block in one call where the kernel can (Linux 5.14), and says
 * so; an older kernel answers -1 and maps nothing, which only costs the speed. */
static void populate_maps_or_says_not(void)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), pages = 64;
    unsigned char *m = fresh(pages);
    CHECK(m != NULL);
    if (!m)
        return;
    int rc = prefault_populate(m + 10, pages * page - 10);
    CHECK(rc == 0 || rc == -1);
    if (rc == 0)
        CHECK_INT(resident_pages(m, pages * page), (long)pages);
    else
        printf("test_prefault: MADV_POPULATE_WRITE not supported by this kernel: the loop maps the pages\n");
    munmap(m, pages * page);
}

static void nothing_to_do(void)
{
    CHECK(prefault_start(NULL, 100) == NULL);
    unsigned char b[4] = {1, 2, 3, 4};
    CHECK(prefault_start(b, 0) == NULL);
    prefault_join(NULL);
    prefault_touch(NULL, 10);
    prefault_touch(b, 0);
    CHECK_INT(prefault_populate(NULL, 10), -1);
    CHECK_INT(b[0] + b[1] + b[2] + b[3], 10);
}

int main(void)
{
    thread_maps_fresh_block();
    contents_kept();
    populate_maps_or_says_not();
    nothing_to_do();
    return TEST_END();
}
