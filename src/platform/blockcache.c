/* blockcache.c: see blockcache.h. One process-wide table behind a mutex: SDL's allocator is one
 * per process, and SDL allocates on every thread (the painter's surfaces, audio, text). */
#define _GNU_SOURCE 1
#include "blockcache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#ifdef __GLIBC__
#include <malloc.h>
#define HAVE_USABLE_SIZE 1
#endif

typedef struct {
    void *p;
    size_t size; /* malloc_usable_size */
    unsigned long stamp; /* when it was kept: the oldest goes first */
} Kept;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Kept kept[BLOCKCACHE_SLOTS];
static size_t kept_bytes;
static unsigned long clock_n, n_reused, n_fresh;

static size_t usable(void *p)
{
#ifdef HAVE_USABLE_SIZE
    return malloc_usable_size(p);
#else
    (void)p;
    return 0; /* never kept */
#endif
}

/* The kept block for size bytes (removed from the table), or NULL. Call with lock held. */
static void *take(size_t size)
{
    int best = -1;
    for (int i = 0; i < BLOCKCACHE_SLOTS; i++)
        if (kept[i].p && kept[i].size >= size && kept[i].size / 2 <= size &&
            (best < 0 || kept[i].size < kept[best].size))
            best = i;
    if (best < 0)
        return NULL;
    void *p = kept[best].p;
    kept_bytes -= kept[best].size;
    kept[best].p = NULL;
    return p;
}

/* A kept block for a large request of size bytes, or NULL (the caller allocates); counted. */
static void *take_counted(size_t size)
{
    pthread_mutex_lock(&lock);
    void *p = take(size);
    if (p)
        n_reused++;
    else
        n_fresh++;
    pthread_mutex_unlock(&lock);
    return p;
}

/* The size a fresh block is made with: the request rounded up to BLOCKCACHE_STEP, so blocks of
 * nearby sizes serve each other's requests (a text line's glyph surface, its whole-line surface
 * and its texture differ by a few percent, and each is freed for another's next request). The
 * pages past the request are mapped but never touched, so they cost no memory until reused. */
static size_t rounded(size_t size)
{
    size_t r = (size + BLOCKCACHE_STEP - 1) / BLOCKCACHE_STEP * BLOCKCACHE_STEP;
    return r < size ? size : r;
}

void *blockcache_malloc(size_t size)
{
    if (size < BLOCKCACHE_MIN)
        return malloc(size);
    void *p = take_counted(size);
    return p ? p : malloc(rounded(size));
}

void *blockcache_calloc(size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size)
        return NULL;
    size_t bytes = n * size;
    if (bytes < BLOCKCACHE_MIN)
        return calloc(n, size);
    void *p = take_counted(bytes);
    if (!p)
        return calloc(1, rounded(bytes)); /* fresh pages are zero without touching them */
    memset(p, 0, bytes);
    return p;
}

void *blockcache_realloc(void *p, size_t size)
{
    if (!p)
        return blockcache_malloc(size);
    return realloc(p, size);
}

void blockcache_free(void *p)
{
    if (!p)
        return;
    size_t size = usable(p);
    if (size < BLOCKCACHE_MIN || size > BLOCKCACHE_BYTES) {
        free(p);
        return;
    }
    void *drop[BLOCKCACHE_SLOTS + 1];
    int ndrop = 0;
    pthread_mutex_lock(&lock);
    /* make room: the oldest kept blocks go, until this one fits in bytes and in a slot */
    for (;;) {
        int empty = -1, oldest = -1;
        for (int i = 0; i < BLOCKCACHE_SLOTS; i++) {
            if (!kept[i].p) {
                if (empty < 0)
                    empty = i;
            } else if (oldest < 0 || kept[i].stamp < kept[oldest].stamp) {
                oldest = i;
            }
        }
        if (empty >= 0 && kept_bytes + size <= BLOCKCACHE_BYTES) {
            kept[empty] = (Kept){p, size, ++clock_n};
            kept_bytes += size;
            p = NULL;
            break;
        }
        if (oldest < 0)
            break; /* cannot happen: size <= BLOCKCACHE_BYTES */
        drop[ndrop++] = kept[oldest].p;
        kept_bytes -= kept[oldest].size;
        kept[oldest].p = NULL;
    }
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < ndrop; i++)
        free(drop[i]); /* outside the lock: unmapping takes a while */
    free(p);
}

BlockCacheStats blockcache_stats(void)
{
    BlockCacheStats s = {0};
    pthread_mutex_lock(&lock);
    s.reused = n_reused, s.fresh = n_fresh, s.kept_bytes = kept_bytes;
    for (int i = 0; i < BLOCKCACHE_SLOTS; i++)
        s.kept += kept[i].p != NULL;
    pthread_mutex_unlock(&lock);
    return s;
}

void blockcache_trim(void)
{
    void *drop[BLOCKCACHE_SLOTS];
    int ndrop = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < BLOCKCACHE_SLOTS; i++)
        if (kept[i].p) {
            drop[ndrop++] = kept[i].p;
            kept[i].p = NULL;
        }
    kept_bytes = 0;
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < ndrop; i++)
        free(drop[i]);
}

int blockcache_install(void)
{
#ifdef HAVE_USABLE_SIZE
    return SDL_SetMemoryFunctions(blockcache_malloc, blockcache_calloc, blockcache_realloc, blockcache_free) == 0 ? 0
                                                                                                                  : -1;
#else
    return -1;
#endif
}
